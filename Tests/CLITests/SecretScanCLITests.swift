import Foundation
import TestSupport
import Testing

/// The built binary on a leaking npm package with a planted token: the token at its original file:line:column,
/// redacted unless `--show-secrets`, exit 1; `--no-secrets` drops the secret lines; terms from `--terms` and from
/// the policy; a policy allowlist by rule suppresses the secret.
@Suite struct SecretScanCLITests {
    static let token = "ghp_" + "Zq9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa"
    static let original = "// 😀 settings\nexport const token = '\(token)';\nconst name = 'Capybara';\n"

    /// A package whose map exposes `original` (its token is on line 2, UTF-16 column 23).
    static func package(in directory: TemporaryDirectory, policy: String? = nil) -> String {
        let map = MapText.map(sources: ["../src/settings.ts"], contents: [Self.original])
        let tarball = ArchiveBuilder.build(
            .tar, filter: .gzip,
            [
                .file("package/package.json", Array(#"{"name":"planted","version":"1.0.0"}"#.utf8)),
                .file("package/dist/cli.js.map", Array(map.utf8)),
            ])
        if let policy { _ = directory.write(".leak-scan.json", Array(policy.utf8)) }
        return directory.write("planted-1.0.0.tgz", tarball)
    }

    @Test func plantedTokenAtItsOriginalPositionRedactedExitOne() throws {
        let directory = TemporaryDirectory()
        let artifact = Self.package(in: directory)
        let result = try CLIRunner.run([artifact], in: directory.path)
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                #"  error   package/dist/cli.js.map → src/settings.ts:2:23 exposes github-classic-token ghp_…(40 chars) (unverified)"#
            ))
        #expect(!result.stdout.contains(Self.token))
        #expect(result.stdout.contains("  fix github-classic-token: Revoke the token in GitHub"))
        let shown = try CLIRunner.run([artifact, "--show-secrets"], in: directory.path)
        #expect(shown.stdout.contains("src/settings.ts:2:23 exposes github-classic-token \(Self.token) (unverified)"))
        let off = try CLIRunner.run([artifact, "--no-secrets"], in: directory.path)
        #expect(off.status == 1)
        #expect(!off.stdout.contains("github-classic-token"))
    }

