import Foundation
import LeakScanCore
import TestSupport
import Testing

/// Maps nested in `sourcesContent` (issue 15, class 7): the 2026 incident's `.tsx` entries each end in their own
/// inline map of the pre-compiler source.
@Suite struct NestedMapTests {
    /// An entry the way the incident's compiler left it: compiled code, then an inline map of the original.
    static func compiledEntry(original: String, name: String, escapeSlashes: Bool = false) -> String {
        var base64 = MapText.base64(MapText.map(sources: [name], contents: [original]))
        if escapeSlashes { base64 = base64.replacingOccurrences(of: "/", with: "\\/") }
        return "export const x = 1;\n//# sourceMappingURL=data:application/json;charset=utf-8;base64," + base64 + "\n"
    }

    struct Seen: Equatable {
        var entries: [[String]]
        var paths: [[String]]
        var lines: [[Int]]
    }

    static func nested(_ chunks: [ArraySlice<UInt8>]) -> Seen {
        var tokenizer = SourceMapTokenizer()
        for chunk in chunks {
            chunk.withUnsafeBytes { tokenizer.consume($0) }
        }
        _ = tokenizer.finish()
        let maps = tokenizer.nestedMaps
        return Seen(
            entries: maps.map(\.entries), paths: maps.map { $0.summary.exposed.map(\.path) },
            lines: maps.map { $0.summary.exposed.map(\.stats.lines) })
    }

    static let expected = Seen(
        entries: [["src/components/permissions/UI.tsx"], ["src/components/App.tsx"]],
        paths: [["src/components/permissions/UI.tsx"], ["src/components/App.tsx"]],
        lines: [[3], [2]])

    @Test(arguments: [false, true])
    func nestedMapsResolveAgainstTheirEntry(escapeSlashes: Bool) {
        let text = Array(
            MapText.map(
                sources: ["src/components/permissions/UI.tsx", "src/components/App.tsx", "src/plain.ts"],
                contents: [
                    Self.compiledEntry(original: "a\nb\nc\n", name: "UI.tsx"),
                    Self.compiledEntry(original: "1\n2\n", name: "App.tsx"), "no map here\n",
                ]
            ).utf8)
        var input = text
        if escapeSlashes {
            // `\/` is a valid JSON escape some serializers use for every slash, base64 payloads included.
            input = Array(String(decoding: text, as: UTF8.self).replacingOccurrences(of: "/", with: "\\/").utf8)
        }
        #expect(Self.nested([input[...]]) == Self.expected)
        #expect(SplitFeeder.firstMismatch(of: input) { Self.nested($0) } == nil)
    }

    @Test func unicodeEscapesInsideTheEntryAreDecoded() {
        let entry = Self.compiledEntry(original: "x\n", name: "a.ts")
        // The whole comment written with \u escapes, as a serializer that escapes everything might.
        let escaped = entry.unicodeScalars.map { $0 == "\n" ? "\\n" : String(format: "\\u%04x", $0.value) }.joined()
        let text = #"{"sources":["lib/a.ts"],"sourcesContent":[""# + escaped + #""]}"#
        #expect(Self.nested([Array(text.utf8)[...]]) == Seen(entries: [["lib/a.ts"]], paths: [["lib/a.ts"]], lines: [[1]]))
    }

    /// Five levels: the file map, then four maps each nested in the one entry of the map before.
    static let fiveLevels: String = {
        var map = MapText.map(sources: ["deep.ts"], contents: ["level 4\n"])
        for level in (1...4).reversed() {
            let entry = "code\n//# sourceMappingURL=data:application/json;base64," + MapText.base64(map) + "\n"
            map = MapText.map(sources: ["d\(level)/f.ts"], contents: [entry])
        }
        return map
    }()

    @Test func depthIsCappedAtThree() {
        let seen = Self.nested([Array(Self.fiveLevels.utf8)[...]])
        #expect(seen.entries == [["d1/f.ts"], ["d1/f.ts", "d1/d2/f.ts"], ["d1/f.ts", "d1/d2/f.ts", "d1/d2/d3/f.ts"]])
        #expect(seen.paths == [["d1/d2/f.ts"], ["d1/d2/d3/f.ts"], ["d1/d2/d3/d4/f.ts"]])
    }

    /// A map past the cap is not decoded but not unseen either: the map whose entry holds it reports the limit (the
    /// scan is incomplete), at every split; raising the cap counts it, and 0 decodes no nested map at all.
    @Test func aMapPastTheCapMakesItsHolderReportTheLimit() {
        func scan(_ chunks: [ArraySlice<UInt8>], cap: Int) -> [Limit?] {
            var tokenizer = SourceMapTokenizer(limits: SourceMapTokenizerLimits(maxNestedMapDepth: cap))
            for chunk in chunks { chunk.withUnsafeBytes { tokenizer.consume($0) } }
            let summary = tokenizer.finish()
            return [summary?.limitHit] + tokenizer.nestedMaps.map(\.summary.limitHit)
        }
        let input = Array(Self.fiveLevels.utf8)
        #expect(scan([input[...]], cap: 3) == [nil, nil, nil, .nestedMapDepth(3)])
        #expect(SplitFeeder.firstMismatch(of: input) { scan($0, cap: 3) } == nil)
        #expect(scan([input[...]], cap: 4) == [nil, nil, nil, nil, nil])
        #expect(scan([input[...]], cap: 0) == [.nestedMapDepth(0)])
        // A reference to a map file at the cap is not an inline map: nothing is missed, no limit.
        let reference = MapText.map(sources: ["a.ts"], contents: ["code\n//# sourceMappingURL=a.js.map\n"])
        #expect(scan([Array(reference.utf8)[...]], cap: 0) == [nil])
    }

    @Test func entryScannerReportsNestedMapsOfFilesAndOfInlineMaps() {
        let outer = MapText.map(
            sources: ["src/components/App.tsx"], contents: [Self.compiledEntry(original: "1\n2\n", name: "App.tsx")])
        let file = EntryScanner(location: Location(["pkg.tgz", "package/cli.js.map"]))
        Array(outer.utf8).withUnsafeBytes { file.consume($0) }
        let fileMaps = file.finish().maps
        #expect(fileMaps.map(\.kind) == [.file, .nested])
        #expect(fileMaps.map(\.containingEntries) == [[], ["src/components/App.tsx"]])
        #expect(fileMaps.map(\.totals.firstParty.lines) == [2, 2])

        let script = "x()\n//# sourceMappingURL=data:application/json;base64," + MapText.base64(outer) + "\n"
        let inline = EntryScanner(location: Location(["pkg.tgz", "package/cli.js"]))
        Array(script.utf8).withUnsafeBytes { inline.consume($0) }
        let inlineMaps = inline.finish().maps
        #expect(inlineMaps.map(\.kind) == [.inline, .nested])
        #expect(inlineMaps.map(\.location.byteOffset) == [8, 8])
        #expect(inlineMaps.last?.summary.exposed.map(\.path) == ["src/components/App.tsx"])
    }
}
