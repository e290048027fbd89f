#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A map found inside a decoded `sourcesContent` entry (an inline `sourceMappingURL=data:` comment at the end of an
/// original file, as the pre-compiler left it), with its sources resolved against the entry's path.
public struct NestedMap: Hashable, Sendable {
    /// The normalized paths of the entries that hold it, outermost first (one per level of nesting).
    public var entries: [String]
    /// Byte offset of the `sourceMappingURL=` in the decoded part of the innermost entry (decoding starts a few bytes
    /// ahead of the entry's first `sourceMappingURL`).
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
                var moved = ExposedSource(path: SourcePath.normalize(source.path, sourceRoot: directory), stats: source.stats)
                moved.secrets = source.secrets
                return moved
            }
            inner = inner.map { SourcePath.normalize($0, sourceRoot: directory) }
        }
        return NestedMap(entries: [entry] + inner, offset: offset, summary: resolved)
    }
}

/// Decodes `sourcesContent` entries as the tokenizer streams them (JSON escapes undone, in bounded pieces) and runs
/// the inline-map finder over the text. A class so the tokenizer, which holds one, stays cheap to move and so the
/// tokenizer → finder → inline decoder → tokenizer nesting has a reference in it.
///
/// Most entries hold no `sourceMappingURL` at all, so an entry is first only searched, in its escaped form (the name
/// has no character JSON escapes), at `memchr` speed for its `U`. From the first hit on, the entry is decoded for the
/// finder, starting a window of escaped bytes ahead of the hit so the comment's opening (`//#`, `\/\/#`, a
/// `\u00a0` …) is seen too.
final class EntryTextDecoder {
    let depth: Int
    let limits: SourceMapTokenizerLimits
    private var finder: SourceMappingURLFinder
    private var buffer: [UInt8] = []
    private var isDecoding = false
    /// Where the tokenizer writes an entry's decoded text as it walks a chunk when no secret scan takes it in place
    /// (grown to the largest chunk seen).
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 0
    /// Where the last `decodingSpace(for:)` pointed.
    private var decodedAt: UnsafeMutablePointer<UInt8>
    /// The last `window` bytes of the entry's decoded text while only searching.
    private var tail: [UInt8] = []
    private static let flushSize = 1 << 14
    private static let name = Array("sourceMappingURL".utf8)
    private static let anchorIndex = 13
    private static let window = 48

    /// Whether the entries are searched for inline maps (not past the cap of nested maps kept per map). At the nesting
    /// cap they are searched too, but the finder only counts the maps there (`mapsPastDepth`).
    private(set) var findsMaps: Bool
    private let secrets: SecretScanning?
    /// The secret scan over the whole decoded entry (made on the first entry, nil when the scan is off).
    private var secretScanner: SecretEntryScanner?
    /// The secrets of the entry that `end` closed.
    private(set) var secretHits: [SecretHit] = []
    /// True when the entry that `end` closed held more secret candidates than are kept (`maxHitsPerEntry`).
    private(set) var secretHitsCapped = false
    /// Set when the entry's secret scan saw a match longer than its window (see `SecretEntryScanner`).
    private(set) var unconfirmedSecretWindow: Int?
    /// Inline maps in the entry that `end` closed which were not decoded: deeper than `maxNestedMapDepth`.
    private(set) var mapsPastDepth = 0

    init(depth: Int, limits: SourceMapTokenizerLimits, secrets: SecretScanning? = nil) {
        self.depth = depth
        self.limits = limits
        findsMaps = true
        self.secrets = secrets
        finder = SourceMappingURLFinder(limits: limits, depth: depth, secrets: secrets)
        buffer.reserveCapacity(Self.flushSize + 8)
        scratch = .allocate(capacity: 0)
        decodedAt = scratch
    }

    deinit {
        scratch.deallocate()
    }

    /// Room for the decoded text of `count` escaped bytes, with the 128 bytes past it that the tokenizer's block
    /// copies may write: in the secret scanner's own buffer when it runs (the text is scanned where it is written).
    func decodingSpace(for count: Int) -> UnsafeMutablePointer<UInt8> {
        if let secretScanner {
            decodedAt = secretScanner.space(for: count)
        } else {
            if count + 128 > scratchCapacity {
                scratch.deallocate()
                scratchCapacity = count + 128
                scratch = .allocate(capacity: scratchCapacity)
            }
            decodedAt = scratch
        }
        return decodedAt
    }

    /// Stops searching entries for maps (the holding map keeps no more of them); the secret scan goes on.
    func stopFindingMaps() {
        findsMaps = false
    }

    /// Starts a new entry.
    func begin() {
        if let secrets {
            if secretScanner == nil { secretScanner = secrets.makeEntryScanner() }
            secretScanner?.begin()
        }
        secretHits = []
        if isDecoding { finder = SourceMappingURLFinder(limits: limits, depth: depth, secrets: secrets) }
        isDecoding = false
        buffer.removeAll(keepingCapacity: true)
        tail.removeAll(keepingCapacity: true)
    }

