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

    @Test(arguments: [")]}'\n", ")]}\n", ")]}',\n", ")]} anything at all ]}{\"\n", "\u{FEFF})]}'\n", "\u{FEFF}", "\u{FEFF} \n\t", ")]}'\r\n"])
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
            #expect(summary.notes.allSatisfy { !$0.hasPrefix("malformed") })
            #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { tokenize($0) } == nil)
        }
    }

    @Test func deepNestingBeforeSourcesIsALimitNotNotAMap() throws {
        let deep = String(repeating: #"[{"k":"#, count: 300) + "1" + String(repeating: "}]", count: 300)
        let text = #"{"x":"# + deep + "," + Self.body + "}"
        let summary = try #require(tokenize(text))
        // The 512th bracket of the deep value (root object + 511 opened before it): unit 255 of `[{"k":`, its `{`.
        let expectedByte = 5 + 255 * 6 + 1
        #expect(
            summary.limitHit
                == .init(
                    message: "JSON nesting deeper than 512 levels at byte \(expectedByte); the deeper value was skipped unread",
                    flag: "--max-json-depth"))
        #expect(Array(text.utf8)[expectedByte] == UInt8(ascii: "{"))
        #expect(summary.exposed.map(\.stats.lines) == [2])
        #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { tokenize($0) } == nil)
    }

    @Test func deepNestingAfterSourcesIsALimitAndTheRestIsStillCounted() throws {
        let text = "{" + Self.body + #","x":"# + String(repeating: "[", count: 600) + #""]]\"[""#
            + String(repeating: "]", count: 600) + #","sourcesContent":["1\n2\n3"]}"#
        let summary = try #require(tokenize(text))
        #expect(summary.limitHit?.flag == "--max-json-depth")
        #expect(summary.limitHit?.message.hasPrefix("JSON nesting deeper than 512 levels at byte \(Self.body.utf8.count + 6 + 511)") == true)
        #expect(summary.exposed.map(\.stats.lines) == [3])
    }
}
