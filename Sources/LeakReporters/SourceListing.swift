package import LeakScanCore

/// `--list-sources`: every exposed source of one artifact (map, path, party, lines, bytes), maps in report order and
/// sources in `sourcesContent` order, for an auditor. Capped per artifact with a count of the rest: reports are
/// rendered whole (JSON is one document), so an uncapped listing would grow memory with the number of map entries.
package struct SourceListing: Sendable, Equatable {
    package struct Entry: Codable, Hashable, Sendable {
        /// The map that embeds the source.
        package var map: Location
        /// The normalized source path (`sources[i]` joined with `sourceRoot`).
        package var path: String
        package var firstParty: Bool
        package var lines: Int
        package var bytes: Int
    }

    package var entries: [Entry] = []
    /// Exposed sources beyond the cap, not listed.
    package var notListed = 0

    /// Lists at most `limit` sources of `artifact` (of those its scan kept, `ArtifactReport.listedSources`).
    package init(_ artifact: ArtifactReport, limit: Int) {
        entries = artifact.listedSources.prefix(limit).map {
            Entry(map: $0.map, path: $0.path, firstParty: $0.firstParty, lines: $0.lines, bytes: $0.bytes)
        }
        notListed = artifact.totals.raw.files - entries.count
    }

    /// The text report's lines: sources grouped under their map, then the count of those not listed.
    func textLines(limit: Int) -> [String] {
        guard !entries.isEmpty || notListed > 0 else { return [] }
        var lines: [String] = []
        var currentMap: Location?
        for entry in entries {
            if entry.map != currentMap {
                currentMap = entry.map
                lines.append("  sources of \(Wording.placeAndOffset(entry.map)):")
            }
            let party = entry.firstParty ? "first-party" : "third-party"
            lines.append(
                "    \(party)  \(Wording.name(entry.path))  \(Formatting.count(entry.lines, "line")) / \(Formatting.bytes(Int64(entry.bytes)))"
            )
        }
        if notListed > 0 {
            lines.append(
                "  … and \(Formatting.count(notListed, "more source")) not listed (at most \(Formatting.grouped(limit)) per artifact; raise --max-listed-sources)"
            )
        }
        return lines
    }
}
