import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// A hand-written `.gitleaks.toml` with each supported construct (issue 18 item 4): its hits in file, inline and
/// nested maps at the line and UTF-16 column a Swift `String` gives, at every split, on both engines; allowlists,
/// entropy, keywords, `disabledRules`, path rules and `gitleaks:allow` comments suppress exactly what they should.
@Suite struct GitleaksConfigTests {
    static let config = #"""
        title = "team rules (hand-written for this test)"

        [extend]
        disabledRules = ["aws-access-key-id", "team-disabled"]

        [[rules]]
        id = "team-deploy-key"
        description = "Deploy key"
        regex = '''(?i)\bdeploy_?key\s{0,3}=\s{0,3}["']([A-Za-z0-9]{24})["']'''
        secretGroup = 1
        tags = ["team"]

        [[rules]]
        id = "team-token"
        regex = '''\btt_[A-Za-z0-9]{20}\b'''
        entropy = 3.0
        [[rules.allowlists]]
        regexes = ['''^tt_EXAMPLE''']
        [[rules.allowlists]]
        condition = "AND"
        paths = ['''^fixtures/''']
        stopwords = ["DUMMY"]

        [[rules]]
        id = "internal-host"
        regex = '''\b([a-z]+)\.corp\.example\.com\b'''
        keywords = ["CORP"]
        [rules.allowlist]
        regexTarget = "line"
        regexes = ['''allow-host''']

        [[rules]]
        id = "team-session"
        regex = '''\bsess_[0-9a-f]{16}\b'''
        keywords = ["session"]

        [[rules]]
        id = "env-file"
        path = '''(^|/)\.env$'''

        [[rules]]
        id = "team-disabled"
        regex = '''\bdis_[0-9]{8}\b'''

        [[rules]]
        id = "config-only"
        regex = '''\bcfg_\pN{10}\b'''
        path = '''config\.ts$'''

