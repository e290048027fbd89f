import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

@Suite struct PolicyFileTests {
    static func parse(_ text: String) throws(PolicyFile.Problem) -> Policy {
        try PolicyFile.parse(Data(text.utf8), path: "/repo/.leak-scan.json")
    }

    @Test func goodFileSetsThresholdsAndAllowlist() throws {
        let policy = try Self.parse(
            """
            {"version": 1, "fail": {"firstPartyLinesOver": 10, "thirdParty": true, "namesOnly": true},
             "allow": [{"path": "package/dist/vendor/*.map", "reason": "vendored"}, {"fingerprint": "ab", "reason": "reviewed"}]}
            """)
        #expect(policy.maxFirstPartyLines == 10)
        #expect(policy.failOnThirdParty)
        #expect(policy.failOnNamesOnly)
        #expect(
            policy.allow == [
                Policy.AllowEntry(pathGlob: "package/dist/vendor/*.map", reason: "vendored"),
                Policy.AllowEntry(fingerprint: "ab", reason: "reviewed"),
            ])
    }

    @Test func secretsTermsAndAllowByRule() throws {
        let policy = try Self.parse(
            """
            {"version": 1, "terms": ["Capybara", "build.internal.example"],
             "secrets": {"levels": {"json-web-token": "warning", "sensitive-term-exposed": "note"},
                         "enable": ["generic-password-assignment"]},
             "allow": [{"rule": "url-credentials", "path": "src/fixtures/*", "reason": "test fixtures"}]}
            """)
        #expect(policy.terms == ["Capybara", "build.internal.example"])
        #expect(policy.secretLevels == ["json-web-token": .warning, "sensitive-term-exposed": .note])
        #expect(policy.enabledSecretRules == ["generic-password-assignment"])
        #expect(policy.allow == [Policy.AllowEntry(pathGlob: "src/fixtures/*", rule: "url-credentials", reason: "test fixtures")])
    }

    /// A level for an id that is not built in may name a rule of the gitleaks file, read later: the policy keeps the
    /// error to report (at the key's line and column) if no such rule turns up.
    @Test func levelOfAnotherRuleWaitsForTheGitleaksRules() throws {
        let policy = try Self.parse(#"{"version": 1, "secrets": {"levels": {"team-token": "note", "json-web-token": "error"}}}"#)
        #expect(policy.secretLevels == ["team-token": .note, "json-web-token": .error])
        #expect(
            policy.secretLevelsOfOtherRules == [
                "team-token":
                    #"/repo/.leak-scan.json:1:39: unknown secret rule "team-token" in "secrets.levels" (neither built in nor in the gitleaks config)"#
            ])
    }

    @Test func gitleaksConfigIsResolvedAgainstThePolicyFolder() throws {
        let relative = try Self.parse(#"{"version": 1, "secrets": {"gitleaksConfig": "ci/.gitleaks.toml"}}"#)
        #expect(relative.gitleaksConfig == "/repo/ci/.gitleaks.toml")
        let absolute = try Self.parse(#"{"version": 1, "secrets": {"gitleaksConfig": "/etc/team.toml"}}"#)
        #expect(absolute.gitleaksConfig == "/etc/team.toml")
    }

    @Test(arguments: [
        (
            #"{"version": 1, "secrets": {"gitleaksConfig": 3}}"#,
            #"/repo/.leak-scan.json:1:46: "secrets.gitleaksConfig" must be a file path"#
        ),
        (
            #"{"version": 1, "secrets": {"levels": {"github-classic-token": "fatal"}}}"#,
            #"/repo/.leak-scan.json:1:63: "secrets.levels.github-classic-token" must be "error", "warning" or "note""#
        ),
        (
            #"{"version": 1, "terms": ["ok", ""]}"#,
            #"/repo/.leak-scan.json:1:32: "terms" must be a list of non-empty strings"#
        ),
        (
            #"{"version": 1, "fial": {}}"#,
            #"/repo/.leak-scan.json:1:16: unknown key "fial" in the top level (expected one of: allow, fail, secrets, terms, version)"#
        ),
        (
            #"{"version": 1, "fail": {"firstPartyLines": 3}}"#,
            #"/repo/.leak-scan.json:1:25: unknown key "firstPartyLines" in "fail" (expected one of: firstPartyLinesOver, namesOnly, thirdParty)"#
        ),
        (
            #"{"version": 1, "allow": [{"path": "*.map", "reason": "x", "expires": "2027"}]}"#,
            #"/repo/.leak-scan.json:1:59: unknown key "expires" in "allow[0]" (expected one of: fingerprint, path, reason, rule)"#
        ),
        (
            #"{"version": 1, "allow": [{"path": "*.map"}]}"#,
            #"/repo/.leak-scan.json:1:26: "allow[0]" needs a "reason" saying why the exposure is accepted"#
        ),
        (
            #"{"version": 1, "allow": [{"reason": "because"}]}"#,
            #"/repo/.leak-scan.json:1:26: "allow[0]" needs a "path" glob, a "fingerprint" or a "rule""#
        ),
        (
            #"{"version": 2}"#,
            #"/repo/.leak-scan.json:1:13: "version" must be 1 (the only policy version this leak-scan reads)"#
        ),
        (
            #"{"version": 1, "fail": {"thirdParty": "yes"}}"#,
            #"/repo/.leak-scan.json:1:39: "fail.thirdParty" must be true or false"#
        ),
        ("version: 1", "/repo/.leak-scan.json:1:1: expected a value"),
        (
            "{\n  \"version\": 1,\n  // allow nothing yet\n  \"allow\": [\n    {\"path\": \"*.map\",},\n  ],\n}",
            "/repo/.leak-scan.json:5:5: \"allow[0]\" needs a \"reason\" saying why the exposure is accepted"
        ),
        ("{\"version\": 1 /* unterminated", "/repo/.leak-scan.json:1:15: unterminated comment"),
    ])
    func badFileNamesTheKeyAndTheFile(text: String, message: String) {
        #expect(throws: PolicyFile.Problem.self) { try Self.parse(text) }
        do {
            _ = try Self.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    static let report = ArtifactScannerTests.scan("pkg.tgz", TestSupportFixtures.leakyTarball)

    @Test func thresholdAndAllowlistDecideTheVerdictAndSuppressedFindingsStayVisible() throws {
        #expect(ArtifactAssessment(Self.report).verdict == .leak)
        var lenient = Policy()
        lenient.maxFirstPartyLines = 2
        #expect(ArtifactAssessment(Self.report, policy: lenient).verdict == .warn)
        var allowing = Policy()
        allowing.allow = [Policy.AllowEntry(pathGlob: "package/dist/*.map", reason: "published on purpose")]
        let allowed = ArtifactAssessment(Self.report, policy: allowing)
        #expect(allowed.verdict == .clean)
        #expect(allowed.findings.map(\.suppression) == [.allowed(reason: "published on purpose")])
    }
}

/// Small artifacts shared by the policy and baseline tests.
enum TestSupportFixtures {
    static let leakyTarball = ArchiveBuilder.build(
        .tar, filter: .gzip,
        [
            .text("package/dist/app.js", "x()\n//# sourceMappingURL=app.js.map\n"),
            .text("package/dist/app.js.map", ArtifactScannerTests.leakingMap),
        ])
}
