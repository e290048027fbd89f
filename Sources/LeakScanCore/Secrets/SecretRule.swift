/// One pattern the secret scan looks for: a vendor's token format, a private-key header or a user's sensitive term.
/// The pattern is written in the syntax both engines accept (Vectorscan's PCRE subset and Swift `Regex`).
public struct SecretRule: Hashable, Sendable {
    /// Stable id used in reports, fingerprints and policies (`github-classic-token`).
    public var id: String
    /// The finding's level when no policy says otherwise.
    public var level: Rule.Level
    /// The regular expression; `secretGroup` names the capture that is the secret (0: the whole match).
    public var pattern: String
    public var secretGroup: Int
    /// Literals every match contains, for engines that search literals first (the pure-Swift fallback).
    public var anchors: [String]
    /// True when the anchors are matched without regard to ASCII case.
    public var anchorsIgnoreCase: Bool
    /// What kind of finding a match makes: a credential, or a term the user marked sensitive.
    public var kind: Kind
    /// Rules that are mostly noise (generic assignments) exist but are off unless a policy turns them on.
    public var isOnByDefault: Bool
    /// What a match must also pass before it is a hit (a gitleaks rule's entropy, keywords, path, allowlists); nil
    /// for the built-in rules and terms, which need nothing past the match.
    public var checks: SecretRuleChecks?
    /// Engines may report only the first match per entry (a keyword probe only needs to know it occurred).
    public var reportsOnce = false
    /// How far before its end a match may start, in decoded bytes: what the capturing pass looks back over. The
    /// built-in rules are bounded by `SecretEntryScanner.maxMatchLength`; a gitleaks rule need not be (gitleaks' own
    /// private-key rule matches the whole PEM block).
    public var reach = SecretEntryScanner.maxMatchLength

    public enum Kind: String, Hashable, Sendable, Codable {
        case secret, sensitiveTerm = "sensitive-term"
    }

    public init(
        id: String, level: Rule.Level = .error, pattern: String, secretGroup: Int = 0, anchors: [String],
        anchorsIgnoreCase: Bool = false, kind: Kind = .secret, isOnByDefault: Bool = true, checks: SecretRuleChecks? = nil
    ) {
        self.id = id
        self.level = level
        self.pattern = pattern
        self.secretGroup = secretGroup
        self.anchors = anchors
        self.anchorsIgnoreCase = anchorsIgnoreCase
        self.kind = kind
        self.isOnByDefault = isOnByDefault
        self.checks = checks
    }
}
