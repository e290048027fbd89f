import LeakScanCore
import TestSupport
import Testing

/// A source name longer than 192 bytes is kept as its first bytes plus a hash of all of it: memory per source stays
/// bounded (hostile maps name 100,000 sources of kilobytes each) and dedup by path stays exact.
@Suite struct LongSourceNameTests {
    static let longName = "src/" + String(repeating: "deep/", count: 800) + "file.ts"

    @Test func longNamesAreShortenedButStayDistinct() throws {
        let twin = String(Self.longName.dropLast(7)) + "other.ts"
        let text = MapText.map(
            sources: [Self.longName, twin, Self.longName, "src/short.ts"], contents: ["a", "b", "c", "d"])
        let summary = try #require(tokenize(text))
        let paths = summary.exposed.map(\.path)
        #expect(paths.count == 4)
        #expect(paths[0] == paths[2])
        #expect(paths[0] != paths[1])
        #expect(paths[3] == "src/short.ts")
        #expect(paths[0].hasPrefix("src/deep/deep/"))
        #expect(paths.allSatisfy { $0.utf8.count <= 192 })
        #expect(summary.notes.isEmpty)
        #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { tokenize($0) } == nil)
    }

    /// Two maps naming the same long source count it once by path, as they do a short one.
    @Test func theSameLongNameInTwoMapsCountsOnceByPath() throws {
        let first = try #require(tokenize(MapText.map(sources: [Self.longName, "src/a.ts"], contents: ["1\n2", "x"])))
        let second = try #require(tokenize(MapText.map(sources: [Self.longName], contents: ["1\n2\n3"])))
        let totals = ExposureTotals(maps: [
            MapFinding(location: Location(["a.tgz", "one.js.map"]), kind: .file, summary: first),
            MapFinding(location: Location(["a.tgz", "two.js.map"]), kind: .file, summary: second),
        ])
        #expect(totals.uniqueByPath.files == 2)
        #expect(totals.uniqueByPath.lines == 4)
    }
}
