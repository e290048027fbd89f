import Foundation
import LeakScanCore
import TestSupport
import Testing

/// Secrets in decoded `sourcesContent` (issue 18): planted tokens found at the line and UTF-16 column a Swift `String`
/// gives for the original text, through raw UTF-8 and `\u`-escaped maps, at every chunk split, in file, inline and
/// nested maps.
@Suite struct SecretScanTests {
    static let scanning = SecretScanning(rules: BuiltinSecretRules.enabled)

    static let githubToken = "ghp_" + "Zq9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa"
    static let awsKey = "AKIA" + "IOSFODNN7EXAMPLE"
    static let anthropicKey = "sk-ant-api03-" + String(repeating: "x7Y_", count: 23) + "Q" + "AA"

    /// An original file with astral characters (two UTF-16 units, four UTF-8 bytes) before each token.
    static let original = """
        // 𝒳 config — ünïcode 😀😀 first
        const 😀a = "\(awsKey)"; const b = '\(githubToken)'; // 🎉
        \tfetch("postgres://admin:hunter2secret@db.internal.example:5432/app")
        /* 𐐷 */ const k = `\(anthropicKey)`
        """

    struct Expected: Equatable, CustomStringConvertible {
        var ruleID: String
        var line: Int
        var column: Int
        var secret: String
        var description: String { "\(ruleID)@\(line):\(column)=\(secret)" }
    }

