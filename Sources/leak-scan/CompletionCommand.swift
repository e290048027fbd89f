public import ArgumentParser

/// `leak-scan completion bash|zsh|fish`: prints the shell completion script (files complete as paths), to source from a
/// shell's startup file or install where the shell looks for completions.
struct CompletionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completion",
        abstract: "Print the shell completion script for bash, zsh or fish.",
        discussion: """
            bash: leak-scan completion bash > /etc/bash_completion.d/leak-scan (or source it from ~/.bashrc)
            zsh:  leak-scan completion zsh > "${fpath[1]}/_leak-scan"
            fish: leak-scan completion fish > ~/.config/fish/completions/leak-scan.fish
            """)

    @Argument(help: "The shell: bash, zsh or fish.")
    var shell: CompletionShell

    func run() throws {
        try CommandError.boundary {
            try ReportWriter.writeStandardOutput(LeakScanCommand.completionScript(for: shell))
        }
    }
}

extension CompletionShell: @retroactive ExpressibleByArgument {}
