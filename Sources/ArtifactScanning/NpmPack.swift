import FoundationEssentials
public import LeakScanCore

/// Runs the real `npm pack` on a package folder into a temporary directory, so the scan sees exactly the tarball a
/// publish would upload (never a file list guessed from `npm pack --dry-run --json`). A failing pack is an error.
public struct NpmPack: Sendable {
    public var npm: String

    public init(npm: String = "npm") {
        self.npm = npm
    }

    /// Packs `directory`, scans the tarball, removes it. A failed pack is an incomplete report naming the reason.
    public func scan(directory: String, with scanner: ArtifactScanner) -> ArtifactReport {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("leak-scan-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: workspace) }
        do {
            var isDirectory = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory else {
                throw Failure(description: "not a package folder: no such directory")
            }
            try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
            let tarball = try pack(directory, into: workspace.path)
            let name = "\(directory) (npm pack: \(URL(fileURLWithPath: tarball).lastPathComponent))"
            return scanner.scan(.path(tarball), displayName: name, origin: .packedPackage(directory: directory))
        } catch {
            return ArtifactReport(
                name: directory, origin: .packedPackage(directory: directory), maps: [], references: [], notes: [],
                diagnostics: [Diagnostic(location: Location([directory]), problem: .packFailed(reason: "\(error)"))],
                statistics: ScanStatistics())
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The environment for `npm pack`: inside `npm publish --dry-run` (a `prepublishOnly` gate) npm exports
    /// `npm_config_dry_run=true`, which would make the inner pack write nothing; the gate needs the real tarball.
    static func environment(_ inherited: [String: String]) -> [String: String] {
        inherited.filter { $0.key.lowercased() != "npm_config_dry_run" }
    }

    /// npm's own explanation from its `npm error` lines, without the bookkeeping ones (code, path, log file).
    static func reason(fromStandardError text: String) -> String {
        let bookkeeping = ["code ", "syscall ", "path ", "errno ", "A complete log of this run"]
        let lines = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("npm error ") || line.hasPrefix("npm ERR! ") else { return nil }
            let message = String(line.dropFirst(line.hasPrefix("npm error ") ? 10 : 9).drop { $0 == " " })
            return message.isEmpty || bookkeeping.contains(where: message.hasPrefix) || message.split(separator: " ").count < 2
                ? nil : message
        }
        if !lines.isEmpty { return lines.joined(separator: "; ") }
        return text.split(separator: "\n").last { !$0.isEmpty }.map(String.init) ?? "npm printed no message"
    }

    /// Runs `npm pack --pack-destination` and returns the one tarball it wrote.
    func pack(_ directory: String, into destination: String) throws -> String {
        let result: ChildProcess
        do {
            result = try ChildProcess.run(
                [npm, "pack", "--loglevel=error", "--pack-destination", destination], in: directory,
                environment: Self.environment(ProcessInfo.processInfo.environment))
        } catch {
            throw Failure(description: "npm pack could not start: \(error)")
        }
        guard result.status == 0 else {
            throw Failure(
                description: "npm pack failed (exit \(result.status)): \(Self.reason(fromStandardError: result.standardError))")
        }
        let tarballs = try FileManager.default.contentsOfDirectory(atPath: destination).filter { $0.hasSuffix(".tgz") }
        guard tarballs.count == 1, let tarball = tarballs.first else {
            throw Failure(description: "npm pack wrote \(tarballs.count) tarballs, expected 1")
        }
        return destination + "/" + tarball
    }
}
