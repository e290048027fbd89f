import Foundation
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

    /// Entries are named as they close when their `sources` names are known by then; a `sourceRoot` or a repeated key
    /// that comes later still decides the names (as `JSON.parse` reads the text), at every split.
    @Test func namesFollowKeysThatComeAfterTheEntries() throws {
        let cases: [(text: String, paths: [String])] = [
            (#"{"sources":["a.ts","b.ts"],"sourcesContent":["x","y"],"sourceRoot":"/app/"}"#, ["app/a.ts", "app/b.ts"]),
            (#"{"sources":["a.ts","b.ts"],"sourcesContent":["x","y"],"sources":["c.ts"]}"#, ["c.ts", "<unnamed #1>"]),
            (#"{"sourcesContent":["x","y"],"sources":["./a.ts","b/../b.ts"]}"#, ["a.ts", "b.ts"]),
            (
                #"{"sourceRoot":"r","sources":["a.ts"],"sourcesContent":["x"],"sourcesContent":["y","z"]}"#,
                ["r/a.ts", "<unnamed #1>"]
            ),
            (#"{"sources":["a.ts"],"sourcesContent":["x"],"sourceRoot":"s","sourceRoot":""}"#, ["a.ts"]),
        ]
        for (text, paths) in cases {
            let bytes = Array(text.utf8)
            for split in 0...bytes.count {
                let summary = try #require(tokenize([bytes[..<split], bytes[split...]]))
                #expect(summary.exposed.map(\.path) == paths, "\(text) split at \(split)")
            }
        }
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
        let text =
            #"{"version":3,"sections":[{"offset":{"line":0,"column":0},"map":\#(first)},"#
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
        #expect(summary.notes == [.truncated(byteOffset: cut.utf8.count, insideContent: true)])
    }

    @Test func deepNestingIsSkippedWithoutRecursingOrALimit() throws {
        let text = #"{"version":3,"sources":["a"],"sourcesContent":["x"],"x":"# + String(repeating: "[", count: 100_000)
        let summary = try #require(tokenize(text))
        #expect(summary.limitHit == nil)
        #expect(summary.notes == [.truncated(byteOffset: text.utf8.count, insideContent: false)])
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

@Suite struct TokenizerPositionTests {
    /// A syntax error is reported at its real byte, whatever the chunking (it once said "byte 0" for bad escapes).
    @Test func badUnicodeEscapeIsReportedAtItsByteUnderEverySplit() throws {
        let text = #"{"version":3,"sources":["a.ts","b.ts"],"sourcesContent":["ok\n","x\uZZ"]}"#
        let bytes = Array(text.utf8)
        let position = try #require(
            text.utf8.firstIndex(of: UInt8(ascii: "Z")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) })
        for split in 0...bytes.count {
            let summary = try #require(tokenize([bytes[..<split], bytes[split...]]))
            #expect(summary.notes == [.malformed(byteOffset: position, reason: .badUnicodeEscape)], "split at \(split)")
        }
    }
}

@Suite struct SplitFeederTests {
    /// A reader that looks one byte past its chunk reads a canary (never the next input byte).
    @Test func canariesExposeAReaderThatReadsPastItsChunk() {
        let input = Array(#"{"a":1}"#.utf8)
        let overReader: ([ArraySlice<UInt8>]) -> [UInt8] = { chunks in
            chunks.map { chunk in chunk.withUnsafeBufferPointer { $0.baseAddress![chunk.count] } }
        }
        #expect(
            SplitFeeder.results(of: input) { overReader($0) }.allSatisfy { $0.result.allSatisfy { $0 == UInt8(ascii: "\"") } })
    }
}
