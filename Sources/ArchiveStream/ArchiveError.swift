/// A failure reported by libarchive or by the reader's own limits, with the message captured when it happened.
public struct ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, independent of the wording of libarchive's message.
    public enum Code: String, Sendable {
        case openFailed
        case headerFailed
        case dataFailed
        case fatal
    }

    public var code: Code
    /// The libarchive status (`ARCHIVE_FAILED`, `ARCHIVE_FATAL` …) that produced the error, or 0 for the reader's own checks.
    public var status: Int32
    /// `archive_error_string` at the moment of failure, or the reader's own wording.
    public var message: String
    /// The member being read when it failed, if any.
    public var entryPath: String?

    public init(code: Code, status: Int32, message: String, entryPath: String? = nil) {
        self.code = code
        self.status = status
        self.message = message
        self.entryPath = entryPath
    }

    public var description: String {
        if let entryPath { return "\(entryPath): \(message)" }
        return message
    }
}
