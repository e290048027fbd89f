/// Everything found in one artifact, sorted for deterministic output.
public struct ArtifactReport: Hashable, Sendable {
    /// The name given on the command line (`-` reads as `<stdin>`).
    public let name: String
    /// What was scanned: where a report can point a reader (a code-scanning alert) at a file of the repository.
    public let origin: Origin
    /// Format, size and SHA-256 of the bytes scanned.
    public var input: ArtifactInput
    public let maps: [MapFinding]
    public var references: [Reference]
    public var notes: [Note]
    public var diagnostics: [Diagnostic]
    public var statistics: ScanStatistics
    /// Totals over `maps`, computed once.
    public let totals: ExposureTotals

    /// Where the scanned bytes came from.
    public enum Origin: Hashable, Sendable {
        /// A file at this path (an archive or a single file).
        case file(path: String)
        /// A folder walked member by member; member paths are relative to it.
        case directory(path: String)
        case standardInput
        /// The tarball a package manager packed from this package folder.
        case packedPackage(directory: String)
    }

    public init(
        name: String, origin: Origin, maps: [MapFinding], references: [Reference], notes: [Note],
        diagnostics: [Diagnostic], statistics: ScanStatistics, input: ArtifactInput = ArtifactInput()
    ) {
        self.name = name
        self.origin = origin
        self.input = input
        self.maps = maps.sorted { $0.location < $1.location }
        self.references = references.sorted { $0.location < $1.location }
        self.notes = notes.sorted()
        self.diagnostics = diagnostics.sorted()
        self.statistics = statistics
        self.totals = ExposureTotals(maps: maps)
    }
    public var isIncomplete: Bool { !diagnostics.isEmpty }
}
