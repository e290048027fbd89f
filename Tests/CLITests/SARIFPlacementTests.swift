import Foundation
import TestSupport
import Testing

/// SARIF results point at files of the repository, as GitHub code scanning needs, and the rules carry what it reads.
@Suite struct SARIFPlacementTests {
    static func sarif(_ arguments: [String], in directory: String = CLIRunner.packageRoot) throws -> [String: Any] {
        let result = try CLIRunner.run(["--format", "sarif"] + arguments, in: directory)
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func run(_ log: [String: Any]) -> [String: Any] {
        (log["runs"] as? [[String: Any]])?.first ?? [:]
    }

    static func physical(_ result: [String: Any]) -> [String: Any] {
        ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]) ?? [:]
    }

    static func uri(_ result: [String: Any]) -> String? {
        (physical(result)["artifactLocation"] as? [String: Any])?["uri"] as? String
    }

    @Test func archiveGivenByPathIsTheFileAndTheMemberIsALogicalLocation() throws {
        let results = try #require(
            Self.run(try Self.sarif(["SampleArtifacts/leaky-cli-1.0.0.tgz"]))["results"] as? [[String: Any]])
        let map = try #require(results.first { $0["ruleId"] as? String == "first-party-source-exposed" })
        #expect(Self.uri(map) == "SampleArtifacts/leaky-cli-1.0.0.tgz")
        let logical = (map["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]]
        #expect(logical?.first?["fullyQualifiedName"] as? String == "SampleArtifacts/leaky-cli-1.0.0.tgz!package/dist/cli.js.map")
        #expect(
            (map["message"] as? [String: Any])?["text"] as? String
                == "package/dist/cli.js.map exposes 5 files / 45 lines of original source (first-party: 4 files / 40 lines) "
                + "(in SampleArtifacts/leaky-cli-1.0.0.tgz!package/dist/cli.js.map)")
    }

    @Test func folderScanPointsAtTheMapItselfPercentEncoded() throws {
        let directory = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory.path + "/dist/my maps", withIntermediateDirectories: true)
        _ = directory.write("dist/my maps/a#1.js.map", Array(MapText.map(sources: ["src/a.ts"], contents: ["x\n"]).utf8))
        let results = try #require(Self.run(try Self.sarif(["dist"], in: directory.path))["results"] as? [[String: Any]])
        #expect(results.map(Self.uri) == ["dist/my%20maps/a%231.js.map"])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/npm"), "needs npm"))
    func packedPackagePointsAtItsManifestLineOne() throws {
        let directory = TemporaryDirectory()
        _ = directory.write("pkg/package.json", Array(#"{"name":"pkg","version":"1.2.3","files":["dist"]}"#.utf8))
        _ = directory.write("pkg/dist/a.js.map", Array(MapText.map(sources: ["src/a.ts"], contents: ["x\n"]).utf8))
        let result = try CLIRunner.run(["pack", "--format", "sarif", "pkg"], in: directory.path)
        #expect(result.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = try #require(Self.run(log)["results"] as? [[String: Any]])
        #expect(results.map(Self.uri) == ["pkg/package.json"])
        #expect((Self.physical(results[0])["region"] as? [String: Any])?["startLine"] as? Int == 1)
    }

    @Test func rulesCarrySeverityTagsHelpAndAnchorsThatExist() throws {
        let driver =
            (Self.run(try Self.sarif(["SampleArtifacts/clean-lib-3.1.0.tgz"]))["tool"] as? [String: Any])?["driver"]
            as? [String: Any]
        let rules = try #require(driver?["rules"] as? [[String: Any]])
        let document = try String(contentsOfFile: CLIRunner.packageRoot + "/Docs/rules.md", encoding: .utf8)
        #expect(rules.count == 8)
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            let properties = try #require(rule["properties"] as? [String: Any])
            #expect(Double(properties["security-severity"] as? String ?? "") != nil)
            #expect((properties["tags"] as? [String])?.contains("security") == true)
            #expect(((rule["help"] as? [String: Any])?["markdown"] as? String)?.contains("**Fix:**") == true)
            let anchor = try #require((rule["helpUri"] as? String)?.split(separator: "#").last.map(String.init))
            #expect(anchor == id)
            #expect(document.contains("\n## \(id)\n"), "Docs/rules.md has no section for \(id)")
        }
    }

    @Test func incompleteScanIsAnUnsuccessfulInvocationWithNotifications() throws {
        let log = try Self.sarif(["SampleArtifacts/clean-lib-3.1.0.tgz", "/nonexistent/x.tgz"])
        let invocation = try #require((Self.run(log)["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(
            notifications.map { ($0["message"] as? [String: Any])?["text"] as? String } == [
                "cannot open: no such file or directory"
            ])
        #expect((Self.run(log)["automationDetails"] as? [String: Any])?["id"] as? String == "leak-scan/")
        let clean = try #require(
            (Self.run(try Self.sarif(["SampleArtifacts/clean-lib-3.1.0.tgz"]))["invocations"] as? [[String: Any]])?.first)
        #expect(clean["executionSuccessful"] as? Bool == true)
    }
}
