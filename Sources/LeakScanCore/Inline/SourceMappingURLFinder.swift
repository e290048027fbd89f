#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finds `//# sourceMappingURL=…` (also `//@` and `/*# … */`) comments in a script or stylesheet fed in chunks.
///
/// The grammar is V8's (`Scanner::TryToParseMagicComment`): `//`, `#` or `@`, exactly one whitespace character (any
/// of ECMAScript's, multi-byte ones included), the name, `=` right after it, any whitespace, then the value up to
/// whitespace or a line end; only whitespace may follow it on the line. `/*# … */` is the CSS spelling DevTools reads.
/// A `data:` value (scheme in any case) is decoded as the fetch spec's data: URL processor does: percent-decoding,
/// then forgiving base64 when the media type ends in `;base64`.
///
/// The search runs at `memmem` speed with a small carry-over across chunk boundaries; inline `data:` maps are
/// decoded as they stream, URL values are collected for reference classification.
public struct SourceMappingURLFinder {
    /// A comment whose value is a URL (classification happens later, when the archive's members are known).
    public struct URLHit: Hashable, Sendable {
        public var url: String
        public var offset: Int
    }

    private static let pattern = Array("sourceMappingURL=".utf8)
    private static let carryLength = 24
    private static let anchorIndex = 13
    private static let maxURLBytes = 2048

    private enum State {
        case searching
        case value
        /// Inside a `data:` URL's media type (any length), up to its comma; `value` keeps only its last bytes.
        case mediaType
        /// After a URL value: only whitespace may follow it up to the line's end (V8 drops the value otherwise).
        case trailing
        /// Inside a `data:` payload (decoded by `payloadBox`).
        case payload
        case skippingValue
    }

    public let limits: SourceMapTokenizerLimits
    private var state = State.searching
    /// The input's last bytes (up to `carryLength`), for a pattern that spans a chunk boundary.
    private var carry: [UInt8] = []
    private var value: [UInt8] = []
    /// True when the current comment opened with `/*` (the CSS spelling, closed by `*/`).
    private var isBlockComment = false
    /// Offset of the current comment's `sourceMappingURL=`.
    private var valueStart = 0
    /// The decoder of the current `data:` payload. Boxed: it holds a whole tokenizer, and every member's finder would
    /// otherwise carry (and copy) that space although few ever meet an inline map.
    private var payloadBox: PayloadBox?
    /// The URL waiting in the `trailing` state.
    private var pendingHit = URLHit(url: "", offset: 0)
    private var offset = 0
    public private(set) var urls: [URLHit] = []
    private var collector: InlineMapCollector
    public var inlineMaps: [(offset: Int, summary: SourceMapSummary)] { collector.inlineMaps }
    /// Notes at the byte offset of their `sourceMappingURL` value.
    public private(set) var notes: [(byteOffset: Int, kind: Note.Kind)] = []
    /// `data:` values seen but not decoded: the text is nested deeper than `maxNestedMapDepth` (its holder reports the
    /// limit, so a map past the cap makes the scan incomplete instead of going unseen).
    private(set) var inlineMapsNotDecoded = 0

    public init(limits: SourceMapTokenizerLimits = SourceMapTokenizerLimits(), secrets: SecretScanning? = nil) {
        self.init(limits: limits, depth: 0, secrets: secrets)
    }

    /// `depth`: how many `sourcesContent` entries the text being searched is nested in.
    init(limits: SourceMapTokenizerLimits, depth: Int, secrets: SecretScanning? = nil) {
        self.limits = limits
        self.depth = depth
        self.secrets = secrets
        collector = InlineMapCollector(maxEntries: limits.maxMapEntries)
    }

    private let depth: Int
    /// The secret scan for the entries of the inline maps found (nil when it is off).
    let secrets: SecretScanning?
    /// Maps nested in the `sourcesContent` of the inline maps found, with the offset of the inline map holding them.
    public var nestedMaps: [NestedMap] { collector.nestedMaps }

    public mutating func consume(_ chunk: UnsafeRawBufferPointer) {
        guard let raw = chunk.baseAddress, !chunk.isEmpty else { return }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        var index = 0
        if case .searching = state {
            index = searchAcrossBoundary(base, count: chunk.count)
        }
        while index < chunk.count {
            switch state {
            case .searching:
                index = search(base, from: index, count: chunk.count)
            default:
                index = consumeValue(base, from: index, count: chunk.count)
            }
        }
        updateCarry(base, count: chunk.count)
        offset += chunk.count
    }

