/// One reportable fact about an artifact under a rule: what JSON, SARIF, annotations, policies and baselines work on.
/// Values only; the reporters word it.
public struct Finding: Hashable, Sendable {
    public var rule: Rule
    /// The level after the policy: `error` fails the scan.
    public var level: Rule.Level
    /// Chained location inside the artifact, the artifact itself first.
    public var location: Location
    public var subject: Subject
    /// What a map exposes (nil for references and problems).
    public var exposed: ExposureCount?
    public var firstParty: ExposureCount?
    /// For an inline map: its 1-based position among the inline maps of its member (its identity; see `Fingerprint`).
    public var inlineOrdinal: Int?
    /// For a nested map: the `sourcesContent` entries that hold it, outermost first.
    public var containingEntries: [String] = []
    /// Stable across releases and artifact file names: the rule plus the location without the artifact's name.
    public var fingerprint: String
    /// Why the finding does not count; shown, never dropped.
    public var suppression: Suppression?

    /// What the finding is about.
    public enum Subject: Hashable, Sendable {
        /// A map naming this many sources (its exposure is in `exposed`).
        case map(sources: Int)
        /// A `sourceMappingURL` whose target is not shipped or remote.
        case reference(url: String)
        /// A part of the artifact that could not be read.
        case problem(Diagnostic.Problem)
        /// A secret or sensitive term in the text of one source the map exposes.
        case secret(SecretFinding)
    }

    /// Where a secret is in the original file a map exposes, and what it is.
    public struct SecretFinding: Hashable, Sendable {
        /// The `SecretRule.id` that matched (`github-classic-token`).
        public var ruleID: String
        /// The source's normalized path, as the counting rules name it (innermost for a nested map).
        public var sourcePath: String
        /// 1-based line and 1-based column in UTF-16 code units of the original file.
        public var line: Int
        public var column: Int
        /// The secret itself; reporters redact it unless told not to.
        public var secret: String

        public init(ruleID: String, sourcePath: String, line: Int, column: Int, secret: String) {
            self.ruleID = ruleID
            self.sourcePath = sourcePath
            self.line = line
            self.column = column
            self.secret = secret
        }
    }

    /// The secret this finding is about, when it is one.
    public var secret: SecretFinding? {
        if case .secret(let secret) = subject { return secret }
        return nil
    }

    public enum Suppression: Hashable, Sendable {
        /// A policy allowlist entry, with its reason.
        case allowed(reason: String)
        /// Exposure accepted by the baseline report (and not grown since).
        case baseline
    }

    public var isActive: Bool { suppression == nil }
}
