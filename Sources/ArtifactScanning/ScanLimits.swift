public import LeakScanCore

/// Safety limits of one artifact scan. Crossing one is a diagnostic naming the flag that raises it (fail closed).
public struct ScanLimits: Sendable, Equatable {
    /// Archives nested deeper than this are reported, not opened (`--max-depth`).
    public var maxDepth = 3
    /// Uncompressed bytes read per artifact (`--max-bytes`).
    public var maxTotalBytes: Int64 = 16 << 30
    /// Members per artifact, nested ones included (`--max-entries`).
    public var maxEntries = 1_000_000
    /// Distinct source paths (and distinct contents) de-duplicated per artifact (`--max-distinct-sources`): the
    /// artifact's totals keep a small record for each, so this bounds their memory; past it sources are still counted,
    /// without de-duplication, and the scan is incomplete.
    public var maxDistinctSources = 250_000
    public var tokenizer = SourceMapTokenizerLimits()
    /// Exposed sources kept by name for a listing (`--max-listed-sources` with `--list-sources`, else 0); every other
    /// source is only counted.
    public var listedSources = 10_000
    /// Inflate gzip on a second thread ahead of the scan; `BatchScan` turns it on only when a core is spare.
    public var inflateAhead = true
    /// Hash the artifact's bytes (SHA-256, size) as they stream in, for the reports that carry them (JSON); off, the
    /// scan does no hashing at all.
    public var hashesInput = true

    public init() {}
}
