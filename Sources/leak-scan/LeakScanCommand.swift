import ArgumentParser
import LeakReporters

/// The `leak-scan` command: `scan` (the default, so `leak-scan pkg.tgz` works), `pack`, `diff`, `install-hook` and
/// `completion`.
@main
struct LeakScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leak-scan",
        abstract: "Find original source code leaking out of release artifacts through source maps.",
        discussion: ScanCommand.exitCodes,
        version: ToolInfo.version,
        subcommands: [ScanCommand.self, PackCommand.self, DiffCommand.self, InstallHookCommand.self, CompletionCommand.self],
        defaultSubcommand: ScanCommand.self
    )
}
