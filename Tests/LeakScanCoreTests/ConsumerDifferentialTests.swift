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
        let ws = { (r: inout SeededGenerator) in whitespace(&r) }
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
            fields.insert(
                #""deep":"# + String(repeating: "[", count: depth) + #""]\"{""# + String(repeating: "]", count: depth),
                at: Int.random(in: 0...fields.count, using: &random))
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
            let actual = summary.map {
                Counted(sources: $0.sourcesCount, contents: $0.exposed.map { [$0.stats.lines, $0.stats.bytes] })
            }
            #expect(actual == expected, "\(String(decoding: input, as: UTF8.self))")
            if expected != nil { maps += 1 }
        }
        #expect(maps > 200)
        for input in inputs.prefix(40) {
            #expect(SplitFeeder.firstMismatch(of: input) { tokenize($0) } == nil)
        }
    }
}

/// The comment finder against V8's own `new vm.Script(src).sourceMapURL`, and the data: URL decoder against
/// `fetch('data:…')` (undici's implementation of the fetch spec's data: URL processor) followed by the same counter.
@Suite struct CommentAndDataURLDifferentialTests {
    static let map = MapText.map(sources: ["src/a.ts", "src/b.ts"], contents: ["a\nb\n", "c"])

    static func find(_ chunks: [ArraySlice<UInt8>]) -> SourceMappingURLFinder {
        var finder = SourceMappingURLFinder()
        for chunk in chunks {
            chunk.withUnsafeBytes { finder.consume($0) }
        }
        finder.finish()
        return finder
    }

    /// What the finder says the script's source map URL is: the last URL or inline map (data: URLs as written).
    static func found(_ finder: SourceMappingURLFinder, dataValue: String) -> String? {
        let lastURL = finder.urls.last
        let lastInline = finder.inlineMaps.last
        if let lastInline, lastInline.offset >= (lastURL?.offset ?? -1) { return dataValue }
        return lastURL?.url
    }

    @Test func commentFinderAgreesWithV8() throws {
        var random = SeededGenerator(seed: 0x58)
        let dataValue = "data:application/json;base64," + MapText.base64(Self.map)
        let markers = ["#", "@"]
        let spaces = [
            " ", "\t", "\u{0B}", "\u{0C}", "\u{A0}", "\u{FEFF}", "\u{2003}", "\u{3000}", "\u{1680}", "\u{202F}", "", "  ",
            "\u{200B}",
        ]
        let afterEquals = ["", " ", "\t ", "\u{A0}", "\u{3000}"]
        let values = [
            "a.js.map", "../maps/x.js.map", "https://cdn.example/x.map", "//cdn.example/y.map", dataValue,
            "DATA:application/json;BASE64," + MapText.base64(Self.map), "a'b.map", "x*y.map",
        ]
        let trailers = ["", " ", "\t\u{A0}", " x", "\u{2003}junk", " */"]
        let ends = ["\n", "\r\n", "", "\u{2028}", "\r"]
        var scripts: [String] = []
        for _ in 0..<500 {
            let value = values.randomElement(using: &random)!
            let isData = value.lowercased().hasPrefix("data:")
            let trailer = isData ? "" : trailers.randomElement(using: &random)!
            let equals = Int.random(in: 0..<12, using: &random) == 0 ? " =" : "="
            let comment =
                "//" + markers.randomElement(using: &random)! + spaces.randomElement(using: &random)! + "sourceMappingURL"
                + equals + afterEquals.randomElement(using: &random)! + value + trailer + ends.randomElement(using: &random)!
            scripts.append("var x = 1;\n" + comment)
        }
        let lines = try NodeOracle.run(
            "for (const b of inputs) out.push(JSON.stringify(new (require('vm').Script)(b.toString('utf8')).sourceMapURL ?? null));",
            inputs: scripts.map { Array($0.utf8) })
        try #require(lines.count == scripts.count)
        var found = 0
        for (script, line) in zip(scripts, lines) {
            let v8 = try JSONDecoder().decode(String?.self, from: Data(line.utf8))
            var expected = v8
            // Values that look like code are left out on purpose (string building in bundled libraries).
            if let v8, !v8.lowercased().hasPrefix("data:"), !SourceMappingURLFinder.isURL(v8) { expected = nil }
            if let v8, v8.lowercased().hasPrefix("data:") { expected = dataValue }
            let actual = Self.found(Self.find([Array(script.utf8)[...]]), dataValue: dataValue)
            #expect(actual == expected, "\(script.debugDescription)")
            if expected != nil { found += 1 }
        }
        #expect(found > 150)
    }

