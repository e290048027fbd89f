/// How a human-readable report is shown: only verdicts, everything, colours. Machine formats ignore it.
package struct RenderOptions: Sendable, Equatable {
    /// Only the verdict lines (`--quiet`).
    package var quiet = false
    /// Every map, reference and note on its own line (`-v`); otherwise lesser items collapse into counted lines.
    package var verbose = false
    /// Verdict words in colour (`--color`, `NO_COLOR`, a terminal).
    package var color = false
    /// Secrets as they are instead of redacted excerpts, in every format (`--show-secrets`).
    package var showSecrets = false

    package init(quiet: Bool = false, verbose: Bool = false, color: Bool = false, showSecrets: Bool = false) {
        self.quiet = quiet
        self.verbose = verbose
        self.color = color
        self.showSecrets = showSecrets
    }
}
