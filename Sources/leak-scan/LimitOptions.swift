import ArgumentParser
import ArtifactScanning
import LeakScanCore

/// Safety limits as flags; every diagnostic about a crossed limit names the flag that raises it.
struct LimitOptions: ParsableArguments {
    @Option(name: .long, help: "Deepest nested archive opened (archive in archive).")
    var maxDepth = ScanLimits().maxDepth

    @Option(name: .long, help: "Uncompressed bytes read per artifact before the scan stops as incomplete (suffixes K, M, G, T).")
    var maxBytes = ByteCount(bytes: ScanLimits().maxTotalBytes)

    @Option(name: .long, help: "Members per artifact before the scan stops as incomplete.")
    var maxEntries = ScanLimits().maxEntries

    @Option(name: .long, help: "Deepest JSON nesting followed inside a source map.")
    var maxJsonDepth = ScanLimits().tokenizer.maxJSONDepth

    @Option(name: .long, help: "Most sources / sourcesContent entries / sections kept per source map (memory bound).")
    var maxMapEntries = ScanLimits().tokenizer.maxMapEntries

    @Option(name: .long, help: "Deepest level of inline maps nested in sourcesContent entries that is decoded (0: none).")
    var maxMapDepth = ScanLimits().tokenizer.maxNestedMapDepth

    @Option(name: .long, help: "Distinct source paths (and contents) de-duplicated per artifact (memory bound).")
    var maxDistinctSources = ScanLimits().maxDistinctSources

    func validate() throws {
        guard maxDepth >= 0, maxBytes.bytes > 0, maxEntries > 0, maxJsonDepth > 0, maxMapEntries > 0, maxMapDepth >= 0,
            maxDistinctSources > 0
        else {
            throw ValidationError("limits must be positive (--max-depth and --max-map-depth may be 0)")
        }
    }

    var scanLimits: ScanLimits {
        var limits = ScanLimits()
        limits.maxDepth = maxDepth
        limits.maxTotalBytes = maxBytes.bytes
        limits.maxEntries = maxEntries
        limits.tokenizer.maxJSONDepth = maxJsonDepth
        limits.tokenizer.maxMapEntries = maxMapEntries
        limits.tokenizer.maxNestedMapDepth = maxMapDepth
        limits.maxDistinctSources = maxDistinctSources
        return limits
    }
}
