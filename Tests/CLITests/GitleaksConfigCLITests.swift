import Foundation
import TestSupport
import Testing

/// The built binary with a team's `.gitleaks.toml` (`--gitleaks-config`, or the policy's `secrets.gitleaksConfig`):
/// the file's rule reports at the original file:line:column, `gitleaks:allow` and `disabledRules` suppress, and a
/// regex the engines cannot run is one error line naming the rule, exit 2.
@Suite struct GitleaksConfigCLITests {
    static let teamToken = "tt_" + "Zx8Cv7Bn6Mm5Aa4Ss3Dd"
    static let original = """
        // 😀 settings
        export const token = '\(teamToken)';
        const again = 'tt_Qw9Er8Ty7Ui6Op5As4Df'; // gitleaks:allow
        const key = "AKIAIOSFODNN7EXAMPLE";

        """
    static let rules = #"""
        [extend]
        disabledRules = ["aws-access-key-id"]

        [[rules]]
        id = "team-token"
        regex = '''\btt_[A-Za-z0-9]{20}\b'''
        entropy = 3.0
        """#

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

    @Test func theFileRuleReportsAndAllowCommentsAndDisabledRulesSuppress() throws {
        let directory = TemporaryDirectory()
        let artifact = Self.package(in: directory)
        let config = directory.write("team.gitleaks.toml", Array(Self.rules.utf8))
        let result = try CLIRunner.run([artifact, "--gitleaks-config", config], in: directory.path)
        #expect(result.status == 1, "\(result.stderr)")
        let secretLines = result.stdout.split(separator: "\n").filter { $0.contains(" exposes ") && $0.hasPrefix("  ") }
        #expect(
            secretLines == [
                #"  error   package/dist/cli.js.map → src/settings.ts:2:23 exposes team-token tt_Z…(23 chars) (unverified)"#
            ])
        let without = try CLIRunner.run([artifact], in: directory.path)
        #expect(without.stdout.contains("src/settings.ts:4:14 exposes aws-access-key-id"))
        #expect(!without.stdout.contains("team-token"))
    }

    @Test func thePolicyNamesTheFileRelativeToItself() throws {
        let directory = TemporaryDirectory()
        _ = directory.write("team.gitleaks.toml", Array(Self.rules.utf8))
        let artifact = Self.package(
            in: directory, policy: #"{"version": 1, "secrets": {"gitleaksConfig": "team.gitleaks.toml"}}"#)
        let result = try CLIRunner.run([artifact], in: directory.path)
        #expect(result.stdout.contains("src/settings.ts:2:23 exposes team-token tt_Z…(23 chars) (unverified)"))
        #expect(!result.stdout.contains("aws-access-key-id"))
    }

    /// The policy sets the level of a gitleaks rule by its id; an id that is neither built in nor in the gitleaks file
    /// is a usage error naming the policy's line and column.
    @Test func thePolicySetsTheLevelOfAFileRule() throws {
        let directory = TemporaryDirectory()
        _ = directory.write("team.gitleaks.toml", Array(Self.rules.utf8))
        let artifact = Self.package(
            in: directory,
            policy: #"""
                {"version": 1, "fail": {"firstPartyLinesOver": 100},
                 "secrets": {"gitleaksConfig": "team.gitleaks.toml", "levels": {"team-token": "warning"}}}
                """#)
        let result = try CLIRunner.run([artifact], in: directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  warning package/dist/cli.js.map → src/settings.ts:2:23 exposes team-token"))
        let other = TemporaryDirectory()
        let misspelt = Self.package(
            in: other, policy: #"{"version": 1, "secrets": {"levels": {"team-tokn": "warning"}}}"#)
        let config = other.write("team.gitleaks.toml", Array(Self.rules.utf8))
        let refused = try CLIRunner.run([misspelt, "--gitleaks-config", config], in: other.path)
        #expect(refused.status == 64)
        #expect(
            refused.stderr
                == "leak-scan: error: \(other.path)/.leak-scan.json:1:39: unknown secret rule \"team-tokn\" in \"secrets.levels\" (neither built in nor in the gitleaks config)\n"
        )
        // The same policy is refused with the secret scan off: a typo must not wait for the day it runs.
        let refusedWithoutSecrets = try CLIRunner.run([misspelt, "--gitleaks-config", config, "--no-secrets"], in: other.path)
        #expect(refusedWithoutSecrets.status == 64)
        #expect(refusedWithoutSecrets.stderr == refused.stderr)
        let accepted = try CLIRunner.run([artifact, "--no-secrets"], in: directory.path)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(!accepted.stdout.contains("team-token"))
    }

    /// A package whose map embeds `src/key.ts`: a PEM private key block of `bodyBytes` base64 characters (64 a line) on
    /// its second line, and a gitleaks file with a rule in the style of gitleaks' own `private-key`.
    static func privateKeyPackage(in directory: TemporaryDirectory, bodyBytes: Int) -> (artifact: String, config: String) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let body = (0..<bodyBytes).map { alphabet[($0 * 37 + $0 / 7) % 64] }
        let lines = stride(from: 0, to: body.count, by: 64).map {
            String(decoding: body[$0..<min($0 + 64, body.count)], as: UTF8.self)
        }
        let key = "-----BEGIN RSA PRIVATE KEY-----\n" + lines.joined(separator: "\n") + "\n-----END RSA PRIVATE KEY-----\n"
        let map = MapText.map(sources: ["../src/key.ts"], contents: ["// deploy key\nexport const key = `" + key + "`;\n"])
        let tarball = ArchiveBuilder.build(.tar, filter: .gzip, [.file("package/dist/cli.js.map", Array(map.utf8))])
        let rule = #"""
            [[rules]]
            id = "whole-private-key"
            regex = '''(?i)-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S-]{64,}?KEY(?: BLOCK)?-----'''
            """#
        return (directory.write("key-1.0.0.tgz", tarball), directory.write("keys.gitleaks.toml", Array(rule.utf8)))
    }

    /// A file rule may match more than the built-in rules' 1 KiB: gitleaks' own private-key rule spans the whole PEM
    /// block (31 + 1 + 1,600 + 24 + 1 + 29 = 1,686 bytes up to `KEY-----`), reported where the block begins.
    @Test func aFileRuleMatchesAWholePrivateKeyBlock() throws {
        let directory = TemporaryDirectory()
        let (artifact, config) = Self.privateKeyPackage(in: directory, bodyBytes: 1_600)
        let result = try CLIRunner.run([artifact, "--gitleaks-config", config], in: directory.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(
            result.stdout.contains("package/dist/cli.js.map → src/key.ts:2:21 exposes whole-private-key ----…(1,686 chars)"),
            "\(result.stdout)")
    }

    #if Vectorscan
        /// A match longer than a file rule's 8 KiB reach is seen by Vectorscan but cannot be confirmed: the scan says so and
        /// is incomplete instead of passing the key silently (the built-in `private-key` rule still reports the header, so
        /// the exit is the leak's 1). The pure-Swift engine's reports are candidates around anchors, not whole matches,
        /// so it cannot tell; this runs where Vectorscan does.
        @Test func aMatchLongerThanTheReachIsIncomplete() throws {
            let directory = TemporaryDirectory()
            let (artifact, config) = Self.privateKeyPackage(in: directory, bodyBytes: 12_000)
            let result = try CLIRunner.run([artifact, "--gitleaks-config", config], in: directory.path)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(!result.stdout.contains("exposes whole-private-key"))
            #expect(result.stdout.contains("1 secret in them; scan incomplete (1 problem)"), "\(result.stdout)")
            #expect(
                result.stdout.contains(
                    "  incomplete \(artifact)!package/dist/cli.js.map: a secret rule matched more than 8,192 bytes of an embedded source; that match was not confirmed or reported\n"
                ), "\(result.stdout)")
        }

        /// A rule without an upper bound (`{16,}`) on a 20,000-character token: Vectorscan reports an end at every
        /// character, most past the reach, but the match they continue was found at the token's start, so the token is
        /// reported and the scan complete.
        @Test func aLongMatchWhoseStartWasFoundIsReportedAndComplete() throws {
            let directory = TemporaryDirectory()
            let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
            let token = "lt_" + String((0..<20_000).map { alphabet[$0 * 7 % 32] })
            let map = MapText.map(sources: ["../src/token.ts"], contents: ["export const token = \"\(token)\";\n"])
            let tarball = ArchiveBuilder.build(.tar, filter: .gzip, [.file("package/dist/cli.js.map", Array(map.utf8))])
            let artifact = directory.write("token-1.0.0.tgz", tarball)
            let rule = "[[rules]]\nid = \"long-token\"\nregex = '''lt_[a-z0-9]{16,}'''\n"
            let config = directory.write("long.gitleaks.toml", Array(rule.utf8))
            let result = try CLIRunner.run([artifact, "--gitleaks-config", config], in: directory.path)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stdout.contains("src/token.ts:1:23 exposes long-token"), "\(result.stdout)")
            #expect(!result.stdout.contains("incomplete"), "\(result.stdout)")
        }
    #endif

    @Test func aRegexTheEnginesCannotRunIsOneLineExitTwo() throws {
        let directory = TemporaryDirectory()
        let artifact = Self.package(in: directory)
        let config = directory.write("bad.toml", Array("[[rules]]\nid = \"byte-rule\"\nregex = '''ab\\Ccd'''\n".utf8))
        let result = try CLIRunner.run([artifact, "--gitleaks-config", config], in: directory.path)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "leak-scan: error: gitleaks config \(config): rule byte-rule: regex: not supported here: '\\C' is not currently supported\n"
        )
        let useDefault = directory.write("default.toml", Array("[extend]\nuseDefault = true\n".utf8))
        let refused = try CLIRunner.run([artifact, "--gitleaks-config", useDefault], in: directory.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("leak-scan: error: gitleaks config \(useDefault): [extend] useDefault = true"))
    }
}
