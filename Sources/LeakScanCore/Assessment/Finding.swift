/// One reportable fact about an artifact under a rule: what JSON, SARIF, annotations, policies and baselines work on.
public struct Finding: Hashable, Sendable, Codable {
    public var rule: Rule
    /// The level after the policy: `error` fails the scan.
    public var level: Rule.Level
    /// Chained location inside the artifact, the artifact itself first.
    public var location: Location
    public var message: String
    /// What a map exposes (nil for references and problems).
    public var exposed: ExposureCount?
    public var firstParty: ExposureCount?
    /// For an inline map: its 1-based position among the inline maps of its member (its identity; see `Fingerprint`).
    public var inlineOrdinal: Int?
    /// Stable across releases and artifact file names: the rule plus the location without the artifact's name.
    public var fingerprint: String
    /// Why the finding does not count (an allowlist entry's reason, or the baseline); shown, never dropped.
    public var suppression: String?

    public var isActive: Bool { suppression == nil }
}
