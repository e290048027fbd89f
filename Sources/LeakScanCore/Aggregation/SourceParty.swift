/// Who owns an exposed source, as far as one map can tell while the scan is still walking: the artifact's own npm scope
/// (from its `package.json`, which may come after the map) decides the sources under `node_modules/@scope/…`.
public enum SourceParty: Hashable, Sendable {
    case firstParty
    case thirdParty
    /// First-party exactly when the artifact's own scope is this one (`@acme`), third-party otherwise.
    case firstPartyIfOwnScope(String)

    /// The party of `path` (normalized) in a map held by `mapMember`, before the own scope is known.
    public init(path: String, mapMember: String) {
        if SourcePath.isFirstParty(path, mapMember: mapMember) {
            self = .firstParty
        } else if let scope = SourcePath.candidateOwnScope(path, mapMember: mapMember),
            SourcePath.isFirstParty(path, mapMember: mapMember, ownScope: scope)
        {
            self = .firstPartyIfOwnScope(scope)
        } else {
            self = .thirdParty
        }
    }

    /// The party of an exposed source of a map held by `mapMember`: one its map already calls first-party (attributed
    /// with a known own scope) is; one it calls third-party stays so whatever the path alone says.
    public init(_ source: ExposedSource, mapMember: String) {
        if source.isFirstParty {
            self = .firstParty
            return
        }
        let party = SourceParty(path: source.path, mapMember: mapMember)
        self = party == .firstParty ? .thirdParty : party
    }

    /// Whether the source is first-party once the own scope is known (nil: the artifact has none).
    public func isFirstParty(ownScope: String?) -> Bool {
        switch self {
        case .firstParty: true
        case .thirdParty: false
        case .firstPartyIfOwnScope(let scope): scope == ownScope
        }
    }
}

extension SourcePath {
    /// The only own scope that could make `path` first-party: the segment after its first `node_modules` (or, when the
    /// path has none, after the map member's), when it names a scope (`@acme`).
    static func candidateOwnScope(_ normalizedPath: String, mapMember: String) -> String? {
        if let scope = withBytes(normalizedPath, { segmentAfterNodeModules(resource(of: $0)) }) { return scope }
        return withBytes(mapMember) { member in directory(of: member).flatMap(segmentAfterNodeModules) }
    }

    private static func segmentAfterNodeModules(_ path: UnsafeBufferPointer<UInt8>) -> String? {
        var afterNodeModules = false
        var scope: String?
        forEachSegment(path) { segment in
            if afterNodeModules {
                if segment.first == UInt8(ascii: "@") { scope = String(decoding: segment, as: UTF8.self) }
                return false
            }
            afterNodeModules = isNodeModules(segment)
            return true
        }
        return scope
    }
}
