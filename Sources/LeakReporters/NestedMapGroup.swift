import LeakScanCore

/// The maps nested in one map's `sourcesContent` entries, collapsed into one line of the default text report when
/// there are more than `ReferenceGroup.listedUpTo` of them: the 2026 incident's map held 552, and one line each pushed
/// the verdict's fix and every problem hundreds of lines down. Counts are summed over the group (raw, as each map's
/// own line counts them); a nested map with notes keeps its own line, so no note is hidden.
struct NestedMapGroup {
    let count: Int
    let raw: ExposureCount
    let firstParty: ExposureCount

    static func isCollapsible(_ map: MapFinding) -> Bool {
        map.kind == .nested && map.exposesContent && map.summary.notes.isEmpty
    }

    /// The groups to collapse, by the location of the map that holds them.
    static func collapsed(_ maps: [MapFinding]) -> [Location: NestedMapGroup] {
        var byHolder: [Location: NestedMapGroup] = [:]
        for map in maps where isCollapsible(map) {
            let group = byHolder[map.location] ?? NestedMapGroup(count: 0, raw: ExposureCount(), firstParty: ExposureCount())
            byHolder[map.location] = group.adding(map.totals)
        }
        return byHolder.filter { $0.value.count > ReferenceGroup.listedUpTo }
    }

    private func adding(_ totals: ExposureTotals) -> NestedMapGroup {
        NestedMapGroup(
            count: count + 1,
            raw: ExposureCount(files: raw.files + totals.raw.files, lines: raw.lines + totals.raw.lines),
            firstParty: ExposureCount(
                files: firstParty.files + totals.firstParty.files, lines: firstParty.lines + totals.firstParty.lines))
    }

    /// The group's line, standing where `example` (its first map in the report's order) would.
    func line(example: MapFinding) -> String {
        let entries = example.containingEntries.map { " → \(Wording.name($0))" }.joined()
        return
            "  map nested \(Wording.placeAndOffset(example.location)) → \(Formatting.count(count, "entry", "entries")) (inline)  "
            + "\(Formatting.count(raw.files, "file")) / \(Formatting.count(raw.lines, "line"))"
            + " (first-party \(Formatting.grouped(firstParty.files)) / \(Formatting.grouped(firstParty.lines)))"
            + " (e.g.\(entries); -v lists them)"
    }
}
