import ArgumentParser
import ArtifactScanning
import FoundationEssentials
import LeakScanCore

/// The secret scan's flags: on by default (a security tool), `--no-secrets` turns it off, `--terms` adds the user's
/// sensitive words, `--show-secrets` prints secrets instead of redacted excerpts.
struct SecretOptions: ParsableArguments {
    @Flag(
        name: .customLong("no-secrets"),
        help: "Do not scan the embedded sources for secrets and sensitive terms (scanned by default).")
    var noSecrets = false

    @Flag(name: .long, help: "Print secrets as found instead of redacted excerpts (ghp_…(40 chars)).")
    var showSecrets = false

    @Option(
        name: .long, help: "Sensitive terms (codenames, internal hosts), one per line; each occurrence is a finding.",
        completion: .file())
    var terms: String?

    /// The run's secret scan: built-in rules, rules and terms of every policy loaded, and `--terms`.
    func scanning(policies: [Policy]) throws(CommandError) -> SecretScanning? {
        if noSecrets { return nil }
        var listed: [String] = []
        if let terms {
            guard let data = FileManager.default.contents(atPath: terms) else {
                throw .usage("--terms \(terms): cannot read the file")
            }
            listed = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        return SecretRuleSet.scanning(
            enabling: policies.reduce(into: Set()) { $0.formUnion($1.enabledSecretRules) },
            terms: listed + policies.flatMap(\.terms))
    }
}
