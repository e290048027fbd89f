import LeakReporters
import LeakScanCore

extension Diagnostic {
    /// The sentence the reports print, for tests that pin a reader's explanation word for word.
    var message: String { Wording.problem(problem) }
}

extension Note {
    /// The sentence the reports print, for tests that pin a reader's words.
    var message: String { Wording.note(kind) }
}
