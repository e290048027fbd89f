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

    @Option(help: "The leak-scan executable the hook runs (default: this one).")
    var executable: String?

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
            let binary = executable ?? (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "leak-scan"
            try ReportWriter.writeAtomically(HookScript.text(hook: hookName, executable: binary), to: path, mode: 0o755)
            let action = hookName == "pre-push" ? "push" : "commit"
            try ReportWriter.writeStandardOutput("installed \(path): runs \(binary) pack on the repository's npm packages before each \(action)\n")
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

/// The hook's shell text: finds every package.json tracked outside node_modules and packs each package folder.
enum HookScript {
    static func text(hook: String, executable: String) -> String {
        let action = hook == "pre-push" ? "push" : "commit"
        var quoted = "'"
        for scalar in executable.unicodeScalars {
            if scalar == "'" { quoted += #"'\''"# } else { quoted.unicodeScalars.append(scalar) }
        }
        quoted += "'"
        return """
            #!/bin/sh
            # leak-scan \(hook) hook (installed by `leak-scan install-hook`): runs the real `npm pack` on every npm
            # package tracked in this repository and blocks the \(action) when a tarball would expose original source.
            # To \(action) anyway, deliberately: git \(action) --no-verify
            root=$(git rev-parse --show-toplevel) || exit 1
            cd "$root" || exit 1
            IFS='
            '
            set --
            for manifest in $(git ls-files -- package.json '*/package.json' | grep -v 'node_modules/'); do
              set -- "$@" "$(dirname "$manifest")"
            done
            [ $# -gt 0 ] || exit 0
            if ! \(quoted) pack --quiet "$@"; then
              echo "leak-scan: \(action) blocked: a package would ship original source through source maps, or could not be checked (see above)." >&2
              echo "leak-scan: remove the maps or their sourcesContent from the package, allow them in .leak-scan.json with a reason, or \(action) anyway with: git \(action) --no-verify" >&2
              exit 1
            fi

            """
    }
}
