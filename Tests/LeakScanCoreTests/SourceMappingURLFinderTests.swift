import Foundation
import LeakScanCore
import TestSupport
import Testing

@Suite struct SourceMappingURLFinderTests {
    struct Found: Equatable {
        var urls: [String]
        var inline: [[Int]]
        var notes: Int
    }

    static func find(_ chunks: [ArraySlice<UInt8>]) -> Found {
        var finder = SourceMappingURLFinder()
        for chunk in chunks {
            chunk.withUnsafeBytes { finder.consume($0) }
        }
        finder.finish()
        return Found(
            urls: finder.urls.map(\.url),
            inline: finder.inlineMaps.map {
                [$0.offset, $0.summary.exposed.count, $0.summary.exposed.map(\.stats.lines).reduce(0, +)]
            },
            notes: finder.notes.count)
    }

    static func find(_ text: String) -> Found { find([Array(text.utf8)[...]]) }

    static let inlineMap = MapText.map(sources: ["src/a.ts", "src/b.ts"], contents: ["a\nb\n", "c"])

    @Test func findsReferencesInEveryCommentForm() {
        let text =
            "x()\n//# sourceMappingURL=a.js.map\n/*# sourceMappingURL=b.css.map */\n//@ sourceMappingURL=https://cdn/x.map\n"
        #expect(Self.find(text) == Found(urls: ["a.js.map", "b.css.map", "https://cdn/x.map"], inline: [], notes: 0))
    }

    @Test func decodesBase64AndBase64URLAndPercentEncodedInlineMaps() {
        let base64 = MapText.base64(Self.inlineMap)
        let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        let percent = Self.inlineMap.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let text =
            "a;\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,\(base64)\n"
            + "eval(\"b;\\n//# sourceMappingURL=data:application/json;base64,\(urlSafe)\\n//# sourceURL=b\")\n"
            + "/*# sourceMappingURL=data:application/json,\(percent) */\n"
        let found = Self.find(text)
        #expect(found.inline.map { Array($0.dropFirst()) } == [[2, 3], [2, 3], [2, 3]])
        #expect(found.urls.isEmpty)
        #expect(found.notes == 0)
    }

