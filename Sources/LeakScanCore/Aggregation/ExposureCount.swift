/// Files, lines and bytes of original source.
public struct ExposureCount: Hashable, Sendable, Codable {
    public var files = 0
    public var lines = 0
    public var bytes = 0

    public init(files: Int = 0, lines: Int = 0, bytes: Int = 0) {
        self.files = files
        self.lines = lines
        self.bytes = bytes
    }

    mutating func add(_ stats: ContentStats) {
        add(lines: stats.lines, bytes: stats.bytes)
    }

    /// One more file of these lines and bytes.
    mutating func add(lines: Int, bytes: Int) {
        files += 1
        self.lines += lines
        self.bytes += bytes
    }

    /// Adds (or, with `sign` -1, removes) every file of `other`.
    mutating func add(_ other: ExposureCount, sign: Int = 1) {
        files += sign * other.files
        lines += sign * other.lines
        bytes += sign * other.bytes
    }
}