        [[allowlists]]
        targetRules = ["github-classic-token"]
        regexTarget = "match"
        regexes = ['''ghp_Allowed''']
        """#

    static let githubToken = "ghp_" + "Zq9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa"
    static let allowedGitHubToken = "ghp_" + "Allowed7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa9"
    static let deployKey = "Ab3dEf6hIj9kLm2nOp5qRs8t"
    static let teamToken = "tt_" + "Zx8Cv7Bn6Mm5Aa4Ss3Dd"

    /// The original `src/config.ts`: every rule's hit or near miss, astral characters before several of them.
    static let original = """
        // 😀 Session handling, é
        const deployKey = "\(deployKey)"; const host = "build.corp.example.com";
        const t = '\(teamToken)'; // 𝒳
        const low = 'tt_aaaaaaaaaaaaaaaaaaaa';
        const ex = 'tt_EXAMPLEabcdefghijklm';
        const ok = 'tt_Qw9Er8Ty7Ui6Op5As4Df'; // gitleaks:allow
        const aws = "AKIAIOSFODNN7EXAMPLE"; const dis = "dis_12345678";
        const 😀gh = "\(githubToken)"; const gh2 = "\(allowedGitHubToken)";
        const c = "cfg_1234567890"; const s = "sess_0123456789abcdef";
        const h2 = "api.corp.example.com"; // allow-host
        """
    /// Another source: `config-only` does not apply (path), no `session` keyword, so neither fires.
    static let other = "const c = \"cfg_1234567890\"; const s = \"sess_0123456789abcdef\"; const h = 'x.corp.example.com'\n"
    /// Under `fixtures/`: the AND allowlist drops the token holding its stop word, not the other.
    static let fixture = "a = 'tt_Dummy9Er8Ty7Ui6Op5A'\nb = '\(teamToken)'\n"

    struct Hit: Equatable, CustomStringConvertible {
        var rule: String
        var line: Int
        var column: Int
        var secret: String
        var description: String { "\(rule)@\(line):\(column)=\(secret)" }
    }

    static func at(_ needle: String, in text: String, rule: String, secret: String? = nil) -> Hit {
        let range = text.range(of: needle)!
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return Hit(rule: rule, line: line, column: text[lineStart..<range.lowerBound].utf16.count + 1, secret: secret ?? needle)
    }

    /// Every hit the file's rules and the built-in rules leave, per source path (the oracle: `String` positions).
    static let expected: [String: [Hit]] = [
        "app/src/config.ts": [
            at("deployKey = ", in: original, rule: "team-deploy-key", secret: deployKey),
            at("build.corp.example.com", in: original, rule: "internal-host", secret: "build"),
            at(teamToken, in: original, rule: "team-token"),
            at(githubToken, in: original, rule: "github-classic-token"),
            at("cfg_1234567890", in: original, rule: "config-only"),
            at("sess_0123456789abcdef", in: original, rule: "team-session"),
        ],
        "src/other.ts": [at("x.corp.example.com", in: other, rule: "internal-host", secret: "x")],
        "fixtures/t.ts": [at(teamToken, in: fixture, rule: "team-token")],
        "deploy/.env": [Hit(rule: "env-file", line: 1, column: 1, secret: "")],
    ]

    static let sources = ["webpack://app/./src/config.ts", "src/other.ts", "fixtures/t.ts", "deploy/.env"]
    static let contents = [original, other, fixture, "TOKEN=1\n"]

    static func scanning(anchorEngine: Bool) throws -> SecretScanning {
        let config = try GitleaksConfig.parse(config, path: ".gitleaks.toml")
        let best = try SecretRuleSet.scanning(enabling: [], terms: [], gitleaks: config)
        return anchorEngine ? SecretScanning(rules: best.rules, extras: best.extras) : best
    }

    static func hits(_ summary: SourceMapSummary?) -> [String: [Hit]] {
        var found: [String: [Hit]] = [:]
        for source in summary?.exposed ?? [] where !source.secrets.isEmpty {
            found[source.path] = source.secrets.map { Hit(rule: $0.ruleID, line: $0.line, column: $0.column, secret: $0.secret) }
        }
        return found
    }

    /// `text` as a JSON string with every character past ASCII as `\uXXXX` (surrogate pairs for astral ones).
    static func quoteEscapingAll(_ text: String) -> String {
        var out = ""
        for unit in MapText.quote(text).utf16 {
            if unit < 0x80 {
                out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            } else {
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out
    }

    @Test func theFileParsesIntoRulesAllowlistsAndDisabledRules() throws {
        let config = try GitleaksConfig.parse(Self.config, path: ".gitleaks.toml")
        #expect(config.rules.map(\.id) == ["team-deploy-key", "team-token", "internal-host", "team-session", "config-only"])
        #expect(config.disabledRules == ["aws-access-key-id", "team-disabled"])
        #expect(config.extras.pathOnlyRules.map(\.id) == ["env-file"])
        #expect(
            config.extras.allowlists == [
                SecretAllowlist(regexes: ["ghp_Allowed"], regexTarget: .match, ruleIDs: ["github-classic-token"])
            ])
        let token = try #require(config.rules.first { $0.id == "team-token" })
        #expect(token.checks?.minimumEntropy == 3.0)
        #expect(token.checks?.allowlists.count == 2)
        #expect(token.checks?.allowlists.last == SecretAllowlist(condition: .and, paths: ["^fixtures/"], stopwords: ["dummy"]))
        #expect(config.rules.first { $0.id == "config-only" }?.pattern == #"\bcfg_\p{N}{10}\b"#)
        #expect(config.rules.first { $0.id == "internal-host" }?.checks?.secretIsFirstNonEmptyGroup == true)
        #expect(config.rules.first { $0.id == "internal-host" }?.checks?.keywords == ["corp"])
    }

    @Test(arguments: [false, true], [false, true])
    func hitsAtExactCoordinatesAtEverySplit(anchorEngine: Bool, escapeAll: Bool) throws {
        let scanning = try Self.scanning(anchorEngine: anchorEngine)
        let quote = escapeAll ? Self.quoteEscapingAll : MapText.quote
        let map =
            #"{"version":3,"sources":[\#(Self.sources.map(MapText.quote).joined(separator: ","))],"#
            + #""sourcesContent":[\#(Self.contents.map(quote).joined(separator: ","))],"mappings":"AAAA"}"#
        let input = Array(map.utf8)
        func run(_ chunks: [ArraySlice<UInt8>]) -> [String: [Hit]] {
            var tokenizer = SourceMapTokenizer(secrets: scanning)
            for chunk in chunks { chunk.withUnsafeBytes { tokenizer.consume($0) } }
            return Self.hits(tokenizer.finish())
        }
        #expect(run([input[...]]) == Self.expected)
        #expect(SplitFeeder.firstMismatch(of: input, run: run) == nil)
    }

    @Test(arguments: [false, true])
    func inlineAndNestedMapsHitTheSameWay(anchorEngine: Bool) throws {
        let scanning = try Self.scanning(anchorEngine: anchorEngine)
        let map = MapText.map(sources: Self.sources, contents: Self.contents)
        let script = "console.log(1);\n//# sourceMappingURL=data:application/json;base64," + MapText.base64(map) + "\n"
        let inline = EntryScanner(location: Location(["pkg.tgz", "package/dist/cli.js"]), secrets: scanning)
        Array(script.utf8).withUnsafeBytes { inline.consume($0) }
        #expect(Self.hits(inline.finish().maps.first?.summary) == Self.expected)

        // The script itself is a source of an outer map: its inline map is nested, hits are at the innermost sources.
        let outer = MapText.map(sources: ["webpack://app/dist/cli.js"], contents: [script])
        var tokenizer = SourceMapTokenizer(secrets: scanning)
        Array(outer.utf8).withUnsafeBytes { tokenizer.consume($0) }
        #expect(Self.hits(tokenizer.finish()).isEmpty)
        #expect(tokenizer.nestedMaps.count == 1)
        let nestedExpected = Dictionary(uniqueKeysWithValues: Self.expected.map { ("app/dist/" + $0.key, $0.value) })
        #expect(tokenizer.nestedMaps.first.map { Self.hits($0.summary) } == nestedExpected)
    }

    @Test func keywordsAreCaseBlindAndGateTheWholeEntry() throws {
        let config = try GitleaksConfig.parse(
            #"""
            [[rules]]
            id = "kw"
            regex = '''\bzz_[0-9]{6}\b'''
            keywords = ["Needle"]
            """#, path: "k.toml")
        for anchorEngine in [false, true] {
            let best = try SecretRuleSet.scanning(enabling: [], terms: [], gitleaks: config)
            let scanning = anchorEngine ? SecretScanning(rules: best.rules, extras: best.extras) : best
            let contents = ["zz_123456\n// NeEdLe far below\n", "zz_123456 no keyword\n", "needle zz_654321"]
            let map = MapText.map(sources: ["a.ts", "b.ts", "c.ts"], contents: contents)
            var tokenizer = SourceMapTokenizer(secrets: scanning)
            Array(map.utf8).withUnsafeBytes { tokenizer.consume($0) }
            #expect(
                Self.hits(tokenizer.finish()) == [
                    "a.ts": [Hit(rule: "kw", line: 1, column: 1, secret: "zz_123456")],
                    "c.ts": [Hit(rule: "kw", line: 1, column: 8, secret: "zz_654321")],
                ])
        }
    }

    @Test func entropyIsGitleaksShannonEntropy() {
        #expect(ShannonEntropy.of("") == 0)
        #expect(ShannonEntropy.of("aaaa") == 0)
        #expect(ShannonEntropy.of("ab") == 1)
        #expect(ShannonEntropy.of("abcd") == 2)
        // Go counts runes over the byte length: "aé" is two runes in three bytes, each at frequency 1/3.
        let third: Double = 1.0 / 3
        let expected: Double = -2 * third * log2(third)
        #expect(abs(ShannonEntropy.of("aé") - expected) < 1e-12)
    }

    @Test(arguments: [
        (#"regex = '''\bab\C'''"#, #"g.toml: rule bad: regex: not supported here: '\C' is not currently supported"#),
        (#"regex = '''(?=x)abc'''"#, #"g.toml: rule bad: regex: lookaround "(?=" is not in Go's RE2 syntax"#),
        (#"regex = '''(a)\1'''"#, #"g.toml: rule bad: regex: backreference \1 is not in Go's RE2 syntax"#),
        ("regex = 'a(b)'\nsecretGroup = 2", "g.toml: rule bad: secretGroup 2 but the regex has 1 capture group(s)"),
        ("description = 'no regex, no path'", "g.toml: rule bad: has neither regex nor path"),
        ("regex = 'a'\n[[rules.required]]\nid = 'x'", "g.toml: rule bad: required is not supported"),
        ("regex = 'a'\nsecretgroup = 1", "g.toml: rule bad: unknown key secretgroup"),
    ])
    func unsupportedConstructsNameTheRule(body: String, message: String) {
        #expect(throws: GitleaksConfigError(path: "g.toml", message: String(message.dropFirst("g.toml: ".count)))) {
            try GitleaksConfig.parse("[[rules]]\nid = \"bad\"\n" + body + "\n", path: "g.toml")
        }
    }

    @Test func extendUseDefaultAndPathAreErrors() {
        #expect(throws: GitleaksConfigError.self) { try GitleaksConfig.parse("[extend]\nuseDefault = true\n", path: "g") }
        #expect(throws: GitleaksConfigError.self) { try GitleaksConfig.parse("[extend]\npath = 'base.toml'\n", path: "g") }
        #expect(throws: GitleaksConfigError.self) {
            try GitleaksConfig.parse("[allowlist]\nregexes=['a']\n[[allowlists]]\nregexes=['b']\n", path: "g")
        }
        #expect((try? GitleaksConfig.parse("[extend]\nuseDefault = false\n", path: "g"))?.rules == [])
    }
}
