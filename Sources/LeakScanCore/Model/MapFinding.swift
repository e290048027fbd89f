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
    public let summary: SourceMapSummary
    /// For a `nested` map: the normalized paths of the `sourcesContent` entries that hold it, outermost first
    /// (`pkg.tgz!package/cli.js.map → src/components/App.tsx (inline)`); empty otherwise.
    public var containingEntries: [String] = []
    /// This map's own totals, computed once (reports, findings and text all need them).
    public private(set) var totals = ExposureTotals()

    public init(location: Location, kind: Kind, inlineOrdinal: Int? = nil, summary: SourceMapSummary) {
        self.location = location
        self.kind = kind
        self.inlineOrdinal = inlineOrdinal
        self.summary = summary
        totals = ExposureTotals(maps: [self])
    }

    public var exposesContent: Bool { !summary.exposed.isEmpty }
    public var exposesFirstParty: Bool { totals.firstParty.files > 0 }
}
