import Foundation
import TestSupport
import Testing

/// `--pack-manager` and its lockfile detection, run with the real npm and Yarn (Debian's `yarnpkg`); pnpm and bun
/// cannot be installed offline here, so for them the test checks the clear error and, through a recording program
/// named like them, that their documented pack command line is the one run.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/npm"), "needs npm"))
struct PackManagerTests {
    static let map = MapText.map(sources: ["src/index.ts", "src/secret.ts"], contents: ["export {}\n", "a\nb\nc\n"])

    /// Debian's yarnpkg loads its modules from /usr/share/nodejs, which a Node.js from elsewhere does not search.
    static let yarnEnvironment = ["NODE_PATH": "/usr/share/nodejs"]

    static let yarnWorks: Bool = {
        guard ConsumerTool.exists("yarnpkg") else { return false }
        let version = try? ConsumerTool.run("yarnpkg", ["--version"], in: "/tmp", environment: yarnEnvironment)
        return version?.status == 0
    }()

    /// A package whose `files` ships `dist` (map included) or only its scripts, plus the given lockfile.
    static func package(
        in directory: TemporaryDirectory, _ name: String, shipsMap: Bool = true, lockfile: String? = nil
    ) -> String {
        let files = shipsMap ? #"["dist"]"# : #"["dist/*.js"]"#
        let packageName = name.split(separator: "/").last.map(String.init) ?? name
        _ = directory.write(
            "\(name)/package.json", Array(#"{"name":"\#(packageName)","version":"1.0.0","files":\#(files)}"#.utf8))
        _ = directory.write("\(name)/dist/index.js", Array("export {};\n//# sourceMappingURL=index.js.map\n".utf8))
        _ = directory.write("\(name)/dist/index.js.map", Array(map.utf8))
        if let lockfile { _ = directory.write("\(name)/\(lockfile)", Array("\n".utf8)) }
        return directory.path + "/" + name
    }

    @Test func npmIsTheDefaultAndFollowsItsLockfile() throws {
        let directory = TemporaryDirectory()
        let plain = Self.package(in: directory, "plain")
        let locked = Self.package(in: directory, "locked", lockfile: "package-lock.json")
        let result = try CLIRunner.run(["pack", "--quiet", plain, locked])
        #expect(result.status == 1)
        #expect(
            result.stdout.split(separator: "\n").map { $0.prefix(while: { $0 != ")" }) } == [
                "LEAK        \(plain) (npm pack: plain-1.0.0.tgz", "LEAK        \(locked) (npm pack: locked-1.0.0.tgz",
            ])
    }

    @Test(.enabled(if: yarnWorks, "needs Debian's yarnpkg"))
    func yarnLockfilePacksWithYarnAndShipsWhatNpmShips() throws {
        let directory = TemporaryDirectory()
        let leaky = Self.package(in: directory, "leaky", lockfile: "yarn.lock")
        let trimmed = Self.package(in: directory, "trimmed", shipsMap: false, lockfile: "yarn.lock")
        let byYarn = try CLIRunner.run(["pack", "--quiet", leaky, trimmed], environment: Self.yarnEnvironment)
        #expect(byYarn.status == 1, "\(byYarn.stderr)")
        #expect(
            byYarn.stdout == """
                LEAK        \(leaky) (yarn pack: leaky-1.0.0.tgz)  1 source map exposes 2 files / 4 lines of original source (first-party: 2 files / 4 lines)
                WARN        \(trimmed) (yarn pack: trimmed-1.0.0.tgz)  1 dangling sourceMappingURL reference

                """)
        // The same folders packed by npm: the same members, so the same counts.
        let byNpm = try CLIRunner.run(["pack", "--quiet", "--pack-manager", "npm", leaky, trimmed])
        #expect(byNpm.stdout == byYarn.stdout.replacingOccurrences(of: "(yarn pack:", with: "(npm pack:"))
        // Yarn wrote its tarball into the temporary directory, never into the package folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: leaky).sorted() == ["dist", "package.json", "yarn.lock"])
    }

