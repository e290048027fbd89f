#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds `//# sourceMappingURL=…` (also `//@` and `/*# … */`) comments in a script or stylesheet fed in chunks.
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
        case value(start: Int)
        /// Inside a `data:` payload. The decoder is boxed: it holds a whole tokenizer, and every member's finder
        /// would otherwise carry (and copy) that space although few ever meet an inline map.
        case payload(PayloadBox)
        case skippingValue
    }

    public let limits: SourceMapTokenizerLimits
    private var state = State.searching
    /// The input's last bytes (up to `carryLength`), for a pattern that spans a chunk boundary.
    private var carry: [UInt8] = []
    private var value: [UInt8] = []
    private var offset = 0
    public private(set) var urls: [URLHit] = []
    public private(set) var inlineMaps: [(offset: Int, summary: SourceMapSummary)] = []
    /// Notes at the byte offset of their `sourceMappingURL` value.
    public private(set) var notes: [(byteOffset: Int, kind: Note.Kind)] = []

    public init(limits: SourceMapTokenizerLimits = SourceMapTokenizerLimits()) {
        self.limits = limits
    }

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
        if matchStart >= 4 { return Array(UnsafeBufferPointer(start: base + matchStart - 4, count: 4)) }
        return Array((carry + UnsafeBufferPointer(start: base, count: matchStart)).suffix(4))
    }

    /// `//# `, `//@ `, `/*# ` or `/*@ ` (space or tab) must precede the pattern for it to be a comment.
    private func hasCommentPrefix(_ bytes: [UInt8], matchStart: Int) -> Bool {
        guard matchStart >= 4 else { return false }
        let slash = bytes[matchStart - 4], opener = bytes[matchStart - 3]
        let marker = bytes[matchStart - 2], space = bytes[matchStart - 1]
        return slash == UInt8(ascii: "/") && (opener == UInt8(ascii: "/") || opener == UInt8(ascii: "*"))
            && (marker == UInt8(ascii: "#") || marker == UInt8(ascii: "@"))
            && (space == UInt8(ascii: " ") || space == UInt8(ascii: "\t"))
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
        state = .value(start: patternOffset)
    }

    private mutating func consumeValue(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        var index = from
        while index < count {
            let byte = base[index]
            switch state {
            case .value(let start):
                if Self.endsURL(byte) {
                    endValue()
                    return index
                }
                value.append(byte)
                index += 1
                if byte == UInt8(ascii: ","), value.starts(with: "data:".utf8) {
                    let isBase64 = Self.declaresBase64(value)
                    let decoder = InlineMapDecoder(encoding: isBase64 ? .base64 : .percent, offset: start, limits: limits)
                    state = .payload(PayloadBox(decoder))
                } else if value.count > Self.maxURLBytes {
                    notes.append((start, .referenceTooLong(maxBytes: Self.maxURLBytes)))
                    state = .skippingValue
                }
            case .payload(let box):
                index = box.decoder.feed(base, from: index, count: count)
                if index < count {
                    endValue()
                    return index
                }
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

    /// True when the media type part of a `data:` URL (up to its comma) ends in `;base64`, in any case.
    private static func declaresBase64(_ dataURLPrefix: [UInt8]) -> Bool {
        let marker = Array(";base64,".utf8)
        guard dataURLPrefix.count >= marker.count else { return false }
        return zip(dataURLPrefix.suffix(marker.count), marker).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    private static func endsURL(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`")
            || byte == UInt8(ascii: "*")
    }

    private mutating func endValue() {
        switch state {
        case .value(let start):
            let url = String(decoding: value, as: UTF8.self)
            if Self.isURL(url) { urls.append(URLHit(url: url, offset: start)) }
        case .payload(let box):
            switch box.decoder.finish() {
            case .map(let summary): inlineMaps.append((box.decoder.offset, summary))
            case .notAMap(let note): notes.append((box.decoder.offset, note))
            case .nothing: break
            }
        case .searching, .skippingValue:
            break
        }
        state = .searching
    }

    /// Values that look like code (`${`, `+`, quotes, parentheses) are string building in a bundled library, not URLs.
    static func isURL(_ value: String) -> Bool {
        !value.isEmpty && !value.contains("${") && !value.contains(where: { "+()'\"`{}<>;,".contains($0) })
            && !value.hasPrefix("data:")
    }
}

/// Holds the inline map a finder is decoding.
private final class PayloadBox {
    var decoder: InlineMapDecoder

    init(_ decoder: InlineMapDecoder) {
        self.decoder = decoder
    }
}
