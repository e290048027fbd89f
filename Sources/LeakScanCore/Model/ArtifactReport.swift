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
    /// First-party exposure by top directory, largest first (at most `maxDirectories`).
    public let directories: [DirectoryExposure]
    /// The exposed sources kept for `--list-sources` (see `ListedSources`); `totals.raw.files` counts them all.
    public let listedSources: [ListedSources.Entry]
    /// The de-duplication records behind `totals`, for totals that span artifacts (`ScanReport`).
    let ledger: ExposureLedger

    /// Most directory groups kept (the JSON report's; the text report shows the first few).
    public static let maxDirectories = 50

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

    /// `maps` with their exposed sources attached (every one is counted and listed).
    public init(
        name: String, origin: Origin, maps: [MapFinding], references: [Reference], notes: [Note],
        diagnostics: [Diagnostic], statistics: ScanStatistics, input: ArtifactInput = ArtifactInput()
    ) {
        var listing = ListedSources(limit: Int.max)
        for map in maps { listing.add(map) }
        self.init(
            name: name, origin: origin, maps: maps, exposure: ExposureLedger(maps: maps), listing: listing, ownScope: nil,
            references: references, notes: notes, diagnostics: diagnostics, statistics: statistics, input: input)
    }

    /// `maps` already counted in `exposure` and offered to `listing` as they were found (their sources may be dropped),
    /// attributed with `ownScope`, which also decides the parties the ledger and the listing kept open.
    public init(
        name: String, origin: Origin, maps: [MapFinding], exposure: ExposureLedger, listing: ListedSources,
        ownScope: String?, references: [Reference], notes: [Note], diagnostics: [Diagnostic], statistics: ScanStatistics,
        input: ArtifactInput = ArtifactInput()
    ) {
        self.name = name
        self.origin = origin
        self.input = input
        self.maps = maps.sorted { $0.location < $1.location }
        self.references = references.sorted { $0.location < $1.location }
        self.notes = notes.sorted()
        self.diagnostics = diagnostics.sorted()
        self.statistics = statistics
        ledger = exposure.resolved(ownScope: ownScope)
        totals = ledger.totals()
        directories = ledger.topDirectories(limit: Self.maxDirectories)
        listedSources = listing.entries(ownScope: ownScope)
    }
    public var isIncomplete: Bool { !diagnostics.isEmpty }
}
