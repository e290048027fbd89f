/// What scanning one member produced, before references are classified against the rest of the archive.
public struct EntryFindings: Sendable {
    public var maps: [MapFinding] = []
    /// `sourceMappingURL` values that are URLs, in file order (the last one is effective).
    public var referenceURLs: [SourceMappingURLFinder.URLHit] = []
    /// Notes on undecodable inline payloads and similar oddities; they do not make the scan incomplete.
    public var notes: [Note] = []
    /// The root `name` of a JSON member that is not a map (read from `package.json` for the package's own npm scope).
    public var packageName: String?

    public init() {}
}
