/// The "what leaked" view: first-party exposure grouped by top directories (`src/tools/`), largest first.
public struct DirectoryExposure: Hashable, Sendable, Codable {
    public var directory: String
    public var count: ExposureCount

    public init(directory: String, count: ExposureCount) {
        self.directory = directory
        self.count = count
    }

    /// Groups unique first-party paths of `findings` (their sources still attached) by their first two directory
    /// levels; ties broken by name.
    public static func top(_ findings: [MapFinding], limit: Int = 5) -> [DirectoryExposure] {
        ExposureLedger(maps: findings).topDirectories(limit: limit)
    }
}
