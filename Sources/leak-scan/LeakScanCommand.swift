import ArgumentParser

/// The `leak-scan` command: `scan` (the default, so `leak-scan pkg.tgz` works) and `diff`.
@main
struct LeakScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leak-scan",
        abstract: "Find original source code leaking out of release artifacts through source maps.",
        discussion: ScanCommand.exitCodes,
        subcommands: [ScanCommand.self, DiffCommand.self],
        defaultSubcommand: ScanCommand.self
    )
}
