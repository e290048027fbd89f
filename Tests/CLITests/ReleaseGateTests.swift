import Foundation
import TestSupport
import Testing

/// The release paths driven with the real tools: npm pack, git hooks, npm's prepublishOnly, the pre-commit framework,
/// the GitHub Action's scan step, batch lists and the progress line.
@Suite(.serialized) struct ReleaseGateTests {
    static let map = MapText.map(sources: ["src/index.ts", "src/secret.ts"], contents: ["export {}\n", "a\nb\nc\n"])

    /// A package folder with `dist/index.js` and its map; `files` decides whether the map ships.
    static func package(
        in directory: TemporaryDirectory, name: String = "gate-demo", shipsMap: Bool, scripts: String = "{}"
    ) -> String {
        let files = shipsMap ? #"["dist"]"# : #"["dist/*.js"]"#
        _ = directory.write(
            "\(name)/package.json", Array(#"{"name":"\#(name)","version":"1.0.0","files":\#(files),"scripts":\#(scripts)}"#.utf8))
        _ = directory.write("\(name)/dist/index.js", Array("export {};\n//# sourceMappingURL=index.js.map\n".utf8))
        _ = directory.write("\(name)/dist/index.js.map", Array(map.utf8))
        return directory.path + "/" + name
    }

    static let gitIdentity = [
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
    ]

    static func git(_ arguments: [String], in directory: String) throws -> CLIRunner.Result {
        try CLIRunner.runTool("/usr/bin/env", ["git"] + arguments, in: directory, environment: gitIdentity)
    }

    @Test func packScansExactlyWhatNpmPackShips() throws {
        let directory = TemporaryDirectory()
        let leaky = try CLIRunner.run(["pack", Self.package(in: directory, name: "leaky", shipsMap: true)])
        #expect(leaky.status == 1)
        #expect(
            leaky.stdout.hasPrefix(
                "LEAK        \(directory.path)/leaky (npm pack: leaky-1.0.0.tgz)  1 source map exposes 2 files / 4 lines"))
        let trimmed = try CLIRunner.run(["pack", "--quiet", Self.package(in: directory, name: "trimmed", shipsMap: false)])
        #expect(trimmed.status == 0)
        #expect(
            trimmed.stdout.hasPrefix(
                "WARN        \(directory.path)/trimmed (npm pack: trimmed-1.0.0.tgz)  1 dangling sourceMappingURL reference"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path + "/trimmed").sorted() == ["dist", "package.json"])
    }

