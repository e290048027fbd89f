import ArgumentParser
import ArtifactScanning
import FoundationEssentials
import LeakScanCore

/// `--config`: one policy file for every artifact; without it, each artifact is judged by the nearest policy from its
/// own folder (the package folder for `pack`) up to the git root.
struct PolicyOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "Policy file for every artifact (default: the nearest \(PolicyFile.fileName) or package.json \"leakScan\" key from each artifact's folder up to the git root).",
        completion: .file(extensions: ["json"]))
    var config: String?

    /// The policies of artifacts found in `folders`, read before any scan so a broken file stops the run early as a
    /// usage error naming the file, line and column (exit 64).
    func load(forFolders folders: [String]) throws(CommandError) -> PolicyLookup {
        var lookup = PolicyLookup()
        do {
            if let config {
                lookup.explicit = try PolicyFile.read(config)
                return lookup
            }
            for folder in Set(folders) {
                lookup.byFolder[folder] = try PolicyFile.load(explicit: nil, from: folder)
            }
        } catch {
            throw .usage(error.description)
        }
        return lookup
    }
}

/// The policy each artifact is judged by, read once per folder.
struct PolicyLookup {
    var explicit: Policy?
    var byFolder: [String: Policy] = [:]

    /// Every policy read for this run.
    var all: [Policy] { (explicit.map { [$0] } ?? []) + byFolder.keys.sorted().compactMap { byFolder[$0] } }

    func policy(for artifact: ArtifactReport) -> Policy {
        explicit ?? byFolder[Self.folder(of: artifact.origin)] ?? Policy()
    }

    /// Where an artifact's policy search starts: the package folder, the scanned folder, or the folder of the file.
    static func folder(of origin: ArtifactReport.Origin) -> String {
        switch origin {
        case .packedPackage(let directory), .directory(let directory): directory
        case .file(let path): folder(ofPath: path)
        case .standardInput: "."
        }
    }

    /// A path's search folder before it is scanned: itself when it is a folder, else the folder holding it.
    static func folder(ofPath path: String) -> String {
        var isDirectory = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory { return path }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
