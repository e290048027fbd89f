import Foundation
import LeakScan
import Synchronization

/// A one-line progress display on standard error (never standard output), redrawn at most ten times a second;
/// only when standard error is a terminal and `--quiet` is off.
final class ProgressLine: ScanProgress {
    private let lastDraw = Mutex<ContinuousClock.Instant?>(nil)

    static func ifTerminal(quiet: Bool) -> ProgressLine? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressLine()
    }

    func update(artifact: String, entry: String, bytesRead: Int64) {
        let now = ContinuousClock.now
        let due = lastDraw.withLock { last in
            guard last.map({ now - $0 >= .milliseconds(100) }) ?? true else { return false }
            last = now
            return true
        }
        guard due else { return }
        let megabytes = String(format: "%.1f", Double(bytesRead) / 1_048_576)
        var line = "leak-scan: \(megabytes) MiB read  \(entry)"
        if line.count > 120 { line = String(line.prefix(117)) + "..." }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    /// Erases the line before the report and diagnostics are printed.
    func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
