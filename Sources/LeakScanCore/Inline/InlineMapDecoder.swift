#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams the payload of one `data:` URL into a `SourceMapTokenizer`, decoding base64 or percent-encoding on the way.
struct InlineMapDecoder {
    typealias Encoding = Note.InlineEncoding

    let encoding: Encoding
    let offset: Int
    private var base64 = Base64StreamDecoder()
    private var tokenizer: SourceMapTokenizer
    private var decoded: [UInt8] = []
    private var percentDigits: [UInt8] = []
    private(set) var payloadBytes = 0
    private var isCodeLiteral = false
    private var sawJSONStart = false
    /// True for a comment's value, which ends at whitespace; false for a URL of known length (a wasm section's), whose
    /// percent-encoded payload may hold raw whitespace (the fetch spec's data: URL processor keeps it).
    private let endsAtWhitespace: Bool

    /// Maps nested in the decoded map's `sourcesContent` (set by `finish`).
    private(set) var nestedMaps: [NestedMap] = []

    init(
        encoding: Encoding, offset: Int, limits: SourceMapTokenizerLimits, depth: Int = 0, secrets: SecretScanning? = nil,
        endsAtWhitespace: Bool = true
    ) {
        self.encoding = encoding
        self.offset = offset
        self.endsAtWhitespace = endsAtWhitespace
        self.tokenizer = SourceMapTokenizer(limits: limits, depth: depth, secrets: secrets)
        decoded.reserveCapacity(Self.flushSize + 4)
    }

    private static let flushSize = 1 << 14

    /// Accepts payload bytes from `base[from..<count]`. Returns the index of the first byte that ends the payload (it
    /// is not consumed), or `count` when the chunk ran out first.
    ///
    /// Both encodings are percent-decoded first, as the fetch spec's data: URL processor does; base64 then skips
    /// ASCII whitespace (forgiving-base64) and stops at the first byte outside the alphabet.
    mutating func feed(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        var index = from
        switch encoding {
        case .base64:
            while index < count {
                if !percentDigits.isEmpty || base[index] == UInt8(ascii: "%") {
                    guard feedBase64Escape(base[index]) else { return index }
                    index += 1
                    payloadBytes += 1
                    continue
                }
                let limit = min(count - index, Self.flushSize)
                let runLength =
                    memchr(base + index, Int32(UInt8(ascii: "%")), limit).map {
                        UnsafeRawPointer($0) - UnsafeRawPointer(base + index)
                    } ?? limit
                let piece = UnsafeBufferPointer(start: base + index, count: runLength)
                let payload = base64.decode(piece, into: &decoded)
                index += payload
                payloadBytes += payload
                if decoded.count >= Self.flushSize { flush() }
                if payload < piece.count { break }
            }
        case .percent:
            while index < count {
                let byte = base[index]
                if (byte <= 0x20 && endsAtWhitespace) || tokenizer.isComplete || isCodeLiteral { break }
                feedPercent(byte)
                payloadBytes += 1
                index += 1
                if decoded.count >= Self.flushSize { flush() }
            }
        }
        return index
    }

    /// One byte of a `%XX` escape inside a base64 payload. False when the escape is not one (the payload ends there).
    private mutating func feedBase64Escape(_ byte: UInt8) -> Bool {
        percentDigits.append(byte)
        guard percentDigits.count == 3 else { return percentDigits.count == 1 || Self.hexValue(byte) != nil }
        defer { percentDigits.removeAll(keepingCapacity: true) }
        guard let high = Self.hexValue(percentDigits[1]), let low = Self.hexValue(percentDigits[2]) else { return false }
        let value = high << 4 | low
        if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D { return true }
        return withUnsafePointer(to: value) { pointer in
            base64.decode(UnsafeBufferPointer(start: pointer, count: 1), into: &decoded) == 1
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private mutating func feedPercent(_ byte: UInt8) {
        if !percentDigits.isEmpty || byte == UInt8(ascii: "%") {
            percentDigits.append(byte)
            if percentDigits.count == 2, Self.hexValue(byte) == nil {
                appendDecoded(percentDigits[0])
                percentDigits.removeFirst()
                if byte == UInt8(ascii: "%") { return }
                appendDecoded(byte)
                percentDigits.removeAll(keepingCapacity: true)
                return
            }
            guard percentDigits.count == 3 else { return }
            if let high = Self.hexValue(percentDigits[1]), let low = Self.hexValue(percentDigits[2]) {
                appendDecoded(high << 4 | low)
                percentDigits.removeAll(keepingCapacity: true)
            } else {
                // `%X` then a non-digit: the `%` and the digit stand for themselves; the third byte may start an escape.
                appendDecoded(percentDigits[0])
                appendDecoded(percentDigits[1])
                let third = percentDigits[2]
                percentDigits.removeAll(keepingCapacity: true)
                if third == UInt8(ascii: "%") { percentDigits.append(third) } else { appendDecoded(third) }
            }
        } else {
            appendDecoded(byte)
        }
    }

    /// A decoded byte of a percent-encoded payload; the first that is not JSON whitespace decides whether it is JSON.
    private mutating func appendDecoded(_ byte: UInt8) {
        decoded.append(byte)
        if !sawJSONStart, byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
            sawJSONStart = true
            isCodeLiteral = byte != UInt8(ascii: "{")
        }
    }

    private mutating func flush() {
        decoded.withUnsafeBytes { tokenizer.consume($0) }
        decoded.removeAll(keepingCapacity: true)
    }

    /// The outcome: a map, nothing (an empty payload or a percent-encoded code literal), or a note on a bad payload.
    enum Outcome {
        case map(SourceMapSummary)
        case notAMap(Note.Kind)
        case nothing
    }

    mutating func finish() -> Outcome {
        if payloadBytes == 0 || isCodeLiteral || (encoding == .percent && !sawJSONStart) { return .nothing }
        if encoding == .percent {
            for byte in percentDigits { appendDecoded(byte) }
            percentDigits.removeAll()
        }
        let validLength = encoding == .base64 ? base64.finish(into: &decoded) : true
        flush()
        if let summary = tokenizer.finish() {
            nestedMaps = tokenizer.nestedMaps
            return .map(summary)
        }
        return .notAMap(.inlinePayloadNotAMap(encoding: encoding, payloadBytes: payloadBytes, invalidBase64Length: !validLength))
    }
}
