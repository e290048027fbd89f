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

    init(encoding: Encoding, offset: Int, limits: SourceMapTokenizerLimits) {
        self.encoding = encoding
        self.offset = offset
        self.tokenizer = SourceMapTokenizer(limits: limits)
        decoded.reserveCapacity(Self.flushSize + 4)
    }

    private static let flushSize = 1 << 14

    /// Accepts payload bytes from `base[from..<count]`. Returns the index of the first byte that ends the payload (it
    /// is not consumed), or `count` when the chunk ran out first.
    mutating func feed(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        var index = from
        switch encoding {
        case .base64:
            while index < count {
                let piece = UnsafeBufferPointer(start: base + index, count: min(count - index, Self.flushSize))
                let payload = base64.decode(piece, into: &decoded)
                index += payload
                payloadBytes += payload
                if decoded.count >= Self.flushSize { flush() }
                if payload < piece.count { break }
            }
        case .percent:
            while index < count {
                let byte = base[index]
                if byte <= 0x20 || tokenizer.isComplete || isCodeLiteral { break }
                feedPercent(byte)
                payloadBytes += 1
                index += 1
                if decoded.count >= Self.flushSize { flush() }
            }
        }
        return index
    }

    private mutating func feedPercent(_ byte: UInt8) {
        if !percentDigits.isEmpty || byte == UInt8(ascii: "%") {
            percentDigits.append(byte)
            guard percentDigits.count == 3 else { return }
            if let value = UInt8(String(decoding: percentDigits[1...], as: UTF8.self), radix: 16) {
                decoded.append(value)
            } else {
                decoded += percentDigits
            }
            percentDigits.removeAll(keepingCapacity: true)
        } else {
            decoded.append(byte)
        }
        if payloadBytes == 0 || (payloadBytes == 2 && decoded.count == 1) {
            isCodeLiteral = decoded.first.map { $0 != UInt8(ascii: "{") } ?? false
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
        if payloadBytes == 0 || isCodeLiteral { return .nothing }
        let validLength = encoding == .base64 ? base64.finish(into: &decoded) : true
        flush()
        if let summary = tokenizer.finish() { return .map(summary) }
        return .notAMap(.inlinePayloadNotAMap(encoding: encoding, payloadBytes: payloadBytes, invalidBase64Length: !validLength))
    }
}