    /// Line and UTF-16 column of `needle` in `text`, from `String` (the oracle).
    static func position(of needle: String, in text: String) -> (line: Int, column: Int) {
        let range = text.range(of: needle)!
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, text[lineStart..<range.lowerBound].utf16.count + 1)
    }

    static func expected(in text: String) -> [Expected] {
        let planted = [
            ("aws-access-key-id", awsKey, awsKey), ("github-classic-token", githubToken, githubToken),
            ("url-credentials", "postgres://admin:hunter2secret@db.internal.example", "hunter2secret"),
            ("anthropic-api-key", anthropicKey, anthropicKey),
        ]
        return planted.map { rule, match, secret in
            let at = position(of: match, in: text)
            return Expected(ruleID: rule, line: at.line, column: at.column, secret: secret)
        }.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// A JSON string literal with every non-ASCII character as `\uXXXX` (surrogate pairs for astral ones) and `/` as `\/`.
    static func quoteEscapingAll(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "/": out += "\\/"
            case _ where scalar.value < 0x80: out.unicodeScalars.append(scalar)
            default:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
            }
        }
        return out + "\""
    }

    static func escapedMap(sources: [String], contents: [String]) -> String {
        #"{"version":3,"sources":[\#(sources.map(MapText.quote).joined(separator: ","))],"#
            + #""sourcesContent":[\#(contents.map(quoteEscapingAll).joined(separator: ","))],"mappings":"AAAA"}"#
    }

    static func hits(_ summary: SourceMapSummary?) -> [String: [Expected]] {
        var found: [String: [Expected]] = [:]
        for source in summary?.exposed ?? [] where !source.secrets.isEmpty {
            found[source.path] = source.secrets.map {
                Expected(ruleID: $0.ruleID, line: $0.line, column: $0.column, secret: $0.secret)
            }
        }
        return found
    }

    static func tokenize(_ chunks: [ArraySlice<UInt8>]) -> [String: [Expected]] {
        var tokenizer = SourceMapTokenizer(secrets: scanning)
        for chunk in chunks {
            chunk.withUnsafeBytes { tokenizer.consume($0) }
        }
        return hits(tokenizer.finish())
    }

    @Test func theOracleSeesUTF16ColumnsThatDifferFromBytes() {
        let at = Self.position(of: Self.githubToken, in: Self.original)
        let line = String(Self.original.split(separator: "\n")[at.line - 1])
        let bytesBefore = line.components(separatedBy: Self.githubToken)[0].utf8.count
        #expect(at == (2, 48))
        #expect(bytesBefore + 1 != at.column)
    }

    @Test(arguments: [false, true])
    func plantedTokensAtExactCoordinatesAtEverySplit(escapeAll: Bool) {
        let sources = ["webpack://app/./src/config.ts", "src/clean.ts"]
        let contents = [Self.original, "export const clean = 1;\n"]
        let map =
            escapeAll
            ? Self.escapedMap(sources: sources, contents: contents)
            : MapText.map(sources: sources, contents: contents)
        let input = Array(map.utf8)
        let whole = Self.tokenize([input[...]])
        #expect(whole == ["app/src/config.ts": Self.expected(in: Self.original)])
        #expect(SplitFeeder.firstMismatch(of: input, run: Self.tokenize) == nil)
    }

    @Test(arguments: [false, true])
    func tokenStraddlingTheEnginePieceBoundary(escapeAll: Bool) {
        // Filler with newlines and astral characters, so the token starts a few bytes before the 64 KiB piece edge.
        var filler = ""
        while filler.utf8.count < (1 << 16) - 200 { filler += "let s = '😀 é';\n" }
        filler += String(repeating: "x", count: (1 << 16) - 20 - filler.utf8.count) + " "
        let text = filler + Self.githubToken + "\nend 😀 " + Self.awsKey + "\n"
        let map =
            escapeAll
            ? Self.escapedMap(sources: ["a.ts"], contents: [text])
            : MapText.map(sources: ["a.ts"], contents: [text])
        let github = Self.position(of: Self.githubToken, in: text)
        let aws = Self.position(of: Self.awsKey, in: text)
        let input = Array(map.utf8)
        let expected = [
            "a.ts": [
                Expected(ruleID: "github-classic-token", line: github.line, column: github.column, secret: Self.githubToken),
                Expected(ruleID: "aws-access-key-id", line: aws.line, column: aws.column, secret: Self.awsKey),
            ]
        ]
        #expect(Self.tokenize([input[...]]) == expected)
        for split in stride(from: input.count / 2 - 300, to: input.count / 2 + 300, by: 7) {
            #expect(Self.tokenize([input[..<split], input[split...]]) == expected)
        }
    }

    /// Tokens past several 64 KiB pieces, after lines longer than the position counter's vector batches (255 blocks of
    /// 16 bytes) full of two- and four-byte characters, and after runs of escapes shorter than a block.
    @Test(arguments: [false, true])
    func tokensDeepInALongEntryWithLongLines(escapeAll: Bool) {
        var text = ""
        for line in 0..<400 {
            switch line % 4 {
            case 0: text += String(repeating: "é😀x", count: 700 + line) + "\n"
            case 1: text += String(repeating: "\"\\\t", count: 30 + line % 7) + "\n"
            case 2: text += "\n"
            default: text += String(repeating: "ab", count: 4100) + "\n"
            }
        }
        text += "  😀 " + Self.githubToken + "\n" + String(repeating: "é", count: 5000) + " " + Self.awsKey + "\n"
        let map =
            escapeAll
            ? Self.escapedMap(sources: ["a.ts"], contents: [text])
            : MapText.map(sources: ["a.ts"], contents: [text])
        let github = Self.position(of: Self.githubToken, in: text)
        let aws = Self.position(of: Self.awsKey, in: text)
        #expect(github.line == 401 && aws.line == 402 && aws.column == 5002)
        let expected = [
            "a.ts": [
                Expected(ruleID: "github-classic-token", line: github.line, column: github.column, secret: Self.githubToken),
                Expected(ruleID: "aws-access-key-id", line: aws.line, column: aws.column, secret: Self.awsKey),
            ]
        ]
        let input = Array(map.utf8)
        #expect(Self.tokenize([input[...]]) == expected)
        for split in stride(from: 1, to: input.count, by: input.count / 37) {
            #expect(Self.tokenize([input[..<split], input[split...]]) == expected)
        }
    }

    @Test func nestedMapSecretsAreAtTheInnermostSource() {
        let entry = NestedMapTests.compiledEntry(original: Self.original, name: "./Config.tsx")
        let map = MapText.map(sources: ["webpack://app/src/components/Config.tsx"], contents: [entry])
        var tokenizer = SourceMapTokenizer(secrets: Self.scanning)
        Array(map.utf8).withUnsafeBytes { tokenizer.consume($0) }
        let outer = Self.hits(tokenizer.finish())
        #expect(outer.isEmpty)
        #expect(tokenizer.nestedMaps.count == 1)
        let nested = tokenizer.nestedMaps.first.map { Self.hits($0.summary) } ?? [:]
        #expect(nested == ["app/src/components/Config.tsx": Self.expected(in: Self.original)])
    }

    @Test func inlineMapInAScriptIsScanned() {
        let map = MapText.map(sources: ["../src/config.ts"], contents: [Self.original])
        let script = "console.log(1);\n//# sourceMappingURL=data:application/json;base64," + MapText.base64(map) + "\n"
        let scanner = EntryScanner(location: Location(["pkg.tgz", "package/dist/cli.js"]), secrets: Self.scanning)
        Array(script.utf8).withUnsafeBytes { scanner.consume($0) }
        let findings = scanner.finish()
        #expect(findings.maps.count == 1)
        #expect(Self.hits(findings.maps.first?.summary) == ["src/config.ts": Self.expected(in: Self.original)])
    }

    @Test func loneSurrogatesBecomeOneReplacementUnit() {
        // `\ud800` alone is one UTF-16 unit in JavaScript, and one here (U+FFFD).
        let map = #"{"version":3,"sources":["a.js"],"sourcesContent":["\ud800x\udc00 \#(Self.awsKey)"],"mappings":""}"#
        let found = Self.tokenize([Array(map.utf8)[...]])
        #expect(found == ["a.js": [Expected(ruleID: "aws-access-key-id", line: 1, column: 5, secret: Self.awsKey)]])
    }

    @Test func offByDefaultRulesStayOffAndNoScanMeansNoHits() {
        let text = #"const password = "correct-horse-battery";"#
        let map = Array(MapText.map(sources: ["a.js"], contents: [text]).utf8)
        #expect(Self.tokenize([map[...]]).isEmpty)
        let generic = SecretScanning(rules: BuiltinSecretRules.all)
        var tokenizer = SourceMapTokenizer(secrets: generic)
        map.withUnsafeBytes { tokenizer.consume($0) }
        let secrets = tokenizer.finish()?.exposed.first?.secrets.map(\.secret)
        #expect(secrets == ["correct-horse-battery"])
        var plain = SourceMapTokenizer()
        Array(MapText.map(sources: ["a.js"], contents: [Self.original]).utf8).withUnsafeBytes { plain.consume($0) }
        #expect(plain.finish()?.exposed.first?.secrets == [])
    }

    @Test func tokenAtTheVeryEndOfAnEntry() {
        let map = MapText.map(sources: ["a.js", "b.js"], contents: ["const k = " + Self.awsKey, Self.awsKey])
        let found = Self.tokenize([Array(map.utf8)[...]])
        #expect(
            found == [
                "a.js": [Expected(ruleID: "aws-access-key-id", line: 1, column: 11, secret: Self.awsKey)],
                "b.js": [Expected(ruleID: "aws-access-key-id", line: 1, column: 1, secret: Self.awsKey)],
            ])
    }

    @Test func entriesWithMoreSecretsThanKeptSayHowManyAreListed() {
        // 1,200 distinct AWS key ids in one entry, 3 in the next: the first keeps 1,000 and the map says so.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        /// Key `number` in the key-id alphabet: its base-32 digits, then letters to 16 characters (all distinct).
        func key(_ number: Int) -> String {
            var characters: [Character] = []
            for position in 0..<16 {
                let digit: Int = position < 3 ? (number >> (5 * position)) & 31 : position
                characters.append(alphabet[digit])
            }
            return "AKIA" + String(characters)
        }
        let keys = (0..<1_200).map(key)
        let crowded = keys.map { "k = \"\($0)\";" }.joined(separator: "\n")
        let map = MapText.map(sources: ["crowded.js", "few.js"], contents: [crowded, keys.prefix(3).joined(separator: " ")])
        var tokenizer = SourceMapTokenizer(secrets: Self.scanning)
        Array(map.utf8).withUnsafeBytes { tokenizer.consume($0) }
        let summary = tokenizer.finish()
        #expect(summary?.exposed.map(\.secrets.count) == [1_000, 3])
        #expect(summary?.notes == [.secretsPastCap(entries: 1, keptPerEntry: 1_000)])
    }
}
