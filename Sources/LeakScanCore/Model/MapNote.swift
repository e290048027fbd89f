/// Something about one map's content a reader should know: it still counts, but is malformed or truncated.
public enum MapNote: Hashable, Sendable {
    /// The input ended inside the map; `insideContent` when inside a `sourcesContent` entry (counted as far as it goes).
    case truncated(byteOffset: Int, insideContent: Bool)
    /// The JSON broke after the map had begun; what was read before still counts.
    case malformed(byteOffset: Int, reason: JSONSyntaxError)
    /// A `sourcesContent` entry that is neither a string nor null.
    case contentEntryNotAString(index: Int)
    /// A `sources` / `sourceRoot` / `url` string longer than the tokenizer keeps was cut.
    case nameTruncated(maxBytes: Int)
    /// The map has no `version`; read as a map anyway (DevTools and Node do not check it).
    case versionAbsent
    /// The map's `version` is not 3; read as a map anyway.
    case versionNotThree
    /// `sourcesContent` and `sources` differ in length.
    case lengthMismatch(contents: Int, sources: Int)
    /// `entries` of the map's `sourcesContent` held more secrets than are kept; each reports its first `keptPerEntry`.
    case secretsPastCap(entries: Int, keptPerEntry: Int)
}
