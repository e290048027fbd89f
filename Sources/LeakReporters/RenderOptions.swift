/// How a report is shown: only verdicts, everything, colours (human formats), and the listing of exposed sources (text,
/// JSON and JSON lines).
package struct RenderOptions: Sendable, Equatable {
    /// Only the verdict lines (`--quiet`).
    package var quiet = false
    /// Every map, reference and note on its own line (`-v`); otherwise lesser items collapse into counted lines.
    package var verbose = false
    /// Verdict words in colour (`--color`, `NO_COLOR`, a terminal).
    package var color = false
    /// Secrets as they are instead of redacted excerpts, in every format (`--show-secrets`).
    package var showSecrets = false
    /// `--list-sources`: list every exposed source, at most this many per artifact; nil lists none.
    package var listedSources: Int?

    package init(
        quiet: Bool = false, verbose: Bool = false, color: Bool = false, showSecrets: Bool = false,
        listedSources: Int? = nil
    ) {
        self.quiet = quiet
        self.verbose = verbose
        self.color = color
        self.showSecrets = showSecrets
        self.listedSources = listedSources
    }
}
