/// Everything found in one artifact, sorted for deterministic output.
public struct ArtifactReport: Hashable, Sendable {
    /// The name given on the command line (`-` reads as `<stdin>`).
    public let name: String
    public let maps: [MapFinding]
    public var references: [Reference]
    public var notes: [Note]
    public var diagnostics: [Diagnostic]
    public var statistics: ScanStatistics
    /// Totals over `maps`, computed once.
    public let totals: ExposureTotals

    public init(
        name: String, maps: [MapFinding], references: [Reference], notes: [Note], diagnostics: [Diagnostic],
        statistics: ScanStatistics
    ) {
        self.name = name
        self.maps = maps.sorted { $0.location < $1.location }
        self.references = references.sorted { $0.location < $1.location }
        self.notes = notes.sorted()
        self.diagnostics = diagnostics.sorted()
        self.statistics = statistics
        self.totals = ExposureTotals(maps: maps)
    }
    public var isIncomplete: Bool { !diagnostics.isEmpty }
}
