import ArgumentParser
import FoundationEssentials
import ArtifactScanning
import LeakScanCore

/// `--config`: the policy file, found by default in the working directory or the git root.
struct PolicyOptions: ParsableArguments {
    @Option(
        name: .long, help: "Policy file (default: \(PolicyFile.fileName) in the working directory or the git root).",
        completion: .file(extensions: ["json"]))
    var config: String?

    /// The policy; a broken file is a usage error naming the file and the key (exit 64).
    func load() throws(CommandError) -> Policy {
        do {
            return try PolicyFile.load(explicit: config, from: FileManager.default.currentDirectoryPath)
        } catch {
            throw .usage(error.description)
        }
    }
}
