/// A safety bound of a scan, with the value in force. Crossing one stops part of the scan and makes the result
/// incomplete (fail closed); the reporters word it and name the flag that raises it.
public enum Limit: Hashable, Sendable {
    /// Archives nested deeper than this are not opened.
    case nestingDepth(Int)
    /// Uncompressed bytes read per artifact.
    case totalBytes(Int64)
    /// Members per artifact, nested ones included.
    case entries(Int)
    /// JSON nesting followed inside a source map.
    case jsonDepth(Int)
    /// `sources` / `sourcesContent` entries kept per map.
    case mapEntries(Int)
    /// Index maps (`sections`) nested inside index maps.
    case sectionDepth(Int)
    /// Maps nested in the `sourcesContent` entries of one map.
    case nestedMaps(Int)
    /// Levels of maps nested in `sourcesContent` entries that are decoded; a map one level deeper is not.
    case nestedMapDepth(Int)
    /// Distinct source paths (or contents) de-duplicated per artifact; more are counted without de-duplication.
    case distinctSources(Int)
    /// Bytes a secret rule's match is looked for back from where the engine saw it end; a longer match is not confirmed.
    case secretMatchLength(Int)

    /// The command-line flag that raises the limit; nil where only the code sets it.
    public var flag: String? {
        switch self {
        case .nestingDepth: "--max-depth"
        case .totalBytes: "--max-bytes"
        case .entries: "--max-entries"
        case .jsonDepth: "--max-json-depth"
        case .mapEntries: "--max-map-entries"
        case .nestedMapDepth: "--max-map-depth"
        case .distinctSources: "--max-distinct-sources"
        case .sectionDepth, .nestedMaps, .secretMatchLength: nil
        }
    }

    /// The bound in force when it was crossed.
    public var value: Int64 {
        switch self {
        case .nestingDepth(let value), .entries(let value), .jsonDepth(let value), .mapEntries(let value),
            .sectionDepth(let value), .nestedMaps(let value), .nestedMapDepth(let value), .distinctSources(let value),
            .secretMatchLength(let value):
            Int64(value)
        case .totalBytes(let value): value
        }
    }
}
