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

    public init() {}

    /// An allowlist entry: a glob over the location inside the artifact, or a finding fingerprint, and a reason.
    public struct AllowEntry: Hashable, Sendable {
        public var pathGlob: String?
        public var fingerprint: String?
        public var reason: String

        public init(pathGlob: String? = nil, fingerprint: String? = nil, reason: String) {
            self.pathGlob = pathGlob
            self.fingerprint = fingerprint
            self.reason = reason
        }

        func matches(_ finding: Finding) -> Bool {
            if let fingerprint, fingerprint == finding.fingerprint { return true }
            guard let pathGlob else { return false }
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
        }
    }
}