    static func percentEncode(_ text: String, all: Bool) -> String {
        text.utf8.map { byte in
            let keep = !all && (byte.isASCIIAlphanumeric || "{}:,[]\".-_".utf8.contains(byte))
            return keep ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }.joined()
    }

    @Test func dataURLDecoderAgreesWithFetch() throws {
        var random = SeededGenerator(seed: 0xDA7A)
        let payloads = [
            Self.map, "\n " + Self.map, MapText.map(sources: ["é.ts"], contents: ["😀\r\nß"]), #"{"version":3,"sources":[]}"#,
            "[1,2]", "not json", #"{"sources":["a.ts"],"sourcesContent":["x\ny"]}"#,
        ]
        let mediaTypes = [
            "application/json", "application/json;charset=utf-8", "", "text/plain;x=" + String(repeating: "y", count: 3000),
            "APPLICATION/JSON;CHARSET=UTF-8",
        ]
        var urls: [String] = []
        for _ in 0..<300 {
            let json = payloads.randomElement(using: &random)!
            let mediaType = mediaTypes.randomElement(using: &random)!
            let scheme = ["data:", "DATA:", "Data:"].randomElement(using: &random)!
            switch Int.random(in: 0..<5, using: &random) {
            case 0, 1:
                var base64 = MapText.base64(json)
                if Bool.random(using: &random) { base64 = base64.replacingOccurrences(of: "=", with: "") }
                if Bool.random(using: &random) {
                    base64 = base64.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2f")
                        .replacingOccurrences(of: "=", with: "%3D")
                }
                if Bool.random(using: &random), base64.count > 8 {
                    base64.insert(
                        contentsOf: ["%20", "%0A", "%09"].randomElement(using: &random)!,
                        at: base64.index(base64.startIndex, offsetBy: 8))
                }
                urls.append(scheme + mediaType + [";base64", ";BASE64", ";Base64"].randomElement(using: &random)! + "," + base64)
            case 2:
                urls.append(scheme + mediaType + "," + Self.percentEncode(json, all: true))
            default:
                urls.append(scheme + mediaType + "," + Self.percentEncode(json, all: false))
            }
        }
        let program = #"""
            for (const b of inputs) {
                let text;
                try { text = await (await fetch(b.toString('utf8'))).text(); } catch { out.push('null'); continue; }
                let map;
                try { map = JSON.parse(text); } catch { out.push('null'); continue; }
                if (map === null || typeof map !== 'object' || Array.isArray(map) || !Array.isArray(map.sources)) { out.push('null'); continue; }
                const contents = (map.sourcesContent ?? []).filter((c) => typeof c === 'string')
                  .map((c) => [c.split('\n').length - 1 + (c.length > 0 && !c.endsWith('\n') ? 1 : 0), Buffer.byteLength(c)]);
                out.push(JSON.stringify({ sources: map.sources.length, contents }));
            }
            """#
        let lines = try NodeOracle.run(program, inputs: urls.map { Array($0.utf8) })
        try #require(lines.count == urls.count)
        var maps = 0
        for (url, line) in zip(urls, lines) {
            let expected =
                line == "null" ? nil : try JSONDecoder().decode(ConsumerDifferentialTests.Counted.self, from: Data(line.utf8))
            let script = Array("x;\n//# sourceMappingURL=\(url)\n".utf8)
            let finder = Self.find([script[...]])
            let actual = finder.inlineMaps.first.map {
                ConsumerDifferentialTests.Counted(
                    sources: $0.summary.sourcesCount, contents: $0.summary.exposed.map { [$0.stats.lines, $0.stats.bytes] })
            }
            #expect(actual == expected, "\(url.prefix(200))")
            if expected != nil { maps += 1 }
        }
        #expect(maps > 100)
        for url in urls.prefix(6) where url.utf8.count < 1200 {
            let script = Array("x;\n//# sourceMappingURL=\(url)\n".utf8)
            #expect(
                SplitFeeder.firstMismatch(of: script) { chunks in
                    Self.find(chunks).inlineMaps.map { $0.summary.exposed.map(\.stats.lines) }
                } == nil)
        }
    }
}

extension UInt8 {
    fileprivate var isASCIIAlphanumeric: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}
