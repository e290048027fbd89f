/// Counters of what the walk saw, so skipped members are visible rather than silent.
public struct ScanStatistics: Hashable, Sendable, Codable {
    public var entries = 0
    public var regularFiles = 0
    public var directories = 0
    /// Symbolic and hard links are neither followed nor counted.
    public var linksSkipped = 0
    public var otherSkipped = 0
    public var nestedArchives = 0
    /// Uncompressed bytes of member data read.
    public var bytesRead: Int64 = 0

    public init() {}
}