    /// Ends the input and closes a value that ran to the end of the file.
    public mutating func finish() {
        endValue()
        if droppedURLs > 0 {
            notes.append((offset, .referencesNotKept(count: droppedURLs)))
        }
        if droppedNotes > 0 {
            notes.append((offset, .notesNotKept(count: droppedNotes)))
        }
        if let merged = collector.finish() { notes.append(merged) }
    }

    /// Inline maps kept per file as findings of their own; the rest are counted together in one more finding.
    /// Maps nested in their entries are kept up to the same number; the rest join that finding too.
    public static let maxInlineMapsKept = InlineMapCollector.maxKept
    /// Notes kept per file on its comments (payloads that are not maps …); the rest are counted in one more note.
    public static let maxNotesKept = 1_000
    private var droppedNotes = 0

    private mutating func keepNote(_ offset: Int, _ kind: Note.Kind) {
        if notes.count < Self.maxNotesKept { notes.append((offset, kind)) } else { droppedNotes += 1 }
    }

    /// Most URL references kept per file: the first ones, then always the last (the effective one); the rest are only
    /// counted, so a script of a million comments costs no memory.
    public static let maxURLsKept = 64
    private var droppedURLs = 0

    private mutating func keep(_ hit: URLHit) {
        if urls.count < Self.maxURLsKept {
            urls.append(hit)
        } else {
            urls[urls.count - 1] = hit
            droppedURLs += 1
        }
    }

    // MARK: - Searching

    /// Looks for a pattern that starts in the carried tail of the previous chunk and ends in this one.
    private mutating func searchAcrossBoundary(_ base: UnsafePointer<UInt8>, count: Int) -> Int {
        guard !carry.isEmpty else { return 0 }
        let joined = carry + UnsafeBufferPointer(start: base, count: min(count, Self.pattern.count))
        let minimumStart = carry.count - Self.pattern.count + 1
        var start = max(minimumStart, 0)
        while start + Self.pattern.count <= joined.count {
            if joined[start..<(start + Self.pattern.count)].elementsEqual(Self.pattern) {
                let end = start + Self.pattern.count - carry.count
                if hasCommentPrefix(joined, matchStart: start) {
                    beginValue(at: offset - carry.count + start)
                    return end
                }
            }
            start += 1
        }
        return 0
    }

    /// memchr for the pattern's `U` (rare in code), then a check of the bytes around it.
    private mutating func search(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        let anchor = Self.anchorIndex
        var probe = from + anchor
        while probe < count {
            guard let hit = memchr(base + probe, Int32(UInt8(ascii: "U")), count - probe) else { return count }
            let anchorPosition = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            let matchStart = anchorPosition - anchor
            probe = anchorPosition + 1
            guard matchStart + Self.pattern.count <= count,
                memcmp(base + matchStart, Self.pattern, Self.pattern.count) == 0
            else {
                if matchStart + Self.pattern.count > count { return count }
                continue
            }
            let prefix = prefixBytes(base, matchStart: matchStart)
            if hasCommentPrefix(prefix, matchStart: prefix.count) {
                beginValue(at: offset + matchStart)
                return matchStart + Self.pattern.count
            }
        }
        return count
    }

    private func prefixBytes(_ base: UnsafePointer<UInt8>, matchStart: Int) -> [UInt8] {
        if matchStart >= 6 { return Array(UnsafeBufferPointer(start: base + matchStart - 6, count: 6)) }
        return Array((carry + UnsafeBufferPointer(start: base, count: matchStart)).suffix(6))
    }

    /// `//` or `/*`, then `#` or `@`, then exactly one whitespace character must precede the pattern.
    private mutating func hasCommentPrefix(_ bytes: [UInt8], matchStart: Int) -> Bool {
        guard let space = Self.whitespaceLength(endingAt: matchStart, in: bytes), matchStart - space >= 3 else { return false }
        let slash = bytes[matchStart - space - 3], opener = bytes[matchStart - space - 2], marker = bytes[matchStart - space - 1]
        guard slash == UInt8(ascii: "/"), opener == UInt8(ascii: "/") || opener == UInt8(ascii: "*"),
            marker == UInt8(ascii: "#") || marker == UInt8(ascii: "@")
        else { return false }
        isBlockComment = opener == UInt8(ascii: "*")
        return true
    }

