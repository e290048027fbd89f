import ArtifactScanning
import LeakReporters
import Synchronization

/// A one-line progress display on standard error (never standard output), redrawn at most ten times a second;
/// only when standard error is a terminal and `--quiet` is off.
final class ProgressLine: ScanProgress {
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

    static func ifTerminal(quiet: Bool) -> ProgressLine? {
        quiet || !StandardStreams.errorIsTerminal ? nil : ProgressLine()
    }

    func update(artifact: String, entry: String, bytesRead: Int64) {
        let now = ContinuousClock.now
        let due = lastDraw.withLock { last in
            guard last.map({ now - $0 >= .milliseconds(100) }) ?? true else { return false }
            last = now
            return true
        }
        guard due else { return }
        let tenths = Int((Double(bytesRead) / 1_048_576 * 10).rounded())
        var line = "leak-scan: \(tenths / 10).\(tenths % 10) MiB read  \(Wording.name(entry))"
        if line.count > 120 { line = String(line.prefix(117)) + "..." }
        StandardStreams.writeError("\r\u{1B}[K\(line)")
    }

    /// Erases the line before the report and diagnostics are printed.
    func clear() {
        StandardStreams.writeError("\r\u{1B}[K")
    }
}
