/// What a ledger keys one exposed source by: the hash of its path and its party. A map's finding computes these once
/// for its own totals, and the artifact's ledger reuses them (attribution and hashing are most of a source's cost).
struct SourceIdentity: Hashable, Sendable {
    let key: PathKey
    let party: SourceParty

    init(_ source: ExposedSource, mapMember: String) {
        key = PathKey(source.path)
        party = SourceParty(source, mapMember: mapMember)
    }
}
