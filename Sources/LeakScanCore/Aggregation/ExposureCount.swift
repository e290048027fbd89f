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
        files += 1
        lines += stats.lines
        bytes += stats.bytes
    }
}
