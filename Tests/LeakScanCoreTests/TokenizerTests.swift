import LeakScanCore
import TestSupport
import Testing

@Suite struct TokenizerTests {
    @Test func countsLinesBytesAndPartiesExactly() throws {
        let text = MapText.map(
            sources: ["webpack:///./src/a.ts", "webpack:///./node_modules/x/index.js", "src/empty.ts", "src/none.ts"],
            contents: ["one\ntwo\n", "é\r\nb", "", nil])
        let summary = try #require(tokenize(text))
        #expect(summary.sourcesCount == 4)
        #expect(summary.exposed.map(\.path) == ["src/a.ts", "node_modules/x/index.js", "src/empty.ts"])
        #expect(summary.exposed.map(\.stats.lines) == [2, 2, 0])
        #expect(summary.exposed.map(\.stats.bytes) == [8, 5, 0])
        #expect(summary.exposed.map(\.isFirstParty) == [true, false, true])
        #expect(summary.namesOnly == 1)
    }

    @Test func versionAsStringAndSourceRootAreHonoured() throws {
        let text = #"{"sources":["b.ts"],"sourceRoot":"/app/lib/","version":"3","sourcesContent":["x"]}"#
        let summary = try #require(tokenize(text))
        #expect(summary.exposed.map(\.path) == ["app/lib/b.ts"])
    }

    @Test func jsonThatIsNotAMapIsIgnored() {
        #expect(tokenize(#"{"name":"pkg","version":"1.0.0"}"#) == nil)
        #expect(tokenize("console.log(1)") == nil)
        #expect(tokenize("") == nil)
        #expect(tokenize("[1,2,3]") == nil)
    }

    @Test func indexMapSumsEmbeddedSectionsAndReportsURLSections() throws {
        let first = MapText.map(sources: ["a.ts"], contents: ["a\nb"])
        let second = MapText.map(sources: ["node_modules/z/z.js"], contents: ["z"])
        let text = #"{"version":3,"sections":[{"offset":{"line":0,"column":0},"map":\#(first)},"#
            + #"{"offset":{"line":5,"column":0},"map":\#(second)},{"offset":{"line":9,"column":0},"url":"extra.js.map"}]}"#
        let summary = try #require(tokenize(text))
        #expect(summary.isIndexMap)
        #expect(summary.exposed.map(\.path) == ["a.ts", "node_modules/z/z.js"])
        #expect(summary.exposed.map(\.stats.lines) == [2, 1])
        #expect(summary.sectionURLs == ["extra.js.map"])
    }

    @Test func truncatedMapStillCountsWhatItExposedWithANote() throws {
        let full = MapText.map(sources: ["a.ts", "b.ts"], contents: ["1\n2\n3\n", "abcdef\nghi"])
        let cut = String(full.prefix(upTo: full.range(of: "ghi")!.lowerBound))
        let summary = try #require(tokenize(cut))
        #expect(summary.exposed.map(\.stats.lines) == [3, 1])
        #expect(summary.notes.count == 1)
        #expect(summary.notes[0].hasPrefix("truncated at byte"))
    }

    @Test func deepNestingIsSkippedWithoutRecursingOrALimit() throws {
        let text = #"{"version":3,"sources":["a"],"sourcesContent":["x"],"x":"# + String(repeating: "[", count: 100_000)
        let summary = try #require(tokenize(text))
        #expect(summary.limitHit == nil)
        #expect(summary.notes == ["truncated at byte \(text.utf8.count)"])
        #expect(summary.exposed.count == 1)
    }

    @Test func identicalContentHasIdenticalDigest() throws {
        let summary = try #require(tokenize(MapText.map(sources: ["a", "b", "c"], contents: ["same", "same", "other"])))
        #expect(summary.exposed[0].stats.digest == summary.exposed[1].stats.digest)
        #expect(summary.exposed[0].stats.digest != summary.exposed[2].stats.digest)
        var hasher = XXH64()
        Array("same".utf8).withUnsafeBytes { hasher.update($0) }
        #expect(summary.exposed[0].stats.digest == ContentDigest(hash: hasher.finalize(), escapedLength: 4))
    }
}
