/// Stable identifiers of what leak-scan reports; JSON, SARIF and policies refer to these ids.
public enum Rule: String, Sendable, Codable, CaseIterable, Comparable {
    /// A map embeds the text of first-party sources: a leak.
    case firstPartySourceExposed = "first-party-source-exposed"
    /// A map embeds only `node_modules` sources.
    case thirdPartySourceExposed = "third-party-source-exposed"
    /// A map names sources but embeds none of their text.
    case sourceNamesExposed = "source-names-exposed"
    /// A `sourceMappingURL` points at a member that is not shipped.
    case missingMapReference = "missing-source-map-reference"
    /// A `sourceMappingURL` points at a remote URL (the map may be public on a CDN).
    case remoteMapReference = "remote-source-map-reference"
    /// Part of the artifact could not be read; a clean result cannot be claimed.
    case scanIncomplete = "scan-incomplete"
    /// A credential (a vendor's token format, a private key) in the text of an exposed source.
    case secretExposed = "secret-exposed"
    /// A term the user listed as sensitive (a codename, an internal host) in the text of an exposed source.
    case sensitiveTermExposed = "sensitive-term-exposed"

    public enum Level: String, Sendable, Codable {
        case error, warning, note
    }

    /// Default level: only first-party content and unreadable input fail the scan.
    public var defaultLevel: Level {
        switch self {
        case .firstPartySourceExposed, .scanIncomplete, .secretExposed, .sensitiveTermExposed: .error
        case .thirdPartySourceExposed, .missingMapReference, .remoteMapReference: .warning
        case .sourceNamesExposed: .note
        }
    }

    public static func < (lhs: Rule, rhs: Rule) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The rule a map finding falls under.
    public static func forMap(_ finding: MapFinding) -> Rule {
        if finding.exposesFirstParty { return .firstPartySourceExposed }
        if finding.exposesContent { return .thirdPartySourceExposed }
        return .sourceNamesExposed
    }
}
