#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The conditions a gitleaks rule puts on a match besides its regex: kept as values (patterns, words, numbers) so the
/// model stays `Hashable`; `SecretCheckRegexes` compiles the patterns once per run.
public struct SecretRuleChecks: Hashable, Sendable {
    /// gitleaks' `secretGroup = 0` with capture groups: the secret is the first group that matched something.
    public var secretIsFirstNonEmptyGroup: Bool
    /// Shannon entropy the secret must exceed (gitleaks' `entropy`; 0: none).
    public var minimumEntropy: Double
    /// Lowercased words of which at least one must occur (any case) in the entry for the rule to fire; empty: none.
    public var keywords: [String]
    /// A regular expression the source path must match (gitleaks' `path`).
    public var pathPattern: String?
    /// The rule's own allowlists (`[[rules.allowlists]]`).
    public var allowlists: [SecretAllowlist]

    public init(
        secretIsFirstNonEmptyGroup: Bool = false, minimumEntropy: Double = 0, keywords: [String] = [],
        pathPattern: String? = nil, allowlists: [SecretAllowlist] = []
    ) {
        self.secretIsFirstNonEmptyGroup = secretIsFirstNonEmptyGroup
        self.minimumEntropy = minimumEntropy
        self.keywords = keywords
        self.pathPattern = pathPattern
        self.allowlists = allowlists
    }
}

/// One gitleaks allowlist: a hit is dropped when its secret, match or line matches a regex, its secret holds a stop
/// word, or its source path matches — any of them (`OR`, the default) or every one given (`AND`).
public struct SecretAllowlist: Hashable, Sendable {
    public enum Condition: String, Hashable, Sendable { case or = "OR", and = "AND" }
    /// What `regexes` are matched against.
    public enum Target: String, Hashable, Sendable { case secret, match, line }

    public var condition: Condition
    public var regexes: [String]
    public var regexTarget: Target
    public var paths: [String]
    /// Lowercased; found anywhere in the lowercased secret.
    public var stopwords: [String]
    /// For a global allowlist: the rules it applies to (gitleaks' `targetRules`); empty: every rule.
    public var ruleIDs: [String]

    public init(
        condition: Condition = .or, regexes: [String] = [], regexTarget: Target = .secret, paths: [String] = [],
        stopwords: [String] = [], ruleIDs: [String] = []
    ) {
        self.condition = condition
        self.regexes = regexes
        self.regexTarget = regexTarget
        self.paths = paths
        self.stopwords = stopwords.map { $0.lowercased() }
        self.ruleIDs = ruleIDs
    }
}

/// A rule that matches source paths, not text (gitleaks' `path` without `regex`): every exposed source whose path
/// matches is a finding.
public struct PathOnlyRule: Hashable, Sendable {
    public var id: String
    public var level: Rule.Level
    public var pathPattern: String
    public var allowlists: [SecretAllowlist]

    public init(id: String, level: Rule.Level = .error, pathPattern: String, allowlists: [SecretAllowlist] = []) {
        self.id = id
        self.level = level
        self.pathPattern = pathPattern
        self.allowlists = allowlists
    }
}

/// What a run's secret scan does beyond matching rules, all set by a gitleaks file: global allowlists, path-only rules
/// and `gitleaks:allow` comments. Empty by default, and then no hit pays for any of it.
public struct SecretScanExtras: Hashable, Sendable {
    public var allowlists: [SecretAllowlist]
    public var pathOnlyRules: [PathOnlyRule]
    /// A hit whose line holds `gitleaks:allow` is dropped.
    public var honorsAllowComments: Bool

    public init(allowlists: [SecretAllowlist] = [], pathOnlyRules: [PathOnlyRule] = [], honorsAllowComments: Bool = false) {
        self.allowlists = allowlists
        self.pathOnlyRules = pathOnlyRules
        self.honorsAllowComments = honorsAllowComments
    }

    public var isEmpty: Bool { allowlists.isEmpty && pathOnlyRules.isEmpty && !honorsAllowComments }

    /// The comment that keeps a line's hits out of the report, as gitleaks spells it.
    public static let allowComment = "gitleaks:allow"
}

/// Shannon entropy of a string as gitleaks computes it: frequencies of Unicode scalars over the UTF-8 length.
public enum ShannonEntropy {
    public static func of(_ text: String) -> Double {
        let length = text.utf8.count
        guard length > 0 else { return 0 }
        var counts: [Unicode.Scalar: Int] = [:]
        for scalar in text.unicodeScalars { counts[scalar, default: 0] += 1 }
        var entropy = 0.0
        for count in counts.values {
            let frequency = Double(count) / Double(length)
            entropy -= frequency * log2(frequency)
        }
        return entropy
    }
}
