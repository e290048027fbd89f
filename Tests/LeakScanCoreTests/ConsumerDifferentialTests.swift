import Foundation
import LeakScanCore
import TestSupport
import Testing

/// The tokenizer against what Node reads: DevTools' prefix rule and BOM strip, `JSON.parse`, then a map is an object
/// with a `sources` or `sections` array (DevTools and Node check nothing else), counted by a few lines of JavaScript.
@Suite struct ConsumerDifferentialTests {
    static let counter = #"""
        for (const buffer of inputs) {
          let text = buffer.toString('utf8');
          // DevTools strips `)]}…\n` and then a BOM; leak-scan also takes a BOM before the guard (the union of the two
          // orders: more is read as a map, never less).
          if (text.charCodeAt(0) === 0xFEFF && text.startsWith(')]}', 1)) text = text.slice(1);
          if (text.startsWith(')]}')) text = text.substring(text.indexOf('\n'));
          if (text.charCodeAt(0) === 0xFEFF) text = text.slice(1);
          let map;
          try { map = JSON.parse(text); } catch { out.push('null'); continue; }
          if (map === null || typeof map !== 'object' || Array.isArray(map)
              || !(Array.isArray(map.sources) || Array.isArray(map.sections))) { out.push('null'); continue; }
          const contents = (Array.isArray(map.sourcesContent) ? map.sourcesContent : [])
            .slice(0, Array.isArray(map.sources) ? undefined : 0)
            .filter((c) => typeof c === 'string')
            .map((c) => [c.split('\n').length - 1 + (c.length > 0 && !c.endsWith('\n') ? 1 : 0), Buffer.byteLength(c)]);
          out.push(JSON.stringify({ sources: Array.isArray(map.sources) ? map.sources.length : 0, contents }));
        }
        """#

    struct Counted: Codable, Equatable {
        var sources: Int
        var contents: [[Int]]
    }

    static func whitespace(_ random: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...2, using: &random)).map { _ in [" ", "\t", "\n", "\r\n"].randomElement(using: &random)! }.joined()
    }

    static func generate(_ random: inout SeededGenerator) -> String {
        var ws = { (r: inout SeededGenerator) in whitespace(&r) }
        let versions = ["3", "3.0", "3e0", "\"3\"", "\"3.0\"", "2", "null", "[3]", String(repeating: "3", count: 80), "-0.3e1"]
        var fields: [String] = []
        if Int.random(in: 0..<4, using: &random) != 0 {
            fields.append(#""version":"# + ws(&random) + versions.randomElement(using: &random)!)
        }
        let sourceCount = Int.random(in: 0...3, using: &random)
        let sources = (0..<sourceCount).map { #""src/f\#($0).ts""# }
        let contents = (0..<sourceCount).map { _ in
            [#""a\nb""#, #""x""#, "null", #""""#, #""\u00e9\r\n""#].randomElement(using: &random)!
        }
        let sourcesField = #""sources":["# + sources.joined(separator: "," + ws(&random)) + "]"
        switch Int.random(in: 0..<8, using: &random) {
        case 0: break
        case 1: fields.append(#""sources":"a.ts""#)
        case 2: fields += [#""sources":["old.ts","old2.ts"]"#, sourcesField]
        default: fields.append(sourcesField)
        }
        if Int.random(in: 0..<4, using: &random) != 0 {
            fields.append(#""sourcesContent":["# + contents.joined(separator: ws(&random) + ",") + "]")
            if Int.random(in: 0..<5, using: &random) == 0 { fields.insert(#""sourcesContent":["gone\n"]"#, at: 0) }
        }
        switch Int.random(in: 0..<6, using: &random) {
        case 0: fields.insert(#""n":"# + String(repeating: "1", count: Int.random(in: 60...200, using: &random)) + ".5e-3", at: 0)
        case 1:
            let depth = Int.random(in: 500...700, using: &random)
            fields.insert(#""deep":"# + String(repeating: "[", count: depth) + #""]\"{""# + String(repeating: "]", count: depth), at: Int.random(in: 0...fields.count, using: &random))
        case 2: fields.append(#""mappings":"AAAA;;AACA","names":[true,false,null,{"a":[1,-2.5E+3]}]"#)
        default: break
        }
        fields.shuffle(using: &random)
        let body = "{" + ws(&random) + fields.map { $0 + ws(&random) }.joined(separator: "," + ws(&random)) + "}" + ws(&random)
        let prefixes = ["", "", "\u{FEFF}", ")]}'\n", ")]}\n", ")]},\n", ")]}'", "\u{FEFF})]}'\n", ")]} // xssi \n", " )]}'\n"]
        return prefixes.randomElement(using: &random)! + body
    }

    @Test func tokenizerReadsWhatJSONParseReads() throws {
        var random = SeededGenerator(seed: 0x15)
        let inputs = (0..<600).map { _ in Array(Self.generate(&random).utf8) }
        let lines = try NodeOracle.run(Self.counter, inputs: inputs)
        try #require(lines.count == inputs.count)
        var maps = 0
        for (input, line) in zip(inputs, lines) {
            let expected = line == "null" ? nil : try JSONDecoder().decode(Counted.self, from: Data(line.utf8))
            let summary = tokenize([input[...]])
            let actual = summary.map { Counted(sources: $0.sourcesCount, contents: $0.exposed.map { [$0.stats.lines, $0.stats.bytes] }) }
            #expect(actual == expected, "\(String(decoding: input, as: UTF8.self))")
            if expected != nil { maps += 1 }
        }
        #expect(maps > 200)
        for input in inputs.prefix(40) {
            #expect(SplitFeeder.firstMismatch(of: input) { tokenize($0) } == nil)
        }
    }
}
