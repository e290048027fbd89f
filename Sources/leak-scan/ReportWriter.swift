#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes reports (and hooks): a temporary file beside the target renamed over it, so readers never see half a report. Failures
/// name the file and the OS reason (exit 2: the report was not delivered).
enum ReportWriter {
    static func writeAtomically(_ text: String, to path: String, mode: mode_t = 0o644) throws(CommandError) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        var template = Array("\(directory)/.leak-scan-report-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path, "cannot write") }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var reason: Int32 = 0
        if fchmod(descriptor, mode) != 0 || !StandardStreams.write(text, to: descriptor) { reason = errno }
        if close(descriptor) != 0, reason == 0 { reason = errno }
        if reason == 0, rename(temporary, path) != 0 { reason = errno }
        guard reason == 0 else {
            unlink(temporary)
            throw failure(path, "cannot write", code: reason)
        }
    }

    /// Appends to a file such as `$GITHUB_STEP_SUMMARY`, creating it if needed.
    static func append(_ text: String, to path: String) throws(CommandError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, "cannot open") }
        defer { close(descriptor) }
        guard StandardStreams.write(text, to: descriptor) else { throw failure(path, "cannot append") }
    }

    /// Standard output carries the report: a refused write (closed pipe, full disk) means the report is lost.
    static func writeStandardOutput(_ text: String) throws(CommandError) {
        guard StandardStreams.write(text, to: STDOUT_FILENO) else { throw failure("standard output", "cannot write the report") }
    }

    /// The OS reason (`errno` at the moment of failure unless given), worded.
    static func failure(_ file: String, _ what: String, code: Int32 = errno) -> CommandError {
        .incomplete("\(file): \(what): \(String(cString: strerror(code)))")
    }
}
