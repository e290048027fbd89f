// Vectorscan exists only in builds with the `Vectorscan` trait (the default).
#if Vectorscan
    import LeakScanCore
    import SecretMatching
    import TestSupport
    import Testing

    /// The Vectorscan engine against the pure-Swift anchor engine: same hits at the same coordinates on planted tokens
    /// at every split, every built-in rule compiled, and the fallback named when a rule is rejected.
    @Suite struct VectorscanEngineTests {
        static let token = "ghp_" + "Zq9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa"
        static let original = """
            // 😀 é \u{10437}
            const 😀a = "AKIAIOSFODNN7EXAMPLE"; const b = '\(token)';
            fetch("https://hooks.slack.com/services/T0000000/B0000000/XXXXXXXXXXXXXXXXXXXXXXXX")
            const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
            -----BEGIN OPENSSH PRIVATE KEY-----
            """

        static func hits(_ engine: any SecretMatchEngine, rules: [SecretRule], _ chunks: [ArraySlice<UInt8>]) -> [SecretHit] {
            let scanning = SecretScanning(rules: rules) { _ in engine }
            var tokenizer = SourceMapTokenizer(secrets: scanning)
            for chunk in chunks {
                chunk.withUnsafeBytes { tokenizer.consume($0) }
            }
            return tokenizer.finish()?.exposed.flatMap(\.secrets) ?? []
        }

        @Test func everyBuiltInRuleCompiles() throws {
            let engine = try VectorscanEngine(rules: BuiltinSecretRules.all, windowLength: SecretEntryScanner.maxMatchLength)
            #expect(engine.name == "vectorscan")
            #expect(SecretEngines.best(for: BuiltinSecretRules.all).fallback == nil)
        }

        @Test func sameHitsAsTheAnchorEngineAtEverySplit() throws {
            let rules = BuiltinSecretRules.enabled
            let vectorscan = try VectorscanEngine(rules: rules, windowLength: SecretEntryScanner.maxMatchLength)
            let anchors = AnchorMatchEngine(rules: rules)
            let input = Array(MapText.map(sources: ["src/a.ts"], contents: [Self.original]).utf8)
            let expected = Self.hits(anchors, rules: rules, [input[...]])
            #expect(
                expected.map(\.ruleID) == [
                    "aws-access-key-id", "github-classic-token", "slack-webhook", "json-web-token", "private-key",
                ])
            #expect(expected.map { "\($0.line):\($0.column)" } == ["2:14", "2:48", "3:8", "4:14", "5:1"])
            #expect(Self.hits(vectorscan, rules: rules, [input[...]]) == expected)
            #expect(SplitFeeder.firstMismatch(of: input) { Self.hits(vectorscan, rules: rules, $0) } == nil)
        }

        @Test func aRejectedRuleFallsBackAndSaysWhich() {
            let rules = BuiltinSecretRules.enabled + [SecretRule(id: "broken", pattern: "(unclosed", anchors: ["unclosed"])]
            let engine = SecretEngines.best(for: rules)
            #expect(engine.name == "swift-anchors")
            guard case .ruleRejected(let rule, _) = engine.fallback else {
                Issue.record("no fallback reason: \(String(describing: engine.fallback))")
                return
            }
            #expect(rule == "broken")
        }

        /// Found by FuzzSecretScan: a pattern ending in `\b` matches only once Vectorscan is told the entry has ended.
        @Test func tokenAtTheEndOfAnEntryIsReportedByBothEngines() throws {
            let rules = BuiltinSecretRules.enabled
            let vectorscan = try VectorscanEngine(rules: rules, windowLength: SecretEntryScanner.maxMatchLength)
            let input = Array(MapText.map(sources: ["a.ts", "b.ts"], contents: ["x = AKIAIOSFODNN7EXAMPLE", Self.token]).utf8)
            let expected = Self.hits(AnchorMatchEngine(rules: rules), rules: rules, [input[...]])
            #expect(expected.map(\.ruleID) == ["aws-access-key-id", "github-classic-token"])
            #expect(Self.hits(vectorscan, rules: rules, [input[...]]) == expected)
            #expect(SplitFeeder.firstMismatch(of: input) { Self.hits(vectorscan, rules: rules, $0) } == nil)
        }
    }
#endif