    /// The byte length of an ECMAScript WhiteSpace character (TAB, VT, FF, SP, NBSP, ZWNBSP, Zs) ending just before
    /// `end`, or nil.
    static func whitespaceLength(endingAt end: Int, in bytes: [UInt8]) -> Int? {
        guard end >= 1 else { return nil }
        let last = bytes[end - 1]
        if last == 0x20 || last == 0x09 || last == 0x0B || last == 0x0C { return 1 }
        if end >= 2, bytes[end - 2] == 0xC2, last == 0xA0 { return 2 }
        if end >= 3, isMultibyteWhitespace(bytes[end - 3], bytes[end - 2], last) { return 3 }
        return nil
    }

    /// U+1680, U+2000–U+200A, U+202F, U+205F, U+3000 and U+FEFF in UTF-8.
    static func isMultibyteWhitespace(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch (a, b) {
        case (0xE1, 0x9A): c == 0x80
        case (0xE2, 0x80): (0x80...0x8A).contains(c) || c == 0xAF
        case (0xE2, 0x81): c == 0x9F
        case (0xE3, 0x80): c == 0x80
        case (0xEF, 0xBB): c == 0xBF
        default: false
        }
    }

    /// Keeps the last `carryLength` bytes seen, reusing the carry's storage (one allocation per member, not per chunk).
    private mutating func updateCarry(_ base: UnsafePointer<UInt8>, count: Int) {
        let keep = min(count, Self.carryLength)
        let overflow = carry.count + keep - Self.carryLength
        if overflow > 0 { carry.removeFirst(overflow) }
        carry.append(contentsOf: UnsafeBufferPointer(start: base + count - keep, count: keep))
    }

    // MARK: - Values

    private mutating func beginValue(at patternOffset: Int) {
        value.removeAll(keepingCapacity: true)
        valueStart = patternOffset
        state = .value
    }

    private mutating func consumeValue(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        var index = from
        while index < count {
            let byte = base[index]
            switch state {
            case .value:
                let start = valueStart
                if value.isEmpty, byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C {
                    index += 1
                    continue
                }
                if Self.endsURL(byte) {
                    endValue(atLineEnd: byte == 0x0A || byte == 0x0D)
                    return index
                }
                value.append(byte)
                index += 1
                if value.count <= 3, value.first.map({ $0 >= 0xC2 }) == true, Self.isLeadingWhitespace(value) {
                    value.removeAll(keepingCapacity: true)
                } else if value.count == 5, Self.isDataScheme(value) {
                    value.removeAll(keepingCapacity: true)
                    state = .mediaType
                } else if value.count > Self.maxURLBytes {
                    keepNote(start, .referenceTooLong(maxBytes: Self.maxURLBytes))
                    state = .skippingValue
                }
            case .mediaType:
                let start = valueStart
                if Self.endsURL(byte) {
                    state = .searching
                    return index
                }
                index += 1
                if byte == UInt8(ascii: ","), depth > limits.maxNestedMapDepth {
                    inlineMapsNotDecoded += 1
                    state = .skippingValue
                } else if byte == UInt8(ascii: ",") {
                    let isBase64 = Self.declaresBase64(value)
                    let decoder = InlineMapDecoder(
                        encoding: isBase64 ? .base64 : .percent, offset: start, limits: limits, depth: depth,
                        secrets: secrets)
                    payloadBox = PayloadBox(decoder)
                    state = .payload
                } else {
                    if value.count == Self.mediaTypeTail { value.removeFirst() }
                    value.append(byte)
                }
            case .payload:
                guard let box = payloadBox else { return count }
                index = box.decoder.feed(base, from: index, count: count)
                if index < count {
                    endValue(atLineEnd: false)
                    return index
                }
            case .trailing:
                if byte == 0x0A || byte == 0x0D {
                    keep(pendingHit)
                    state = .searching
                    return index
                }
                guard byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte >= 0x80 else {
                    state = .searching
                    return index
                }
                index += 1
            case .skippingValue:
                if Self.endsURL(byte) {
                    state = .searching
                    return index
                }
                index += 1
            case .searching:
                return index
            }
        }
        return count
    }

