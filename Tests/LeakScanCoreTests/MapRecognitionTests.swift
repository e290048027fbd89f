import Foundation
import LeakScanCore
import TestSupport
import Testing

/// What is a map (issue 15, classes 1–2): any `version`, DevTools' `)]}` prefix, a BOM; parser limits never turn a
/// map into "not a map".
@Suite struct MapRecognitionTests {
    static let body = #""sources":["src/a.ts"],"sourcesContent":["a\nb"],"mappings":"AAAA""#

    @Test(arguments: [
        (#""version":3,"#, 0), (#""version":3.0,"#, 0), (#""version":3e0,"#, 0), (#""version":30e-1,"#, 0),
        (#""version":"3","#, 0), ("", 1), (#""version":"3.0","#, 1), (#""version":2,"#, 1), (#""version":null,"#, 1),
        (#""version":{"major":3},"#, 1),
    ])
    func anyVersionIsAMapAndOnlyNotThreeIsNoted(version: String, notes: Int) throws {
        let text = "{" + version + Self.body + "}"
        let summary = try #require(tokenize(text), "\(text)")
        #expect(summary.exposed.map(\.stats.lines) == [2])
        #expect(summary.notes.count == notes)
        #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { tokenize($0) } == nil)
    }

    @Test(arguments: [
        ")]}'\n", ")]}\n", ")]}',\n", ")]} anything at all ]}{\"\n", "\u{FEFF})]}'\n", "\u{FEFF}", "\u{FEFF} \n\t", ")]}'\r\n",
    ])
    func prefixesConsumersSkipAreSkipped(prefix: String) throws {
        let text = prefix + "{" + Self.body + "}"
        let summary = try #require(tokenize(text), "\(prefix.debugDescription)")
        #expect(summary.exposed.map(\.stats.lines) == [2])
        #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { tokenize($0) } == nil)
    }

    @Test(arguments: [")]}'{", ")]", " )]}'\n", "\u{FEFF}\u{FEFF}", "x\n", ")]}'\n[", "[]\n"])
    func otherPrefixesAreNotMaps(prefix: String) {
        #expect(tokenize(prefix + "{" + Self.body + "}") == nil, "\(prefix.debugDescription)")
    }

    @Test func objectWithoutSourcesOrSectionsIsNotAMap() {
        #expect(tokenize(#"{"version":3,"mappings":"AAAA","sourcesContent":["x"]}"#) == nil)
        #expect(tokenize(#"{"version":3,"sources":"a.ts","sourcesContent":["x"]}"#) == nil)
        #expect(tokenize(#"{"name":"pkg","version":"1.0.0"}"#) == nil)
    }

    @Test func longNumbersAnywhereAreRead() throws {
        let long = String(repeating: "9", count: 70) + "." + String(repeating: "1", count: 300) + "e-5"
        for text in [
            #"{"x":"# + long + #","version":3,"# + Self.body + "}",
            "{" + Self.body + #","x":[1,"# + long + "]}",
            #"{"version":"# + long + "," + Self.body + "}",
        ] {
            let summary = try #require(tokenize(text))
            #expect(summary.exposed.map(\.stats.lines) == [2])
            #expect(summary.limitHit == nil)
            #expect(summary.notes.allSatisfy { if case .malformed = $0 { false } else { true } })
            #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { tokenize($0) } == nil)
        }
    }

    /// Values the counting rules do not read are skipped by counting brackets, at any depth and in constant memory,
    /// as JSON.parse reads them: deep nesting is no parser limit at all, before or after `sources`.
    @Test func deepNestingBeforeSourcesIsReadAtAnyDepth() throws {
        let deep = String(repeating: #"[{"k":"#, count: 30_000) + "1" + String(repeating: "}]", count: 30_000)
        let text = #"{"x":"# + deep + "," + Self.body + "}"
        let summary = try #require(tokenize(text))
        #expect(summary.limitHit == nil)
        #expect(summary.exposed.map(\.stats.lines) == [2])
        let short =
            #"{"x":"# + String(repeating: #"[{"k":"#, count: 40) + #""]}\"{""# + String(repeating: "}]", count: 40) + ","
            + Self.body + "}"
        #expect(tokenize(short)?.exposed.map(\.stats.lines) == [2])
        #expect(SplitFeeder.firstMismatch(of: Array(short.utf8)) { tokenize($0) } == nil)
    }

    @Test func deepNestingAfterSourcesIsReadAndTheRestStillCounted() throws {
        let text =
            "{" + Self.body + #","x":"# + String(repeating: "[", count: 600) + #""]]\"[""#
            + String(repeating: "]", count: 600) + #","sourcesContent":["1\n2\n3"]}"#
        let summary = try #require(tokenize(text))
        #expect(summary.limitHit == nil)
        #expect(summary.exposed.map(\.stats.lines) == [3])
        #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { tokenize($0) } == nil)
    }
}
