/// What scanning one member produced, before references are classified against the rest of the archive.
public struct EntryFindings: Sendable {
    public var maps: [MapFinding] = []
    /// `sourceMappingURL` values that are URLs, in file order (the last one is effective).
    public var referenceURLs: [SourceMappingURLFinder.URLHit] = []
    /// Notes on undecodable inline payloads and similar oddities; they do not make the scan incomplete.
    public var notes: [Note] = []

    public init() {}
}
