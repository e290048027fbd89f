import Foundation
import LeakScanCore
import TestSupport
import Testing

/// The streaming tokenizer against Foundation's JSONDecoder on generated maps, and against itself under every chunking.
@Suite struct TokenizerDifferentialTests {
    struct DecodedMap: Decodable {
        var version: Int
        var sources: [String?]?
        var sourcesContent: [String?]?
    }

    struct Expected: Equatable {
        var sourcesCount: Int
        var contents: [[Int]]
    }

    /// Pieces of text with awkward encodings: escapes, CRLF, lone CR, multi-byte and astral characters. A third of the
    /// strings are long enough to cross the tokenizer's 64-byte blocks, so escapes land on every block position.
    static let pieces = ["a", "line", "\n", "\r\n", "\r", "\t", "\"", "\\", "é", "😀", "€", " ", "/", "x\n", "\u{7F}", "ß"]

    /// JSON-escapes `text`, choosing at random between raw UTF-8 and `\u` escapes (surrogate pairs for astral).
    static func escape(_ text: String, using random: inout SeededGenerator) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            let useUnicodeEscape = Bool.random(using: &random)
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += useUnicodeEscape ? "\\u005c" : "\\\\"
            case "\n": out += useUnicodeEscape ? "\\u000A" : "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "/": out += useUnicodeEscape ? "\\/" : "/"
            default:
                if scalar.value < 0x20 || (scalar.value > 0x7E && useUnicodeEscape) {
                    for unit in String(scalar).utf16 { out += String(format: "\\u%04x", unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func generateMap(_ random: inout SeededGenerator) -> String {
        let sourceCount = Int.random(in: 0...4, using: &random)
        let contentCount = [sourceCount, sourceCount, sourceCount + 1, max(0, sourceCount - 1)].randomElement(using: &random)!
        let sources = (0..<sourceCount).map { index in
            Int.random(in: 0..<6, using: &random) == 0 ? "null" : escape("src/file\(index).ts", using: &random)
        }
        let contents: [String] = (0..<contentCount).map { _ in
            if Int.random(in: 0..<5, using: &random) == 0 { return "null" }
            let length =
                Int.random(in: 0..<3, using: &random) == 0
                ? Int.random(in: 30...200, using: &random) : Int.random(in: 0...12, using: &random)
            let text = (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
            return escape(text, using: &random)
        }
        var fields = [#""version":3"#, #""sources":[\#(sources.joined(separator: ","))]"#, #""mappings":"AAAA;AACA""#]
        if Int.random(in: 0..<6, using: &random) != 0 {
            fields.insert(
                #""sourcesContent":[\#(contents.joined(separator: " , "))]"#, at: Int.random(in: 0...fields.count, using: &random)
            )
        }
        let body = "{\n  " + fields.joined(separator: ",\n  ") + "\n}"
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return "\u{FEFF}" + body
        case 1: return ")]}'\n" + body
        default: return body
        }
    }

    static func oracle(_ text: String) throws -> Expected {
        var json = text
        if json.hasPrefix("\u{FEFF}") { json.removeFirst() }
        if json.hasPrefix(")]}'") { json.removeFirst(4) }
        let map = try JSONDecoder().decode(DecodedMap.self, from: Data(json.utf8))
        let contents = (map.sourcesContent ?? []).compactMap { $0 }.map { [expectedLines($0), $0.utf8.count] }
        return Expected(sourcesCount: map.sources?.count ?? 0, contents: contents)
    }

    @Test func matchesJSONDecoderOnGeneratedMaps() throws {
        var random = SeededGenerator(seed: 0x5EED)
        for _ in 0..<400 {
            let text = Self.generateMap(&random)
            let expected = try Self.oracle(text)
            let summary = try #require(tokenize(text), "not recognised as a map: \(text)")
            let actual = Expected(
                sourcesCount: summary.sourcesCount, contents: summary.exposed.map { [$0.stats.lines, $0.stats.bytes] })
            #expect(actual == expected, "\(text)")
        }
    }

    @Test func everyChunkingGivesTheSameSummary() {
        var random = SeededGenerator(seed: 42)
        for _ in 0..<40 {
            let bytes = Array(Self.generateMap(&random).utf8)
            let mismatch = SplitFeeder.firstMismatch(of: bytes) { tokenize($0) }
            #expect(mismatch == nil)
        }
    }
}

/// Every escape kind at every position of the tokenizer's 64-byte blocks, against the decoded text.
@Suite struct TokenizerBlockBoundaryTests {
    @Test(arguments: [#"\\"#, #"\""#, #"\n"#, #"\/"#, #"\u00e9"#, #"\ud83d\ude00"#, #"\\\\\"\n"#])
    func escapeAtEveryBlockPosition(escape: String) throws {
        for offset in 0..<140 {
            let raw = String(repeating: "a", count: offset) + escape + String(repeating: "b", count: 70) + escape
            let text = #"{"version":3,"sources":["a.ts"],"sourcesContent":[""# + raw + #""]}"#
            let expected = try TokenizerDifferentialTests.oracle(text)
            let summary = try #require(tokenize(text))
            let actual = summary.exposed.map { [$0.stats.lines, $0.stats.bytes] }
            #expect(actual == expected.contents, "escape \(escape) at offset \(offset)")
        }
    }
}
