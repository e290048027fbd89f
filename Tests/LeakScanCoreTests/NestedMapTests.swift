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

    @Test func depthIsCappedAtThree() {
        var map = MapText.map(sources: ["deep.ts"], contents: ["level 4\n"])
        for level in (1...4).reversed() {
            let entry = "code\n//# sourceMappingURL=data:application/json;base64," + MapText.base64(map) + "\n"
            map = MapText.map(sources: ["d\(level)/f.ts"], contents: [entry])
        }
        let seen = Self.nested([Array(map.utf8)[...]])
        #expect(seen.entries == [["d1/f.ts"], ["d1/f.ts", "d1/d2/f.ts"], ["d1/f.ts", "d1/d2/f.ts", "d1/d2/d3/f.ts"]])
        #expect(seen.paths == [["d1/d2/f.ts"], ["d1/d2/d3/f.ts"], ["d1/d2/d3/d4/f.ts"]])
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
