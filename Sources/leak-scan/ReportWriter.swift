import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Writes reports: a temporary file beside the target renamed over it, so readers never see half a report.
enum ReportWriter {
    static func writeAtomically(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Appends to a file such as `$GITHUB_STEP_SUMMARY`, creating it if needed.
    static func append(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "\(path): cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard StandardStreams.write(text, to: descriptor) else {
            throw Failure(description: "\(path): cannot append: \(String(cString: strerror(errno)))")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}
