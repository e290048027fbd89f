import ArgumentParser
import ArtifactScanning
import FoundationEssentials
import LeakScanCore

/// The secret scan's flags: on by default (a security tool), `--no-secrets` turns it off, `--terms` adds the user's
/// sensitive words, `--gitleaks-config` a team's gitleaks rules, `--show-secrets` prints secrets instead of redacted
/// excerpts.
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

    @Option(
        name: .long,
        help: "A .gitleaks.toml whose rules, allowlists and disabledRules join the secret scan (never found on its own).",
        completion: .file())
    var gitleaksConfig: String?

    /// The run's secret scan: built-in rules, rules and terms of every policy loaded, `--terms`, and the gitleaks file
    /// (`--gitleaks-config`, else the first policy's `secrets.gitleaksConfig`). A policy's levels name rules either way:
    /// with `--no-secrets` too, an id that is neither built in nor in the gitleaks file is a usage error (a policy that
    /// is valid only with some flags would hide a typo until the day the secret scan runs).
    func scanning(policies: [Policy]) throws(CommandError) -> SecretScanning? {
        if noSecrets {
            if policies.contains(where: { !$0.secretLevelsOfOtherRules.isEmpty }) {
                try checkLevels(of: policies, against: loadGitleaks(policies: policies))
            }
            return nil
        }
        var listed: [String] = []
        if let terms {
            guard let data = FileManager.default.contents(atPath: terms) else {
                throw .usage("--terms \(terms): cannot read the file")
            }
            listed = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
                .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        let gitleaks = try loadGitleaks(policies: policies)
        try checkLevels(of: policies, against: gitleaks)
        do {
            return try SecretRuleSet.scanning(
                enabling: policies.reduce(into: Set()) { $0.formUnion($1.enabledSecretRules) },
                terms: listed + policies.flatMap(\.terms), gitleaks: gitleaks)
        } catch {
            throw .usage("sensitive term \(error.term): \(error.message)")
        }
    }

    /// The gitleaks file in force: `--gitleaks-config`, else the first policy's `secrets.gitleaksConfig`.
    private func loadGitleaks(policies: [Policy]) throws(CommandError) -> GitleaksConfig? {
        guard let path = gitleaksConfig ?? policies.lazy.compactMap(\.gitleaksConfig).first else { return nil }
        do {
            return try GitleaksConfig.load(path: path)
        } catch {
            throw .incomplete("gitleaks config \(error.description)")
        }
    }

    /// Refuses a policy level whose rule id is neither built in nor a rule of `gitleaks` (the first by id).
    private func checkLevels(of policies: [Policy], against gitleaks: GitleaksConfig?) throws(CommandError) {
        let gitleaksIDs = Set((gitleaks?.rules.map(\.id) ?? []) + (gitleaks?.extras.pathOnlyRules.map(\.id) ?? []))
        for policy in policies {
            if let unknown = policy.secretLevelsOfOtherRules.filter({ !gitleaksIDs.contains($0.key) }).min(by: { $0.key < $1.key }
            ) {
                throw .usage(unknown.value)
            }
        }
    }
}