    @Test func ignoresTheBundledSourceMapLibraryTrap() {
        let text = #"""
            var prefix = "//# sourceMappingURL=data:application/json;charset=utf-8;base64," + toBase64(map);
            var re = /\/\/[@#] sourceMappingURL=([^\s'"]+)/;
            var css = "/*# sourceMappingURL=data:application/json," + encodeURIComponent(json) + " */";
            var name = "//# sourceMappingURL=" + file + ".map";
            var tpl = `//# sourceMappingURL=${name}.map`;
            """#
        #expect(Self.find(text) == Found(urls: [], inline: [], notes: 0))
    }

    @Test func undecodablePayloadIsANoteNotACrash() {
        #expect(Self.find("//# sourceMappingURL=data:application/json;base64,!!!notbase64\n").notes == 0)
        #expect(Self.find("//# sourceMappingURL=data:application/json;base64,aGVsbG8gd29ybGQ=\n").notes == 1)
        #expect(Self.find("//# sourceMappingURL=data:application/json;base64,QUJD@@\n").notes == 1)
    }

    @Test func followsV8sGrammar() {
        let text =
            "a\n//#\u{A0}sourceMappingURL=\t one.js.map \n//#\u{3000}sourceMappingURL=two.js.map\r\n"
            + "//#sourceMappingURL=none.js.map\n//#  sourceMappingURL=none2.js.map\n//# sourceMappingURL =none3.js.map\n"
            + "//# sourceMappingURL=junk.js.map x\n/*# sourceMappingURL=three.css.map*/\n"
        #expect(Self.find(text) == Found(urls: ["one.js.map", "two.js.map", "three.css.map"], inline: [], notes: 0))
        #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { Self.find($0) } == nil)
    }

    @Test func valuesThatAreStringContentAreNotReferences() {
        let text = #"s = "//# sourceMappingURL=es-module-shims.js.map\n" + x; t = '//# sourceMappingURL=a.map\';"# + "\n"
        #expect(Self.find(text) == Found(urls: [], inline: [], notes: 0))
    }

    @Test func dataURLsInAnyCaseWithLongMediaTypesAndEscapedBase64() {
        let base64 = MapText.base64(Self.inlineMap)
        let escaped = base64.replacingOccurrences(of: "=", with: "%3D").replacingOccurrences(of: "+", with: "%2B")
        let long =
            "//# sourceMappingURL=DATA:application/json;x=" + String(repeating: "y", count: 5000) + ";BASE64," + escaped + "\n"
        #expect(Self.find(long).inline.map { Array($0.dropFirst()) } == [[2, 3]])
        let text =
            "//# sourceMappingURL=DATA:application/json;x=y;BASE64," + escaped + "\n"
            + "//# sourceMappingURL=data:application/json,%20%0A%7B%22sources%22:[%22src/c.ts%22],%22sourcesContent%22:[%22c%22]}\n"
            + "//# sourceMappingURL=data:application/json,%20%22%2B%20x\n"
        let found = Self.find(text)
        #expect(found.inline.map { Array($0.dropFirst()) } == [[2, 3], [1, 1]])
        #expect(found.notes == 0)
        #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { Self.find($0) } == nil)
    }

    @Test func everyChunkingFindsTheSame() {
        let base64 = MapText.base64(Self.inlineMap)
        let text =
            "x;//# sourceMappingURL=data:application/json;base64,\(base64)\n//# sourceMappingURL=a.js.map\n/*# sourceMappingURL=data:application/json,%7B%22version%22%3A3%2C%22sources%22%3A%5B%5D%7D */"
        #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { Self.find($0) } == nil)
        #expect(Self.find(text).inline.count == 2)
    }
}

@Suite struct Base64StreamDecoderTests {
    static func decode(_ chunks: [ArraySlice<UInt8>]) -> [UInt8] {
        var decoder = Base64StreamDecoder()
        var output: [UInt8] = []
        for chunk in chunks {
            let payload = chunk.withUnsafeBufferPointer { decoder.decode($0, into: &output) }
            #expect(payload == chunk.count)
        }
        _ = decoder.finish(into: &output)
        return output
    }

    @Test(arguments: ["", "a", "ab", "abc", "abcd", "{\"version\":3}", "ünïcödé 😀"])
    func roundTripsUnderEveryChunking(text: String) {
        let encoded = Array(MapText.base64(text).utf8)
        #expect(Self.decode([encoded[...]]) == Array(text.utf8))
        #expect(SplitFeeder.firstMismatch(of: encoded) { Self.decode($0) } == nil)
        let unpadded = encoded.filter { $0 != UInt8(ascii: "=") }
        #expect(Self.decode([unpadded[...]]) == Array(text.utf8))
    }

    @Test func stopsAtTheFirstByteOutsideThePayload() {
        var decoder = Base64StreamDecoder()
        var output: [UInt8] = []
        let consumed = Array("aGk=\n//".utf8).withUnsafeBufferPointer { decoder.decode($0, into: &output) }
        #expect(consumed == 4)
        let validLength = decoder.finish(into: &output)
        #expect(validLength)
        #expect(output == Array("hi".utf8))
    }
}

/// Every member is searched for inline maps, whatever its name; UTF-16 members are read by their BOM.
@Suite struct EveryMemberSearchTests {
    static func scan(_ member: String, _ chunks: [ArraySlice<UInt8>]) -> [String] {
        let scanner = EntryScanner(location: Location(["a.tgz", member]))
        for chunk in chunks {
            chunk.withUnsafeBytes { scanner.consume($0) }
        }
        let findings = scanner.finish()
        return findings.maps.map { "\($0.kind) \($0.location.byteOffset ?? 0) \($0.summary.exposed.map(\.stats.lines))" }
            + findings.referenceURLs.map(\.url)
    }

    static let script =
        "<?php echo 1; ?>\n<script>x()\n//# sourceMappingURL=data:application/json;base64,"
        + MapText.base64(SourceMappingURLFinderTests.inlineMap) + "\n</script>\n//# sourceMappingURL=app.js.map\n"

    @Test(arguments: ["views/page.php", "bundle.android.bundle", "LICENSE", "index.html.tmpl"])
    func anyNameIsSearched(member: String) {
        #expect(Self.scan(member, [Array(Self.script.utf8)[...]]) == ["inline 33 [2, 1]", "app.js.map"])
    }

    @Test(arguments: [false, true])
    func utf16MembersAreReadByTheirBOM(bigEndian: Bool) {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in ("é😀" + Self.script).utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        let found = Self.scan("page.js", [bytes[...]])
        #expect(found.count == 2)
        #expect(found.last == "app.js.map")
        #expect(found.first?.hasPrefix("inline ") == true && found.first?.hasSuffix(" [2, 1]") == true)
        #expect(SplitFeeder.firstMismatch(of: bytes) { Self.scan("page.js", $0) } == nil)
    }

    /// A `.map` saved as UTF-16 (either byte order, with its BOM) is decoded and counted as the same map in UTF-8 is:
    /// same paths, lines and decoded bytes (non-BMP characters from surrogate pairs), nested maps included.
    @Test(arguments: [false, true])
    func utf16MapFilesAreCountedAsTheirUTF8Text(bigEndian: Bool) {
        let nested = "//# sourceMappingURL=data:application/json;base64," + MapText.base64(SourceMappingURLFinderTests.inlineMap)
        let map = MapText.map(sources: ["src/a.ts", "src/b.ts"], contents: ["é😀\nx", "y\n" + nested + "\n"])
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in map.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(Self.scan("dist/a.js.map", [bytes[...]]) == ["file 0 [2, 2]", "nested 0 [2, 1]"])
        #expect(Self.scan("dist/a.js.map", [bytes[...]]) == Self.scan("dist/a.js.map", [Array(map.utf8)[...]]))
        let scanner = EntryScanner(location: Location(["a.tgz", "dist/a.js.map"]))
        bytes.withUnsafeBytes { scanner.consume($0) }
        #expect(scanner.finish().maps.first?.summary.exposed.map(\.stats.bytes) == [8, 3 + nested.utf8.count])
        #expect(SplitFeeder.firstMismatch(of: bytes) { Self.scan("dist/a.js.map", $0) } == nil)
    }

    @Test func aMapFileIsNotSearchedAsAScript() {
        let nested = "//# sourceMappingURL=data:application/json;base64," + MapText.base64(SourceMappingURLFinderTests.inlineMap)
        let map = MapText.map(sources: ["src/a.ts"], contents: ["x\n" + nested + "\n"])
        #expect(Self.scan("dist/a.js.map", [Array(map.utf8)[...]]) == ["file 0 [2]", "nested 0 [2, 1]"])
    }
}

@Suite struct ReferenceCapTests {
    @Test func aMillionCommentsKeepTheFirstAndTheEffectiveOne() {
        var finder = SourceMappingURLFinder()
        let line = Array("//# sourceMappingURL=a.js.map\n".utf8)
        let block = Array((0..<1000).map { _ in line }.joined())
        for _ in 0..<1000 {
            block.withUnsafeBytes { finder.consume($0) }
        }
        Array("//# sourceMappingURL=last.js.map\n".utf8).withUnsafeBytes { finder.consume($0) }
        finder.finish()
        #expect(finder.urls.count == SourceMappingURLFinder.maxURLsKept)
        #expect(finder.urls.last?.url == "last.js.map")
        #expect(finder.urls.last?.offset == 1_000_000 * line.count + 4)
        #expect(finder.notes.map(\.kind) == [.referencesNotKept(count: 1_000_001 - SourceMappingURLFinder.maxURLsKept)])
    }
}

/// Past `maxInlineMapsKept` inline maps in one file, the rest are all decoded and counted together in one more finding,
/// each distinct source (path and content) once, with a note saying how many were merged.
@Suite struct InlineMapCapTests {
    static func comment(_ map: String) -> String {
        "f()\n//# sourceMappingURL=data:application/json;base64," + MapText.base64(map) + "\n"
    }

    @Test func inlineMapsPastTheCapAreCountedTogether() {
        let kept = SourceMappingURLFinder.maxInlineMapsKept
        var script = String(repeating: Self.comment(MapText.map(sources: ["src/a.ts"], contents: ["a\n"])), count: kept)
        for index in 0..<500 {
            script += Self.comment(MapText.map(sources: ["src/m\(index % 250).ts"], contents: ["x\ny\n"]))
        }
        script += Self.comment(MapText.map(sources: ["src/m0.ts"], contents: ["changed\n"]))
        let bytes = Array(script.utf8)
        var finder = SourceMappingURLFinder()
        for start in stride(from: 0, to: bytes.count, by: 4093) {
            bytes[start..<min(start + 4093, bytes.count)].withUnsafeBytes { finder.consume($0) }
        }
        finder.finish()
        #expect(finder.inlineMaps.count == kept + 1)
        let merged = finder.inlineMaps.last?.summary
        #expect(merged?.exposed.count == 251)
        #expect(merged?.sourcesCount == 501)
        #expect(Set(merged?.exposed.map(\.path) ?? []).count == 250)
        #expect(merged?.exposed.filter { $0.path == "src/m0.ts" }.map(\.stats.lines).sorted() == [1, 2])
        #expect(merged?.limitHit == nil)
        #expect(finder.notes.map(\.kind) == [.inlineMapsMerged(count: 501)])
    }
}
