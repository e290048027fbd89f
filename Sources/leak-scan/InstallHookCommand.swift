import ArgumentParser
import FoundationEssentials
import ArtifactScanning

/// `leak-scan install-hook`: writes a git hook that packs and scans the repository's npm packages before each push
/// (or commit) and blocks it on a leak, saying how to bypass deliberately.
struct InstallHookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-hook",
        abstract: "Install a git pre-push (or pre-commit) hook that runs `leak-scan pack` on the repository's packages.")

    @Flag(help: "Install as pre-commit instead of pre-push.")
    var preCommit = false

    @Flag(help: "Replace an existing hook of the same name.")
    var force = false

    @Option(help: "The leak-scan executable the hook runs (default: leak-scan on PATH, else npx --no leak-scan).")
    var executable: String?

    @Argument(
        help: "Package folders the hook packs (default: every package.json tracked outside node_modules).", completion: .directory
    )
    var packages: [String] = []

    func run() throws {
        try CommandError.boundary {
            let hookName = preCommit ? "pre-commit" : "pre-push"
            let hooks = try Self.git(["rev-parse", "--git-path", "hooks"])
            do {
                try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            } catch {
                throw CommandError.incomplete("\(hooks): cannot create the hooks folder")
            }
            let path = hooks + "/" + hookName
            if FileManager.default.fileExists(atPath: path), !force {
                throw CommandError.usage("\(path) already exists; add --force to replace it")
            }
            try ReportWriter.writeAtomically(
                HookScript.text(hook: hookName, executable: executable, packages: packages), to: path, mode: 0o755)
            let action = hookName == "pre-push" ? "push" : "commit"
            let runs = executable ?? "leak-scan (from PATH, else npx --no leak-scan)"
            try ReportWriter.writeStandardOutput(
                "installed \(path): runs \(runs) pack on the repository's npm packages before each \(action)\n")
        }
    }

    /// Runs git in the working directory and returns its trimmed standard output.
    static func git(_ arguments: [String]) throws(CommandError) -> String {
        let result: ChildProcess
        do {
            result = try ChildProcess.run(["git"] + arguments)
        } catch {
            throw .incomplete("git could not start: \(error)")
        }
        guard result.status == 0 else { throw .usage("not inside a git repository") }
        return String(result.standardOutput.trimmingWhitespace)
    }
}

/// The hook's shell text: packs the listed package folders, or every package.json tracked outside node_modules, with
/// the leak-scan found on PATH (or the project's own through `npx --no`), never a path of the machine that installed
/// it: hooks are shared (husky, lefthook), and an absolute path breaks on every other machine. Private packages
/// (`"private": true`) are never published and are skipped.
enum HookScript {
    static func text(hook: String, executable: String?, packages: [String]) -> String {
        let action = hook == "pre-push" ? "push" : "commit"
        let runner =
            executable.map { "set -- \(quote($0))" }
            ?? #"if command -v leak-scan >/dev/null 2>&1; then set -- leak-scan; else set -- npx --no leak-scan; fi"#
        let listing =
            packages.isEmpty
            ? "git ls-files -- package.json '*/package.json' | grep -v 'node_modules/' | sed -e 's|/*package.json$||' -e 's|^$|.|'"
            : "printf '%s\\n' " + packages.map(quote).joined(separator: " ")
        return """
            #!/bin/sh
            # leak-scan \(hook) hook (installed by `leak-scan install-hook`): runs the real `npm pack` on every npm
            # package of this repository and blocks the \(action) when a tarball would expose original source.
            # To \(action) anyway, deliberately: git \(action) --no-verify
            root=$(git rev-parse --show-toplevel) || exit 1
            cd "$root" || exit 1
            \(runner)
            set -- "$@" pack --quiet --skip-private
            found=0
            IFS='
            '
            for folder in $(\(listing)); do
              set -- "$@" "$folder"
              found=1
            done
            [ "$found" = 1 ] || exit 0
            if ! "$@"; then
              echo "leak-scan: \(action) blocked: a package would ship original source through source maps, or could not be checked (see above)." >&2
              echo "leak-scan: remove the maps or their sourcesContent from the package, allow them in .leak-scan.json with a reason, or \(action) anyway with: git \(action) --no-verify" >&2
              exit 1
            fi

            """
    }

    /// Single-quoted for the shell.
    static func quote(_ text: String) -> String {
        var quoted = "'"
        for scalar in text.unicodeScalars {
            if scalar == "'" { quoted += #"'\''"# } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "'"
    }
}