    @Test(.enabled(if: yarnWorks, "needs Debian's yarnpkg"))
    func scanPackWithAnExplicitManagerAndTheLockfileOfAMonorepoRoot() throws {
        let directory = TemporaryDirectory()
        _ = directory.write("repo/yarn.lock", Array("\n".utf8))
        let member = Self.package(in: directory, "repo/packages/ui")
        let detected = try CLIRunner.run(["scan", "--quiet", "--pack", member], environment: Self.yarnEnvironment)
        #expect(detected.stdout.hasPrefix("LEAK        \(member) (yarn pack: ui-1.0.0.tgz)"), "\(detected.stderr)")
        let explicit = try CLIRunner.run(["scan", "--quiet", "--pack-manager", "npm", "--pack", member])
        #expect(explicit.stdout.hasPrefix("LEAK        \(member) (npm pack: ui-1.0.0.tgz)"))
    }

    @Test func managerNotOnPathIsAnErrorNamingIt() throws {
        let directory = TemporaryDirectory()
        let pnpm = Self.package(in: directory, "pnpm-app", lockfile: "pnpm-lock.yaml")
        let bun = Self.package(in: directory, "bun-app", lockfile: "bun.lockb")
        let plain = Self.package(in: directory, "plain")
        // A PATH holding no package manager at all.
        let environment = ["PATH": directory.path + "/no-tools"]
        let detected = try CLIRunner.run(["pack", "--quiet", pnpm, bun], environment: environment)
        #expect(detected.status == 2)
        #expect(
            detected.stderr == """
                leak-scan: error: \(pnpm): pnpm pack cannot run: 'pnpm' is not on PATH (install pnpm, or choose another manager with --pack-manager)
                leak-scan: error: \(bun): bun pm pack cannot run: 'bun' is not on PATH (install bun, or choose another manager with --pack-manager)

                """)
        let yarn = try CLIRunner.run(["pack", "--quiet", "--pack-manager", "yarn", plain], environment: environment)
        #expect(yarn.status == 2)
        #expect(yarn.stderr.contains("yarn pack cannot run: 'yarn' or 'yarnpkg' is not on PATH"))
    }

    /// pnpm and bun are not installable offline: a program of their name records its arguments and writes the
    /// tarball where it was told to, so the command line leak-scan runs is checked against their documentation
    /// (`pnpm pack --pack-destination <dir>`, `bun pm pack --destination <dir>`), not their behaviour.
    @Test func pnpmAndBunAreRunByTheirDocumentedPackCommands() throws {
        let directory = TemporaryDirectory()
        let recorder = """
            #!/bin/sh
            echo "$(basename "$0") $*" > "$RECORD"
            while [ $# -gt 0 ]; do case "$1" in --pack-destination|--destination) destination=$2; shift;; esac; shift; done
            mkdir -p stage/package && cp -r package.json dist stage/package/ && tar -czf "$destination/app-1.0.0.tgz" -C stage package
            rm -rf stage
            """
        for name in ["pnpm", "bun"] {
            let path = directory.write("bin/\(name)", Array(recorder.utf8))
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
        let app = Self.package(in: directory, "app")
        for (manager, expected) in [("pnpm", "pnpm pack --pack-destination "), ("bun", "bun pm pack --destination ")] {
            let record = directory.path + "/\(manager).record"
            let result = try CLIRunner.run(
                ["pack", "--quiet", "--pack-manager", manager, app],
                environment: ["PATH": directory.path + "/bin:/usr/bin:/bin", "RECORD": record])
            #expect(
                result.stdout.hasPrefix(
                    "LEAK        \(app) (\(manager == "bun" ? "bun pm" : manager) pack: app-1.0.0.tgz)  1 source map exposes 2 files"
                ))
            let line = try String(contentsOfFile: record, encoding: .utf8)
            #expect(line.hasPrefix(expected), "\(line)")
            #expect(line.contains("/leak-scan-pack-"))
        }
    }
}
