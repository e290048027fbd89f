import Foundation
import LeakScanCore
import TestSupport
import Testing

/// Values the counting rules do not read are skipped 64 bytes at a time (bit masks for brackets, quotes and escapes):
/// the skip must end exactly where the value ends, whatever strings, escapes and brackets it holds and wherever the
/// chunks and blocks split it.
@Suite struct SkippedValueTests {
    /// The map that follows each skipped value: if the skip ends early or late, these are misread or missed.
    static let tail = #","sources":["src/after.ts"],"sourcesContent":["1\n2\n3"]}"#

    /// A random JSON value: nested arrays and objects, numbers, literals, whitespace and strings holding brackets,
    /// quotes, runs of backslashes and the text of a `sources` key (a trap for a skip that loses track of strings).
    static func value(depth: Int, using random: inout SeededGenerator) -> String {
        let pieces = [
            "[", "]", "{", "}", #"\""#, #"\\"#, #"\\\\"#, #"\\\""#, "a", "é", #"\u005B"#, #"\"sources\":[\"trap.ts\"]"#,
        ]
        let roll = depth >= 6 ? Int.random(in: 0..<3, using: &random) : Int.random(in: 0..<6, using: &random)
        let gap = [" ", "", "\n\t", ""].randomElement(using: &random)!
        switch roll {
        case 0:
            let text = (0..<Int.random(in: 0..<24, using: &random)).map { _ in pieces.randomElement(using: &random)! }
            return "\"" + text.joined() + "\""
        case 1: return ["0", "-12.5e3", "true", "false", "null", "1234567890123456789012345"].randomElement(using: &random)!
        case 2: return Int.random(in: 0..<2, using: &random) == 0 ? "[]" : "{}"
        case 3, 4:
            let items = (0..<Int.random(in: 1..<6, using: &random)).map { _ in value(depth: depth + 1, using: &random) }
            return "[" + gap + items.joined(separator: "," + gap) + gap + "]"
        default:
            let keys = ["sources", "sourcesContent", "k", "[", #"\"}"#]
            let members = (0..<Int.random(in: 1..<5, using: &random)).map { _ in
                "\"\(keys.randomElement(using: &random)!)\"" + gap + ":" + value(depth: depth + 1, using: &random)
            }
            return "{" + members.joined(separator: ",") + gap + "}"
        }
    }

    /// Skipped values generated at random, each read whole, byte by byte and split at every offset: the map after them
    /// counts exactly one file of three lines, as Foundation's JSON parser reads the same text.
    @Test func generatedValuesEndWhereTheJSONParserSaysAtEverySplit() throws {
        var random = SeededGenerator(seed: 15)
        for round in 0..<40 {
            let text = #"{"version":3,"x":"# + Self.value(depth: 0, using: &random) + Self.tail
            let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            #expect(parsed?["sources"] as? [String] == ["src/after.ts"], "round \(round): \(text)")
            let summary = try #require(tokenize(text), "round \(round): \(text)")
            #expect(summary.exposed.map(\.path) == ["src/after.ts"], "round \(round): \(text)")
            #expect(summary.exposed.map(\.stats.lines) == [3], "round \(round): \(text)")
            #expect(summary.notes.isEmpty, "round \(round): \(text)")
            #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { tokenize($0) } == nil, "round \(round)")
        }
    }

    /// A run of backslashes before a quote (odd: the quote is escaped; even: it closes the string) placed across every
    /// position of a 64-byte block boundary.
    @Test(arguments: 1...6)
    func backslashRunsAcrossBlockBoundariesDecideWhereStringsEnd(backslashes: Int) throws {
        for padding in 40..<80 {
            let run = String(repeating: "\\", count: backslashes)
            let string = backslashes % 2 == 0 ? "\"" + run + "\"" : "\"" + run + "\"]\""
            let text = #"{"x":[""# + String(repeating: "a", count: padding) + #"",["# + string + "]]" + Self.tail
            #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any], "\(text)")
            let summary = try #require(tokenize(text), "\(text)")
            #expect(summary.exposed.map(\.stats.lines) == [3], "\(text)")
            #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { tokenize($0) } == nil, "padding \(padding)")
        }
    }

    /// Dense brackets around the point where the skipped value closes, so the value ends inside a block of brackets
    /// (the depth is followed four bits at a time there).
    @Test(arguments: ["[],", "{},", "[[]],", "[{}],"])
    func valueClosingInsideDenseBracketsEndsThere(unit: String) throws {
        for count in [1, 21, 22, 63, 64, 65, 200] {
            let text = #"{"x":["# + String(repeating: unit, count: count) + "0]" + Self.tail
            let summary = try #require(tokenize(text))
            #expect(summary.exposed.map(\.path) == ["src/after.ts"], "\(unit) × \(count)")
            #expect(SplitFeeder.firstMismatch(of: Array(text.utf8)) { tokenize($0) } == nil, "\(unit) × \(count)")
        }
    }
}
