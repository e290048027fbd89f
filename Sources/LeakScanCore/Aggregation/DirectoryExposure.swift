/// The "what leaked" view: first-party exposure grouped by top directories (`src/tools/`), largest first.
public struct DirectoryExposure: Hashable, Sendable, Codable {
    public var directory: String
    public var count: ExposureCount

    public init(directory: String, count: ExposureCount) {
        self.directory = directory
        self.count = count
    }

    /// Groups unique first-party paths by their first `depth` directory levels; ties broken by name.
    public static func top(_ findings: [MapFinding], depth: Int = 2, limit: Int = 5) -> [DirectoryExposure] {
        var byPath: [String: ContentStats] = [:]
        for finding in findings {
            for source in finding.summary.exposed where source.isFirstParty {
                if let kept = byPath[source.path], kept.lines >= source.stats.lines { continue }
                byPath[source.path] = source.stats
            }
        }
        var groups: [String: ExposureCount] = [:]
        for (path, stats) in byPath {
            let segments = path.utf8.split(separator: UInt8(ascii: "/"))
            let directory =
                segments.count > 1
                ? segments.prefix(min(depth, segments.count - 1)).map { String(decoding: $0, as: UTF8.self) }.joined(
                    separator: "/") + "/"
                : "./"
            groups[directory, default: ExposureCount()].add(stats)
        }
        return groups.map { DirectoryExposure(directory: $0.key, count: $0.value) }
            .sorted { ($1.count.lines, $0.directory) < ($0.count.lines, $1.directory) }
            .prefix(limit).map { $0 }
    }
}