    /// The next `count` bytes of the entry's decoded text, written by the tokenizer at `decodingSpace(for:)`.
    @inline(__always)
    func feedDecoded(count: Int) {
        guard count > 0 else { return }
        if findsMaps { findMaps(in: UnsafePointer(decodedAt), count: count) }
        secretScanner?.commit(count)
    }

    /// Searches decoded text for `sourceMappingURL` and, from there on, hands the entry to the finder.
    private func findMaps(in base: UnsafePointer<UInt8>, count: Int) {
        if isDecoding {
            append(base, count: count)
            return
        }
        if let start = firstName(base, count: count) {
            isDecoding = true
            if start < Self.window {
                let keep = min(tail.count, Self.window - start)
                tail.suffix(keep).withUnsafeBufferPointer { append($0.baseAddress!, count: $0.count) }
                append(base, count: count)
            } else {
                append(base + start - Self.window, count: count - start + Self.window)
            }
            tail.removeAll(keepingCapacity: true)
            return
        }
        remember(UnsafeBufferPointer(start: base, count: count))
    }

    /// Where the name starts in the span, or a negative index when it starts in `tail`; nil when it is not there.
    private func firstName(_ base: UnsafePointer<UInt8>, count: Int) -> Int? {
        if !tail.isEmpty {
            let joined = tail + UnsafeBufferPointer(start: base, count: min(count, Self.name.count - 1))
            var start = max(0, tail.count - Self.name.count + 1)
            while start + Self.name.count <= joined.count {
                if joined[start..<(start + Self.name.count)].elementsEqual(Self.name) { return start - tail.count }
                start += 1
            }
        }
        var probe = Self.anchorIndex
        while probe < count, let hit = memchr(base + probe, Int32(UInt8(ascii: "U")), count - probe) {
            let anchor = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            let start = anchor - Self.anchorIndex
            if start + Self.name.count > count { return nil }
            if memcmp(base + start, Self.name, Self.name.count) == 0 { return start }
            probe = anchor + 1
        }
        return nil
    }

    private func remember(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.count >= Self.window {
            tail.removeAll(keepingCapacity: true)
            tail.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.suffix(Self.window)))
            return
        }
        let overflow = tail.count + bytes.count - Self.window
        if overflow > 0 { tail.removeFirst(overflow) }
        tail.append(contentsOf: bytes)
    }

    /// Adds decoded text for the finder, handing it over whenever `flushSize` bytes are gathered.
    private func append(_ base: UnsafePointer<UInt8>, count: Int) {
        var index = 0
        while index < count {
            if buffer.count >= Self.flushSize { flush() }
            let taken = min(count - index, Self.flushSize - buffer.count)
            buffer.append(contentsOf: UnsafeBufferPointer(start: base + index, count: taken))
            index += taken
        }
        if buffer.count >= Self.flushSize { flush() }
    }

    /// One code unit decoded by the tokenizer's byte states (`\uXXXX` or an escape split across chunks).
    func feedScalar(_ scalar: UInt32) {
        secretScanner?.feedUnit(scalar)
        guard findsMaps else { return }
        var bytes: [UInt8]
        if scalar < 0x80 {
            bytes = [UInt8(scalar)]
        } else if scalar < 0x800 {
            bytes = [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
        } else {
            bytes = [UInt8(0xE0 | scalar >> 12 & 0x0F), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        }
        guard isDecoding else {
            // `sourceMappingURL` itself may be partly `\u`-escaped: search the joined text again.
            if scalar == 0x55 || tail.count >= Self.name.count - 1 {
                bytes.withUnsafeBufferPointer { pointer in
                    if firstName(pointer.baseAddress!, count: pointer.count) != nil {
                        isDecoding = true
                        buffer += tail
                        buffer += bytes
                        tail.removeAll(keepingCapacity: true)
                    } else {
                        remember(pointer)
                    }
                }
            } else {
                bytes.withUnsafeBufferPointer { remember($0) }
            }
            return
        }
        buffer += bytes
        if buffer.count >= Self.flushSize { flush() }
    }

    /// The low half of a surrogate pair whose high half went to `feedScalar` (the finder needs neither half whole).
    func feedLowSurrogate(_ unit: UInt32) {
        secretScanner?.feedUnit(unit)
    }

    private func flush() {
        buffer.withUnsafeBytes { finder.consume($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Ends the entry; returns the maps found in it (direct ones and those nested deeper), relative to the entry.
    func end() -> [NestedMap] {
        if let secretScanner {
            secretHits = secretScanner.end()
            secretHitsCapped = secretScanner.reachedHitCap
            unconfirmedSecretWindow = secretScanner.unconfirmedMatchWindow
        }
        mapsPastDepth = 0
        guard isDecoding else { return [] }
        flush()
        finder.finish()
        mapsPastDepth = finder.inlineMapsNotDecoded
        var found = finder.inlineMaps.map { NestedMap(entries: [], offset: $0.offset, summary: $0.summary) }
        found += finder.nestedMaps
        return found
    }
}
