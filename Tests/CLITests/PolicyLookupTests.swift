import Foundation
import TestSupport
import Testing

/// The policy next to the package decides, wherever leak-scan runs from: the pre-push hook (repository root) and
/// `prepublishOnly` (the package folder) agree.
@Suite(
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/npm")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs npm and git"))
struct PolicyLookupTests {
    /// A two-package monorepo: `packages/app` accepts its map in `.leak-scan.json`, `packages/lib` in its package.json.
    static func monorepo() throws -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        let map = Array(MapText.map(sources: ["src/a.ts"], contents: ["a\nb\n"]).utf8)
        _ = directory.write("packages/app/package.json", Array(#"{"name":"app","version":"1.0.0","files":["dist"]}"#.utf8))
        _ = directory.write("packages/app/dist/a.js.map", map)
        _ = directory.write(
            "packages/app/.leak-scan.json",
            Array(
                """
                {
                  // the app ships its maps on purpose
                  "version": 1,
                  "allow": [{"path": "package/dist/*.map", "reason": "public by design"},],
                }
                """.utf8))
        _ = directory.write(
            "packages/lib/package.json",
            Array(
                """
                {"name": "lib", "version": "1.0.0", "files": ["dist"],
                 "leakScan": {"version": 1, "allow": [{"path": "package/dist/*.map", "reason": "reviewed"}]}}
                """.utf8))
        _ = directory.write("packages/lib/dist/a.js.map", map)
        _ = directory.write("packages/other/package.json", Array(#"{"name":"other","version":"1.0.0","files":["dist"]}"#.utf8))
        _ = directory.write("packages/other/dist/a.js.map", map)
        _ = try CLIRunner.runTool("/usr/bin/git", ["init", "-q"], in: directory.path)
        return directory
    }

    @Test func packFromTheRootAndFromThePackageFolderAgree() throws {
        let directory = try Self.monorepo()
        let fromRoot = try CLIRunner.run(
            ["pack", "--quiet", "packages/app", "packages/lib", "packages/other"], in: directory.path)
        #expect(fromRoot.status == 1)
        let verdicts = fromRoot.stdout.split(separator: "\n").map { $0.prefix(10).trimmingCharacters(in: .whitespaces) }
        #expect(verdicts == ["CLEAN", "CLEAN", "LEAK"])
        for (package, status) in [("app", 0), ("lib", 0), ("other", 1)] {
            let inFolder = try CLIRunner.run(["pack", "--quiet", "."], in: directory.path + "/packages/\(package)")
            #expect(inFolder.status == Int32(status), "packages/\(package)")
        }
    }

    @Test func artifactsAreJudgedByThePolicyBesideThem() throws {
        let directory = try Self.monorepo()
        let tarball = ArchiveBuilder.build(
            .tar, filter: .gzip, [.text("package/dist/a.js.map", MapText.map(sources: ["src/a.ts"], contents: ["x\n"]))])
        _ = directory.write("packages/app/app-1.0.0.tgz", tarball)
        _ = directory.write("elsewhere/app-1.0.0.tgz", tarball)
        let result = try CLIRunner.run(["--quiet", "packages/app/app-1.0.0.tgz", "elsewhere/app-1.0.0.tgz"], in: directory.path)
        #expect(
            result.stdout.split(separator: "\n").map { $0.prefix(10).trimmingCharacters(in: .whitespaces) } == ["CLEAN", "LEAK"])
    }
}

@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/npm"), "needs npm"))
struct PackErrorTests {
    @Test func failingPackShowsNpmsOwnErrorAndManifestPathsNameTheFolder() throws {
        let directory = TemporaryDirectory()
        _ = directory.write("pkg/package.json", Array(#"{"name":"pkg","version":"1.0.0","scripts":{"prepack":"exit 3"}}"#.utf8))
        let result = try CLIRunner.run(["pack", "--quiet", "pkg/package.json"], in: directory.path)
        #expect(result.status == 2)
        #expect(result.stderr == "leak-scan: error: pkg: npm pack failed (exit 3): command failed; command sh -c exit 3\n")
    }
}

@Suite(
    .enabled(
        if: FileManager.default.isExecutableFile(atPath: "/usr/bin/npm")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "needs npm and git"))
struct SharedHookTests {
    @Test func hookRunsLeakScanFromPathSkipsPrivatePackagesAndHonoursAnExplicitList() throws {
        let directory = TemporaryDirectory()
        let map = Array(MapText.map(sources: ["src/a.ts"], contents: ["a\n"]).utf8)
        for (name, extra) in [("internal", #","private":true"#), ("public", ""), ("other", "")] {
            _ = directory.write(
                "\(name)/package.json", Array(#"{"name":"\#(name)","version":"1.0.0","files":["dist"]\#(extra)}"#.utf8))
            _ = directory.write("\(name)/dist/a.js.map", map)
        }
        _ = try CLIRunner.runTool("/usr/bin/git", ["init", "-q"], in: directory.path)
        _ = try CLIRunner.runTool("/usr/bin/git", ["add", "."], in: directory.path)
        let install = try CLIRunner.run(["install-hook", "public", "internal"], in: directory.path)
        #expect(install.status == 0)
        let hook = try String(contentsOfFile: directory.path + "/.git/hooks/pre-push", encoding: .utf8)
        #expect(!hook.contains(CLIRunner.binary))
        let binaryFolder = URL(fileURLWithPath: CLIRunner.binary).deletingLastPathComponent().path
        let path = binaryFolder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let run = try CLIRunner.runTool("/bin/sh", [".git/hooks/pre-push"], in: directory.path, environment: ["PATH": path])
        #expect(run.status == 1)
        #expect(
            run.stdout
                == "LEAK        public (npm pack: public-1.0.0.tgz)  1 source map exposes 1 file / 1 line of original source (first-party: 1 file / 1 line)\n"
        )
    }
}
