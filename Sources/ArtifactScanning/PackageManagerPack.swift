import FoundationEssentials
public import LeakScanCore

/// Runs the real pack command of a package manager (`npm pack`, `yarn pack`, `pnpm pack`, `bun pm pack`) on a package
/// folder into a temporary directory, so the scan sees exactly the tarball a publish would upload (never a file list
/// guessed from a dry run). A failing pack, or a manager that is not installed, is an error.
public struct PackageManagerPack: Sendable {
    /// The manager to run; nil picks it per folder from the nearest lockfile (`PackageManager.detect`).
    public var manager: PackageManager?
    /// Where the manager's program is looked for (this process's `PATH` by default).
    public var searchPath: String

    public init(manager: PackageManager? = nil, searchPath: String? = nil) {
        self.manager = manager
        self.searchPath = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
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
            let manager = manager ?? PackageManager.detect(forPackageIn: directory)
            try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
            let tarball = try pack(directory, with: manager, into: workspace.path)
            let name = "\(directory) (\(manager.packCommand): \(URL(fileURLWithPath: tarball).lastPathComponent))"
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

    /// The environment for the pack command: inside `npm publish --dry-run` (a `prepublishOnly` gate) npm exports
    /// `npm_config_dry_run=true`, which would make the inner pack (npm's, and pnpm's, which reads npm's config) write
    /// nothing; the gate needs the real tarball.
    static func environment(_ inherited: [String: String]) -> [String: String] {
        inherited.filter { $0.key.lowercased() != "npm_config_dry_run" }
    }

    /// The manager's own explanation: npm's `npm error` lines without the bookkeeping ones (code, path, log file),
    /// yarn's and bun's `error …` lines, pnpm's `ERR_PNPM_…` line; else the last line it printed.
    static func reason(standardError: String, standardOutput: String = "") -> String {
        let bookkeeping = ["code ", "syscall ", "path ", "errno ", "A complete log of this run"]
        let npmLines = standardError.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("npm error ") || line.hasPrefix("npm ERR! ") else { return nil }
            let message = String(line.dropFirst(line.hasPrefix("npm error ") ? 10 : 9).drop { $0 == " " })
            return message.isEmpty || bookkeeping.contains(where: message.hasPrefix) || message.split(separator: " ").count < 2
                ? nil : message
        }
        if !npmLines.isEmpty { return npmLines.joined(separator: "; ") }
        let printed = (standardError + "\n" + standardOutput).split(separator: "\n").map { $0.drop { $0 == " " } }
        if let error = printed.first(where: { $0.hasPrefix("error ") || $0.hasPrefix("ERR_PNPM_") || $0.hasPrefix("error:") }) {
            return String(error)
        }
        let last =
            standardError.split(separator: "\n").last { !$0.isEmpty }
            ?? standardOutput.split(separator: "\n").last { !$0.isEmpty }
        return last.map(String.init) ?? "it printed no message"
    }

    /// The file name npm gives a package's tarball (`@acme/ui` 1.2.0 → `acme-ui-1.2.0.tgz`), for the managers that are
    /// told a file name; `package.tgz` when the manifest names no package.
    static func tarballName(forPackageIn directory: String) -> String {
        struct Manifest: Decodable {
            var name: String?
            var version: String?
        }
        guard let data = FileManager.default.contents(atPath: directory + "/package.json"),
            let manifest = try? JSONDecoder().decode(Manifest.self, from: data), let name = manifest.name, !name.isEmpty
        else { return "package.tgz" }
        let flat = String(name.filter { $0 != "@" }.map { $0 == "/" ? "-" : $0 })
        return flat + (manifest.version.map { "-" + $0 } ?? "") + ".tgz"
    }

    /// The major version Yarn reports (`1.22.19` → 1); 1 when it cannot be told.
    static func yarnMajorVersion(program: String, in directory: String, environment: [String: String]) -> Int {
        let version = try? ChildProcess.run([program, "--version"], in: directory, environment: environment)
        return version.flatMap { Int($0.standardOutput.prefix { $0.isNumber }) } ?? 1
    }

    /// Runs the manager's pack command into `destination` and returns the one tarball it wrote.
    func pack(_ directory: String, with manager: PackageManager, into destination: String) throws -> String {
        let command = manager.packCommand
        guard let program = manager.program(onPath: searchPath) else {
            let names = manager.programNames.map { "'\($0)'" }.joined(separator: " or ")
            throw Failure(
                description: "\(command) cannot run: \(names) is not on PATH (install \(manager.rawValue), or choose another"
                    + " manager with --pack-manager)")
        }
        let environment = Self.environment(ProcessInfo.processInfo.environment)
        let yarnMajor = manager == .yarn ? Self.yarnMajorVersion(program: program, in: directory, environment: environment) : 0
        let arguments = manager.packArguments(
            program: program, destination: destination, tarballName: Self.tarballName(forPackageIn: directory),
            yarnMajorVersion: yarnMajor)
        let result: ChildProcess
        do {
            result = try ChildProcess.run(arguments, in: directory, environment: environment)
        } catch {
            throw Failure(description: "\(command) could not start: \(error)")
        }
        guard result.status == 0 else {
            let reason = Self.reason(standardError: result.standardError, standardOutput: result.standardOutput)
            throw Failure(description: "\(command) failed (exit \(result.status)): \(reason)")
        }
        let tarballs = try FileManager.default.contentsOfDirectory(atPath: destination).filter { $0.hasSuffix(".tgz") }
        guard tarballs.count == 1, let tarball = tarballs.first else {
            throw Failure(description: "\(command) wrote \(tarballs.count) tarballs, expected 1")
        }
        return destination + "/" + tarball
    }
}
