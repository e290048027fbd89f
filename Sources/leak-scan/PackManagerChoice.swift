import ArgumentParser
import ArtifactScanning

/// `--pack-manager`: which package manager packs each folder for `pack` and `scan --pack`; `auto` picks it from the
/// nearest lockfile (package-lock.json, yarn.lock, pnpm-lock.yaml, bun.lock/bun.lockb), else npm.
enum PackManagerChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, npm, yarn, pnpm, bun

    static let help: ArgumentHelp = """
        Package manager that packs each folder: npm pack, yarn pack, pnpm pack or bun pm pack; auto takes the one \
        whose lockfile is nearest (package-lock.json, yarn.lock, pnpm-lock.yaml, bun.lock/bun.lockb, up to the git \
        root), else npm.
        """

    /// The packer that runs it.
    var packer: PackageManagerPack {
        PackageManagerPack(manager: self == .auto ? nil : PackageManager(rawValue: rawValue))
    }
}