    @Test func jsonAndSARIFCarryTheOriginalPosition() throws {
        let directory = TemporaryDirectory()
        let artifact = Self.package(in: directory)
        let json = try CLIRunner.run([artifact, "-f", "json"], in: directory.path)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = ((report["artifacts"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]]) ?? []
        let secret = try #require(findings.first { $0["rule"] as? String == "secret-exposed" })
        let fields = try #require(secret["secret"] as? [String: Any])
        #expect(fields["rule"] as? String == "github-classic-token")
        #expect(fields["source"] as? String == "src/settings.ts")
        #expect(fields["line"] as? Int == 2)
        #expect(fields["column"] as? Int == 23)
        #expect(fields["excerpt"] as? String == "ghp_…(40 chars)")
        let sarif = try CLIRunner.run([artifact, "-f", "sarif"], in: directory.path)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
        let result = try #require(
            (run["results"] as? [[String: Any]])?.first { $0["ruleId"] as? String == "secret-exposed" })
        let physical = try #require(
            ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "src/settings.ts")
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 2)
        #expect((physical["region"] as? [String: Any])?["startColumn"] as? Int == 23)
    }

    @Test func termsFromTheFlagAndThePolicy() throws {
        let directory = TemporaryDirectory()
        let artifact = Self.package(in: directory)
        let terms = directory.write("terms.txt", Array("# codenames\nCapybara\n".utf8))
        let flagged = try CLIRunner.run([artifact, "--terms", terms], in: directory.path)
        #expect(flagged.stdout.contains("package/dist/cli.js.map → src/settings.ts:3:15 exposes sensitive term Capybara"))
        let policyDirectory = TemporaryDirectory()
        let policy = #"{"version": 1, "terms": ["capybara"]}"#
        let withPolicy = try CLIRunner.run([Self.package(in: policyDirectory, policy: policy)], in: policyDirectory.path)
        #expect(withPolicy.stdout.contains("src/settings.ts:3:15 exposes sensitive term Capybara"))
    }

    @Test func policyAllowsBySecretRuleAndSetsLevels() throws {
        let directory = TemporaryDirectory()
        let policy = #"""
            {"version": 1, "fail": {"firstPartyLinesOver": 100},
             "allow": [{"rule": "github-classic-token", "reason": "test token, revoked"}]}
            """#
        let allowed = try CLIRunner.run([Self.package(in: directory, policy: policy)], in: directory.path)
        #expect(allowed.status == 0)
        #expect(allowed.stdout.contains("suppressed"))
        let other = TemporaryDirectory()
        let warn = #"{"version": 1, "fail": {"firstPartyLinesOver": 100}, "secrets": {"levels": {"secret-exposed": "warning"}}}"#
        let warned = try CLIRunner.run([Self.package(in: other, policy: warn)], in: other.path)
        #expect(warned.status == 0)
        #expect(warned.stdout.contains("  warning package/dist/cli.js.map → src/settings.ts:2:23"))
        let bad = TemporaryDirectory()
        let unknown = #"{"version": 1, "secrets": {"enable": ["no-such-rule"]}}"#
        let refused = try CLIRunner.run([Self.package(in: bad, policy: unknown)], in: bad.path)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains(#"unknown secret rule "no-such-rule""#))
    }

    @Test func baselineCoversTheSameSecretButNotANewOne() throws {
        let directory = TemporaryDirectory()
        let artifact = Self.package(in: directory)
        let report = directory.path + "/baseline.json"
        _ = try CLIRunner.run([artifact, "-f", "json", "-o", report], in: directory.path)
        let again = try CLIRunner.run([artifact, "--baseline", report], in: directory.path)
        #expect(again.status == 0)
        let next = TemporaryDirectory()
        let rotated = Self.original.replacingOccurrences(of: "Zq9X", with: "Yp8W")
        let map = MapText.map(sources: ["../src/settings.ts"], contents: [rotated])
        let tarball = ArchiveBuilder.build(
            .tar, filter: .gzip,
            [
                .file("package/package.json", Array(#"{"name":"planted","version":"1.0.1"}"#.utf8)),
                .file("package/dist/cli.js.map", Array(map.utf8)),
            ])
        let newer = try CLIRunner.run([next.write("planted-1.0.1.tgz", tarball), "--baseline", report], in: next.path)
        #expect(newer.status == 1)
        #expect(newer.stdout.contains("src/settings.ts:2:23 exposes github-classic-token ghp_…(40 chars)"))
    }

    @Test func secretReportsValidateAgainstTheirSchemas() throws {
        let directory = TemporaryDirectory()
        let artifact = Self.package(in: directory)
        let terms = directory.write("terms.txt", Array("Capybara\n".utf8))
        let json = try CLIRunner.run([artifact, "-f", "json", "--terms", terms], in: directory.path)
        #expect(json.stdout.contains("\"secret\" : {"))
        let jsonCheck = try ReportFormatTests.validate(json.stdout, against: "Docs/report.schema.json")
        #expect(jsonCheck.status == 0, "\(jsonCheck.stdout)\(jsonCheck.stderr)")
        let sarif = try CLIRunner.run([artifact, "-f", "sarif", "--terms", terms], in: directory.path)
        let sarifCheck = try ReportFormatTests.validate(
            sarif.stdout, against: CLIRunner.packageRoot + "/../shared/schemas/sarif-schema-2.1.0.json")
        #expect(sarifCheck.status == 0, "\(sarifCheck.stdout)\(sarifCheck.stderr)")
    }
}
