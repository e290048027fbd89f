import FoundationEssentials

/// The package manager that packs a package folder for `pack` and `scan --pack`: each is run by its own documented
/// pack command, so the scan sees the tarball that manager would publish.
public enum PackageManager: String, CaseIterable, Sendable {
    case npm, yarn, pnpm, bun

    /// Lockfiles that name a manager, in the order they are looked for within one folder.
    static let lockfiles: [(file: String, manager: PackageManager)] = [
        ("bun.lock", .bun), ("bun.lockb", .bun), ("pnpm-lock.yaml", .pnpm), ("yarn.lock", .yarn),
        ("package-lock.json", .npm), ("npm-shrinkwrap.json", .npm),
    ]

    /// The manager whose lockfile is nearest: in `folder`, else in its parents up to the git root (a monorepo keeps one
    /// lockfile at its root); npm when there is none.
    public static func detect(forPackageIn folder: String) -> PackageManager {
        let files = FileManager.default
        var directory = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            for (file, manager) in lockfiles where files.fileExists(atPath: directory.appendingPathComponent(file).path) {
                return manager
            }
            let parent = directory.deletingLastPathComponent()
            if files.fileExists(atPath: directory.appendingPathComponent(".git").path) || parent.path == directory.path {
                return .npm
            }
            directory = parent
        }
    }

    /// The pack command as people know it (`bun pm pack`), for messages.
    public var packCommand: String {
        self == .bun ? "bun pm pack" : "\(rawValue) pack"
    }

    /// Program names tried on `PATH`, in order (Debian installs yarn as `yarnpkg`).
    var programNames: [String] {
        self == .yarn ? ["yarn", "yarnpkg"] : [rawValue]
    }

    /// The first of `programNames` that is an executable on `path` (a `PATH` value), or nil.
    func program(onPath path: String) -> String? {
        for name in programNames {
            for directory in path.split(separator: ":", omittingEmptySubsequences: false) {
                let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The pack command writing one tarball into `destination`. Yarn classic (1.x) takes a file name (`--filename`),
    /// Yarn 2+ an output pattern (`--out`); `tarballName` is what those write.
    func packArguments(program: String, destination: String, tarballName: String, yarnMajorVersion: Int) -> [String] {
        switch self {
        case .npm: [program, "pack", "--loglevel=error", "--pack-destination", destination]
        case .pnpm: [program, "pack", "--pack-destination", destination]
        case .bun: [program, "pm", "pack", "--destination", destination]
        case .yarn where yarnMajorVersion >= 2: [program, "pack", "--out", destination + "/" + tarballName]
        case .yarn: [program, "pack", "--silent", "--filename", destination + "/" + tarballName]
        }
    }
}
