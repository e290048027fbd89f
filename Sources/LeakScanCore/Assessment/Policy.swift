/// What fails a scan and what is deliberately allowed; read from `.leak-scan.json` (see `PolicyFile`).
public struct Policy: Hashable, Sendable {
    /// A map fails when its first-party lines exceed this (0: any first-party line fails).
    public var maxFirstPartyLines = 0
    /// Whether maps that embed only third-party (`node_modules`) sources fail.
    public var failOnThirdParty = false
    /// Whether maps without `sourcesContent` (names only) fail.
    public var failOnNamesOnly = false
    /// Findings deliberately accepted; each one says why.
    public var allow: [AllowEntry] = []
    /// Levels of secret and sensitive-term findings by secret rule id (`github-classic-token`), or by finding rule
    /// (`secret-exposed`) for all of them; the secret rule's own level otherwise.
    public var secretLevels: [String: Rule.Level] = [:]
    /// Ids in `secretLevels` that are not built-in rules: rules of the gitleaks file in force, or a mistake. Each maps
    /// to the error to report (with the policy file's line and column) when no gitleaks rule has the id.
    public var secretLevelsOfOtherRules: [String: String] = [:]
    /// Built-in secret rules that are off by default and this policy turns on (`generic-password-assignment`).
    public var enabledSecretRules: Set<String> = []
    /// Words the user marked sensitive (codenames, internal hosts): each occurrence is a `sensitive-term-exposed`.
    public var terms: [String] = []
    /// A `.gitleaks.toml` whose rules and allowlists join the secret scan (`secrets.gitleaksConfig`, resolved against
    /// the policy file's folder).
    public var gitleaksConfig: String?

    public init() {}

    /// An allowlist entry and its reason: a finding fingerprint; or a glob over the location inside the artifact (for
    /// a secret also over its source path) and/or a rule id (a finding rule or a secret rule), which must all match.
    public struct AllowEntry: Hashable, Sendable {
        public var pathGlob: String?
        public var fingerprint: String?
        public var rule: String?
        public var reason: String

        public init(pathGlob: String? = nil, fingerprint: String? = nil, rule: String? = nil, reason: String) {
            self.pathGlob = pathGlob
            self.fingerprint = fingerprint
            self.rule = rule
            self.reason = reason
        }

        func matches(_ finding: Finding) -> Bool {
            if let fingerprint, fingerprint == finding.fingerprint { return true }
            if let rule, rule != finding.rule.rawValue, rule != finding.secret?.ruleID { return false }
            guard let pathGlob else { return rule != nil }
            if let source = finding.secret?.sourcePath, Glob.matches(pathGlob, source) { return true }
            let inside = finding.location.chain.dropFirst().joined(separator: "!")
            return Glob.matches(pathGlob, inside)
        }
    }

    /// The level of a finding under this policy.
    func level(of finding: Finding) -> Rule.Level {
        switch finding.rule {
        case .firstPartySourceExposed:
            return (finding.firstParty?.lines ?? 0) > maxFirstPartyLines ? .error : .warning
        case .thirdPartySourceExposed:
            return failOnThirdParty ? .error : .warning
        case .sourceNamesExposed:
            return failOnNamesOnly ? .error : .note
        case .missingMapReference, .remoteMapReference, .scanIncomplete:
            return finding.rule.defaultLevel
        case .secretExposed, .sensitiveTermExposed:
            return finding.secret.flatMap { secretLevels[$0.ruleID] } ?? secretLevels[finding.rule.rawValue]
                ?? finding.level
        }
    }
}