    /// The last bytes of a media type kept: enough for `;base64`.
    static let mediaTypeTail = 7

    /// `data:` in any case.
    static func isDataScheme(_ bytes: [UInt8]) -> Bool {
        bytes.count == 5 && zip(bytes, "data:".utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// The length of a multi-byte whitespace character or line separator (U+2028, U+2029) at `index`, or nil.
    private static func multibyteSpaceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
        guard bytes[index] >= 0xC2, index + 1 < bytes.endIndex else { return nil }
        if bytes[index] == 0xC2 { return bytes[index + 1] == 0xA0 ? 2 : nil }
        guard index + 2 < bytes.endIndex else { return nil }
        let a = bytes[index], b = bytes[index + 1], c = bytes[index + 2]
        if isMultibyteWhitespace(a, b, c) || (a == 0xE2 && b == 0x80 && (c == 0xA8 || c == 0xA9)) { return 3 }
        return nil
    }

    /// A value that so far is only one multi-byte whitespace character (skipped before the value, as V8 does).
    private static func isLeadingWhitespace(_ bytes: [UInt8]) -> Bool {
        if bytes.count == 2 { return bytes[0] == 0xC2 && bytes[1] == 0xA0 }
        return bytes.count == 3 && isMultibyteWhitespace(bytes[0], bytes[1], bytes[2])
    }

    /// True when the media type of a `data:` URL (the bytes before its comma) ends in `;base64`, in any case.
    static func declaresBase64(_ mediaTypeTail: [UInt8]) -> Bool {
        let marker = Array(";base64".utf8)
        guard mediaTypeTail.count >= marker.count else { return false }
        return zip(mediaTypeTail.suffix(marker.count), marker).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// A value ends at whitespace or a line end (V8 reads up to either).
    private static func endsURL(_ byte: UInt8) -> Bool {
        byte <= 0x20
    }

    private mutating func endValue(atLineEnd: Bool = true) {
        switch state {
        case .value:
            let start = valueStart
            var bytes = value[...]
            if isBlockComment, bytes.count >= 2, bytes.suffix(2).elementsEqual("*/".utf8) { bytes = bytes.dropLast(2) }
            // A multi-byte whitespace or line separator ends the value too; only more of them may follow it.
            var cut = bytes.endIndex
            var trailingJunk = false
            var index = bytes.startIndex
            while index < bytes.endIndex {
                if let length = Self.multibyteSpaceLength(bytes, at: index) {
                    cut = min(cut, index)
                    index += length
                } else {
                    if cut != bytes.endIndex { trailingJunk = true }
                    index += 1
                }
            }
            let url = String(decoding: bytes[..<cut], as: UTF8.self)
            if Self.isURL(url), !trailingJunk {
                let hit = URLHit(url: url, offset: start)
                if isBlockComment || atLineEnd {
                    keep(hit)
                } else {
                    pendingHit = hit
                    state = .trailing
                    return
                }
            }
        case .trailing:
            keep(pendingHit)
        case .payload:
            guard let box = payloadBox else { break }
            payloadBox = nil
            if let note = collector.add(&box.decoder) { keepNote(note.byteOffset, note.kind) }
        case .searching, .skippingValue, .mediaType:
            break
        }
        state = .searching
    }

    /// Values that look like code (`${`, `+`, quotes, parentheses, a backslash) are string building in a bundled
    /// library, not URLs.
    public static func isURL(_ value: String) -> Bool {
        // Bytes, not characters (every excluded character is ASCII; `${` is excluded by its `{`): a script of a million
        // comments classifies each value in a few nanoseconds.
        let bytes = value.utf8
        guard !bytes.isEmpty, !bytes.contains(where: isCodeCharacter) else { return false }
        let scheme = bytes.prefix(5).map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
        return !scheme.elementsEqual("data:".utf8)
    }

    /// Characters that make a value JavaScript code or string content rather than a URL.
    private static func isCodeCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "'"), UInt8(ascii: "\""),
            UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\\"):
            true
        default:
            false
        }
    }
}

/// Holds the inline map a finder is decoding.
private final class PayloadBox {
    var decoder: InlineMapDecoder

    init(_ decoder: InlineMapDecoder) {
        self.decoder = decoder
    }
}