    @Test func failingNpmPackIsAnErrorNeverAPass() throws {
        let directory = TemporaryDirectory()
        _ = directory.write("broken/package.json", Array("{ not json".utf8))
        let result = try CLIRunner.run(["pack", directory.path + "/broken"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("leak-scan: error: \(directory.path)/broken: npm pack failed (exit "))
    }

    @Test func prePushHookBlocksALeakingPackageAndAllowsItOnceFixed() throws {
        let directory = TemporaryDirectory()
        _ = try Self.git(["init", "-q", "--bare", "remote.git"], in: directory.path)
        let work = Self.package(in: directory, name: "work", shipsMap: true)
        _ = try Self.git(["init", "-q", "-b", "main"], in: work)
        _ = try Self.git(["remote", "add", "origin", directory.path + "/remote.git"], in: work)
        let install = try CLIRunner.run(["install-hook", "--executable", CLIRunner.binary], in: work)
        #expect(install.status == 0)
        #expect(install.stdout.hasPrefix("installed .git/hooks/pre-push"))
        _ = try Self.git(["add", "."], in: work)
        _ = try Self.git(["commit", "-q", "-m", "release"], in: work)
        let blocked = try Self.git(["push", "-q", "origin", "main"], in: work)
        #expect(blocked.status != 0)
        #expect(blocked.stdout.contains("LEAK        . (npm pack: work-1.0.0.tgz)"))
        #expect(blocked.stderr.contains("leak-scan: push blocked"))
        #expect(blocked.stderr.contains("git push --no-verify"))
        _ = try Self.git(["rm", "-q", "dist/index.js.map"], in: work)
        _ = try Self.git(["commit", "-q", "-m", "drop the map"], in: work)
        let allowed = try Self.git(["push", "-q", "origin", "main"], in: work)
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    @Test func prepublishOnlyStopsNpmPublishOnALeak() throws {
        let directory = TemporaryDirectory()
        let scripts = #"{"prepublishOnly":"'\#(CLIRunner.binary)' pack --quiet ."}"#
        let leaky = Self.package(in: directory, name: "publish-leaky", shipsMap: true, scripts: scripts)
        let stopped = try CLIRunner.runTool("/usr/bin/env", ["npm", "publish", "--dry-run"], in: leaky)
        #expect(stopped.status != 0)
        #expect(stopped.stdout.contains("LEAK        . (npm pack: publish-leaky-1.0.0.tgz)"))
        let clean = Self.package(in: directory, name: "publish-clean", shipsMap: false, scripts: scripts)
        try FileManager.default.removeItem(atPath: clean + "/dist/index.js.map")
        try Data("export {};\n".utf8).write(to: URL(fileURLWithPath: clean + "/dist/index.js"))
        let published = try CLIRunner.runTool("/usr/bin/env", ["npm", "publish", "--dry-run"], in: clean)
        #expect(published.status == 0, "\(published.stderr)")
    }

    @Test func preCommitFrameworkRunsTheHookFromThisRepository() throws {
        let directory = TemporaryDirectory()
        let work = Self.package(in: directory, name: "precommit", shipsMap: true)
        _ = try Self.git(["init", "-q", "-b", "main"], in: work)
        _ = try Self.git(["add", "."], in: work)
        let binaryDirectory = URL(fileURLWithPath: CLIRunner.binary).deletingLastPathComponent().path
        let path = binaryDirectory + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let environment = Self.gitIdentity.merging(["PATH": path, "PRE_COMMIT_HOME": directory.path + "/cache"]) { $1 }
        let result = try CLIRunner.runTool(
            "/usr/bin/env", ["pre-commit", "try-repo", CLIRunner.packageRoot, "leak-scan", "--all-files"], in: work,
            environment: environment)
        #expect(result.status == 1)
        #expect(result.stdout.contains("leak-scan (npm pack, then scan for source leaking through source maps)"))
        #expect(result.stdout.contains("LEAK        . (npm pack: precommit-1.0.0.tgz)"))
    }

    @Test func actionScanStepWritesSARIFAnnotationsAndTheSummary() throws {
        let directory = TemporaryDirectory()
        let environment = [
            "INPUT_PATHS":
                "\(CLIRunner.packageRoot)/SampleArtifacts/leaky-cli-1.0.0.tgz \(CLIRunner.packageRoot)/SampleArtifacts/clean-lib-3.1.0.tgz",
            "INPUT_SARIF": directory.path + "/out.sarif", "LEAK_SCAN": CLIRunner.binary,
            "GITHUB_STEP_SUMMARY": directory.path + "/summary.md",
        ]
        let result = try CLIRunner.runTool("/bin/bash", ["Scripts/action-scan.sh"], environment: environment)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("::error file="))
        #expect(FileManager.default.fileExists(atPath: directory.path + "/out.sarif"))
        #expect(try String(contentsOfFile: directory.path + "/summary.md", encoding: .utf8).hasPrefix("### leak-scan: LEAK"))
    }

    @Test func filesFromListsArtifactsInOrderFromAFileOrStandardInput() throws {
        let list = "# release candidates\nSampleArtifacts/clean-lib-3.1.0.tgz\n\nSampleArtifacts/names-only-2.0.0.tgz\n"
        let directory = TemporaryDirectory()
        let listPath = directory.write("list.txt", Array(list.utf8))
        let expected = """
            CLEAN       SampleArtifacts/clean-lib-3.1.0.tgz  no source maps exposing source (2 files, 1.2 KiB scanned)
            WARN        SampleArtifacts/names-only-2.0.0.tgz  1 source map without sourcesContent (names only)

            """
        let fromFile = try CLIRunner.run(["--quiet", "--jobs", "2", "--files-from", listPath])
        #expect(fromFile.stdout == expected)
        let fromStdin = try CLIRunner.run(["--quiet", "--files-from", "-"], stdin: Data(list.utf8))
        #expect(fromStdin.stdout == expected)
        #expect(fromStdin.status == 0)
    }

    @Test func progressLineAppearsOnlyOnATerminal() throws {
        let command = "'\(CLIRunner.binary)' SampleArtifacts/leaky-cli-1.0.0.tgz >/dev/null"
        let onTerminal = try CLIRunner.runTool("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(onTerminal.stdout.contains("leak-scan: 0.0 MiB read  SampleArtifacts/leaky-cli-1.0.0.tgz!package/"))
        let quiet = try CLIRunner.runTool(
            "/usr/bin/script", ["-qec", command.replacingOccurrences(of: " Sample", with: " --quiet Sample"), "/dev/null"])
        #expect(!quiet.stdout.contains("MiB read"))
        let piped = try CLIRunner.run(["SampleArtifacts/leaky-cli-1.0.0.tgz"])
        #expect(piped.stderr.isEmpty)
    }
}
