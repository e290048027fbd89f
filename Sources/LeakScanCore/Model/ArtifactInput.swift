/// What an auditor needs to pin the scanned artifact down: its detected container format, its size and its SHA-256,
/// all taken from the bytes as the scan read them.
public struct ArtifactInput: Hashable, Sendable, Codable {
    /// The container and its compressions, innermost first (`tar.gzip`, `zip`, `asar`, `directory`, `file`); nil when
    /// the artifact could not be opened.
    public var format: String?
    /// Bytes of the artifact (the file, or standard input); nil for a folder or an input that could not be read.
    public var size: Int64?
    /// SHA-256 of those bytes, 64 lowercase hex digits as `sha256sum` prints them; nil when not every byte was read
    /// (a folder, an unreadable input, a scan stopped at a limit).
    public var sha256: String?

    public init(format: String? = nil, size: Int64? = nil, sha256: String? = nil) {
        self.format = format
        self.size = size
        self.sha256 = sha256
    }
}
