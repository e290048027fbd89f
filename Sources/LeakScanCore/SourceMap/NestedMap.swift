/// A map found inside a decoded `sourcesContent` entry (an inline `sourceMappingURL=data:` comment at the end of an
/// original file, as the pre-compiler left it), with its sources resolved against the entry's path.
public struct NestedMap: Hashable, Sendable {
    /// The normalized paths of the entries that hold it, outermost first (one per level of nesting).
    public var entries: [String]
    /// Byte offset of the `sourceMappingURL=` in the decoded text of the innermost entry.
    public var offset: Int
    /// Byte offset of the inline map that holds the chain when that map is itself inline in a member (0 for a map file).
    public var hostOffset = 0
    public var summary: SourceMapSummary

    public init(entries: [String], offset: Int, summary: SourceMapSummary) {
        self.entries = entries
        self.offset = offset
        self.summary = summary
    }

    /// The same map seen from one level up: held by `entry`, its sources resolved against the entry's directory (as a
    /// browser resolves an inline map's sources against its script).
    func held(by entry: String) -> NestedMap {
        var resolved = summary
        var inner = entries
        if let slash = entry.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let directory = String(entry[..<slash])
            resolved.exposed = resolved.exposed.map { source in
                ExposedSource(path: SourcePath.normalize(source.path, sourceRoot: directory), stats: source.stats)
            }
            inner = inner.map { SourcePath.normalize($0, sourceRoot: directory) }
        }
        return NestedMap(entries: [entry] + inner, offset: offset, summary: resolved)
    }
}

/// Decodes `sourcesContent` entries as the tokenizer streams them (JSON escapes undone, in bounded pieces) and runs
/// the inline-map finder over the text. A class so the tokenizer, which holds one, stays cheap to move and so the
/// tokenizer → finder → inline decoder → tokenizer nesting has a reference in it.
final class EntryTextDecoder {
    let depth: Int
    let limits: SourceMapTokenizerLimits
    private var finder: SourceMappingURLFinder
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 14

    init(depth: Int, limits: SourceMapTokenizerLimits) {
        self.depth = depth
        self.limits = limits
        finder = SourceMappingURLFinder(limits: limits, depth: depth)
        buffer.reserveCapacity(Self.flushSize + 8)
    }

    /// Starts a new entry.
    func begin() {
        finder = SourceMappingURLFinder(limits: limits, depth: depth)
        buffer.removeAll(keepingCapacity: true)
    }

    /// A piece of an entry's escaped text holding only complete one-character escapes (`\n`, `\"` …), no `\u`.
    @inline(__always)
    func feedEscaped(_ base: UnsafePointer<UInt8>, count: Int) {
        var index = 0
        while index < count {
            let run = ByteScan.firstBackslash(base, from: index, end: count)
            buffer.append(contentsOf: UnsafeBufferPointer(start: base + index, count: run - index))
            index = run
            if index < count {
                if index + 1 < count { buffer.append(JSONEscape.simple(base[index + 1]) ?? base[index + 1]) }
                index += 2
            }
            if buffer.count >= Self.flushSize { flush() }
        }
    }

    /// One code unit decoded by the tokenizer's byte states (`\uXXXX` or an escape split across chunks).
    func feedScalar(_ scalar: UInt32) {
        if scalar < 0x80 {
            buffer.append(UInt8(scalar))
        } else if scalar < 0x800 {
            buffer += [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
        } else {
            buffer += [UInt8(0xE0 | scalar >> 12 & 0x0F), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        }
        if buffer.count >= Self.flushSize { flush() }
    }

    private func flush() {
        buffer.withUnsafeBytes { finder.consume($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends the entry; returns the maps found in it (direct ones and those nested deeper), relative to the entry.
    func end() -> [NestedMap] {
        flush()
        finder.finish()
        var found = finder.inlineMaps.map { NestedMap(entries: [], offset: $0.offset, summary: $0.summary) }
        found += finder.nestedMaps
        return found
    }
}
