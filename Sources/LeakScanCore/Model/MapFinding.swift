/// One source map found in an artifact and what it exposes.
public struct MapFinding: Hashable, Sendable {
    public enum Kind: String, Sendable, Codable {
        /// A member that is a map (whatever its name).
        case file
        /// A `data:` URL inside a script or stylesheet.
        case inline
        /// An index map (`sections`).
        case index
        /// An inline map inside a decoded `sourcesContent` entry of another map (`containingEntries` says which).
        case nested
    }

    /// The member; for an inline map also the byte offset of its `sourceMappingURL=`.
    public var location: Location
    public var kind: Kind
    /// 1-based position of an inline map among the inline maps of its member: its identity across releases (the byte
    /// offset moves whenever code before it changes). Nil for map files.
    public var inlineOrdinal: Int?
    /// What the map holds; `condensed()` drops `summary.exposed` once the artifact's totals have counted it.
    public private(set) var summary: SourceMapSummary
    /// The exposed sources in which the secret scan found something (kept when the rest are dropped).
    public private(set) var secretSources: [ExposedSource]
    /// For a `nested` map: the normalized paths of the `sourcesContent` entries that hold it, outermost first
    /// (`pkg.tgz!package/cli.js.map → src/components/App.tsx (inline)`); empty otherwise.
    public var containingEntries: [String] = []
    /// The ledger identity of each of `summary.exposed`, computed once for this map's totals and the artifact's;
    /// dropped with them by `condensed()`.
    private(set) var identities: [SourceIdentity]
    /// This map's own totals, computed once (reports, findings and text all need them).
    public private(set) var totals: ExposureTotals
    /// Unique-by-path counts of sources that are first-party only under one own scope, by scope (`attributed`).
    private var ownScopeShifts: [String: ExposureCount]

    public init(location: Location, kind: Kind, inlineOrdinal: Int? = nil, summary: SourceMapSummary) {
        self.location = location
        self.kind = kind
        self.inlineOrdinal = inlineOrdinal
        self.summary = summary
        secretSources = summary.exposed.filter { !$0.secrets.isEmpty }
        identities = summary.exposed.map { SourceIdentity($0, mapMember: location.member) }
        var ledger = ExposureLedger(tracksDirectories: false)
        ledger.add(summary, identities: identities)
        totals = ledger.totals()
        ownScopeShifts = ledger.ownScopeShifts()
    }

    /// The same finding without its list of exposed sources (counts, notes and secret-bearing sources stay): what an
    /// artifact keeps of a map once `ExposureLedger` and `ListedSources` have taken what the reports need.
    public func condensed() -> MapFinding {
        var finding = self
        finding.summary.exposed = []
        finding.identities = []
        return finding
    }

    /// What `ownScope` moves from third- to first-party in this map's totals, when it moves anything.
    func ownScopeShift(_ ownScope: String) -> ExposureCount? {
        ownScopeShifts[ownScope]
    }

    /// The same finding with `shift` counted first- instead of third-party (its sources already dropped).
    func shifted(firstParty shift: ExposureCount) -> MapFinding {
        var finding = self
        finding.totals.firstParty.add(shift)
        finding.totals.thirdParty.add(shift, sign: -1)
        finding.ownScopeShifts = [:]
        return finding
    }

    public var exposesContent: Bool { totals.raw.files > 0 }
    public var exposesFirstParty: Bool { totals.firstParty.files > 0 }
}
