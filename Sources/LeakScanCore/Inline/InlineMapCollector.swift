/// The inline maps of one text as their decoders finish (from its `sourceMappingURL` comments, or a wasm module's
/// `sourceMappingURL` section): the first `maxKept` as findings of their own with the maps nested in their entries, the
/// rest merged into one `InlineMapOverflow`, so a text of a million inline maps costs bounded memory.
struct InlineMapCollector {
    /// Inline maps kept as findings of their own; the rest (and their nested maps past the same number) are merged.
    static let maxKept = 1_000

    private(set) var inlineMaps: [(offset: Int, summary: SourceMapSummary)] = []
    /// Maps nested in the `sourcesContent` of the inline maps kept, with the offset of the inline map holding them.
    private(set) var nestedMaps: [NestedMap] = []
    private var overflow: InlineMapOverflow?
    private let maxEntries: Int

    init(maxEntries: Int) {
        self.maxEntries = maxEntries
    }

    /// Takes a decoder whose payload has ended; returns the note on a payload that is not a map.
    mutating func add(_ decoder: inout InlineMapDecoder) -> (byteOffset: Int, kind: Note.Kind)? {
        switch decoder.finish() {
        case .map(let summary) where inlineMaps.count < Self.maxKept:
            inlineMaps.append((decoder.offset, summary))
            for nested in decoder.nestedMaps {
                guard nestedMaps.count < Self.maxKept else {
                    merge(nested.summary, at: decoder.offset)
                    continue
                }
                var nested = nested
                nested.hostOffset = decoder.offset
                nestedMaps.append(nested)
            }
        case .map(let summary):
            merge(summary, at: decoder.offset)
            for nested in decoder.nestedMaps { merge(nested.summary, at: decoder.offset) }
        case .notAMap(let note): return (decoder.offset, note)
        case .nothing: break
        }
        return nil
    }

    private mutating func merge(_ summary: SourceMapSummary, at offset: Int) {
        var merged = overflow ?? InlineMapOverflow(offset: offset)
        merged.merge(summary, maxEntries: maxEntries)
        overflow = merged
    }

    /// Ends the text: the merged maps become one more finding; returns the note that says how many it holds.
    mutating func finish() -> (byteOffset: Int, kind: Note.Kind)? {
        guard let overflow else { return nil }
        inlineMaps.append((overflow.offset, overflow.summary))
        self.overflow = nil
        return (overflow.offset, .inlineMapsMerged(count: overflow.count))
    }
}
