import LeakScanCore
import TestSupport
import Testing

/// What one map or one file can make the scan keep is bounded: maps nested in a map's entries, notes on a file's
/// comments, an index map's sections. Past each cap the rest is merged and counted, counted in a note, or a limit
/// (the scan is incomplete), never silently dropped.
@Suite struct MapCapTests {
    static let inner = MapText.map(sources: ["inner.ts"], contents: ["x\ny"])
    static let inlineComment = "//# sourceMappingURL=data:application/json;base64," + MapText.base64(inner) + "\n"

    /// `input` whole, byte by byte and in chunks of a few sizes (every split point of inputs this large would take
    /// minutes; the caps count whole entries and comments, which the split tests of the tokenizer and finder cover).
    static func feedings(_ input: [UInt8]) -> [[ArraySlice<UInt8>]] {
        let chunked = { (size: Int) in
            stride(from: 0, to: input.count, by: size).map { SplitFeeder.guarded(input[$0..<min($0 + size, input.count)]) }
        }
        return [[SplitFeeder.guarded(input[...])], chunked(1), chunked(7), chunked(4_096)]
    }

    static func scan(_ chunks: [ArraySlice<UInt8>], member: String) -> EntryFindings {
        let scanner = EntryScanner(location: Location(["a.tgz", member]))
        for chunk in chunks { chunk.withUnsafeBytes { scanner.consume($0) } }
        return scanner.finish()
    }

    /// 101 entries of 100 inline maps each: the first 10,000 nested maps are findings, the rest a limit on the map.
    /// (Fed whole and in chunks of 7 and 4,096 bytes: byte by byte, 2 MB of comments would take minutes in a debug
    /// build; the finder's and decoder's split tests cover single bytes.)
    @Test func nestedMapsPastTheCapPerMapAreALimit() {
        let contents = Array(repeating: "x()\n" + String(repeating: Self.inlineComment, count: 100), count: 101)
        let text = MapText.map(sources: (0..<101).map { "src/e\($0).ts" }, contents: contents)
        for chunks in Self.feedings(Array(text.utf8)) where chunks.count == 1 || chunks[0].count > 1 {
            let findings = Self.scan(chunks, member: "dist/a.js.map")
            #expect(findings.maps.count == 1 + 10_000)
            #expect(findings.maps.filter { $0.kind == .nested }.count == 10_000)
            #expect(findings.maps.first?.summary.limitHit == .nestedMaps(10_000))
            #expect(findings.maps.first?.totals.raw.files == 101)
            #expect(findings.maps.last?.containingEntries == ["src/e99.ts"])
        }
    }

    /// Two inline maps whose entries hold 600 nested maps each: 1,000 are findings, the other 200 are counted together
    /// as inline maps past the cap are (one more finding, one note).
    @Test func nestedMapsOfInlineMapsPastTheCapAreMergedAndCounted() {
        let entries = (0..<6).map { "src/e\($0).ts" }
        let holder = MapText.map(
            sources: entries, contents: Array(repeating: String(repeating: Self.inlineComment, count: 100), count: 6))
        let comment = "//# sourceMappingURL=data:application/json;base64," + MapText.base64(holder) + "\n"
        let script = "a()\n" + comment + "b()\n" + comment
        for chunks in Self.feedings(Array(script.utf8)) {
            let findings = Self.scan(chunks, member: "dist/app.js")
            #expect(findings.maps.filter { $0.kind == .inline }.count == 3)
            #expect(findings.maps.filter { $0.kind == .nested }.count == 1_000)
            #expect(findings.notes.map(\.kind) == [.inlineMapsMerged(count: 200)])
            let merged = findings.maps.filter { $0.kind == .inline }.last
            // Each nested `inner.ts` resolves against its entry (`src/eN.ts`): one distinct source, kept once.
            #expect(merged?.totals.raw.files == 1)
            #expect(merged?.totals.raw.lines == 2)
            #expect(merged?.summary.limitHit == nil)
        }
    }

    /// 1,500 inline payloads that are not maps: 1,000 notes kept, the other 500 counted in one more.
    @Test func notesPastTheCapPerFileAreCounted() {
        let comment = "//# sourceMappingURL=data:application/json;base64," + MapText.base64("not a map") + "\n"
        let script = "x()\n" + String(repeating: comment, count: 1_500)
        for chunks in Self.feedings(Array(script.utf8)) {
            let findings = Self.scan(chunks, member: "dist/app.js")
            #expect(findings.maps.isEmpty)
            #expect(findings.notes.count == 1_001)
            #expect(findings.notes.last?.kind == .notesNotKept(count: 500))
        }
    }

    /// `--max-map-entries` bounds an index map as a whole: its sections, and the entries of all its sections together.
    @Test func indexMapSectionsAndTheirEntriesCountAgainstOneCap() {
        var limits = SourceMapTokenizerLimits()
        limits.maxMapEntries = 50
        func section(_ index: Int, sources: Int) -> String {
            let names = (0..<sources).map { "src/s\(index)_\($0).ts" }
            let map = MapText.map(sources: names, contents: Array(repeating: "a\nb", count: sources))
            return #"{"offset":{"line":\#(index),"column":0},"map":"# + map + "}"
        }
        func tokenize(_ chunks: [ArraySlice<UInt8>]) -> String {
            var tokenizer = SourceMapTokenizer(limits: limits)
            for chunk in chunks { chunk.withUnsafeBytes { tokenizer.consume($0) } }
            let summary = tokenizer.finish()
            return "\(summary?.exposed.count ?? -1) \(summary?.limitHit.map { "\($0)" } ?? "no limit")"
        }
        let manySections = #"{"version":3,"sections":["# + (0..<80).map { section($0, sources: 0) }.joined(separator: ",") + "]}"
        let fewSections = #"{"version":3,"sections":["# + (0..<10).map { section($0, sources: 10) }.joined(separator: ",") + "]}"
        let smallIndex = #"{"version":3,"sections":["# + (0..<5).map { section($0, sources: 10) }.joined(separator: ",") + "]}"
        #expect(tokenize([Array(manySections.utf8)[...]]) == "0 mapEntries(50)")
        #expect(tokenize([Array(fewSections.utf8)[...]]) == "50 mapEntries(50)")
        #expect(tokenize([Array(smallIndex.utf8)[...]]) == "50 no limit")
        for text in [manySections, fewSections, smallIndex] {
            #expect(SplitFeeder.firstMismatch(of: Array(text.utf8), run: tokenize) == nil)
        }
    }
}
