/// Turns a UTF-16 member (the byte order from its BOM, as browsers sniff scripts) into UTF-8 chunk by chunk, so the
/// `sourceMappingURL` finder reads it like any other script. Unpaired surrogates become U+FFFD; an odd trailing byte
/// is dropped.
struct UTF16Transcoder {
    let isBigEndian: Bool
    private var pendingByte: UInt8?
    private var highSurrogate: UInt16?
    private(set) var output: [UInt8] = []

    init(isBigEndian: Bool) {
        self.isBigEndian = isBigEndian
    }

    /// The byte order a BOM at the start of `bytes` announces: nil when there is no UTF-16 BOM.
    static func byteOrder(of first: UInt8, _ second: UInt8) -> Bool? {
        if first == 0xFF, second == 0xFE { return false }
        if first == 0xFE, second == 0xFF { return true }
        return nil
    }

    /// Transcodes `chunk` into `output` (replacing what a previous call left there).
    mutating func transcode(_ chunk: UnsafeRawBufferPointer) {
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(chunk.count * 3 / 2 + 4)
        for byte in chunk {
            guard let first = pendingByte else {
                pendingByte = byte
                continue
            }
            pendingByte = nil
            let unit = isBigEndian ? UInt16(first) << 8 | UInt16(byte) : UInt16(byte) << 8 | UInt16(first)
            append(unit)
        }
    }

    private mutating func append(_ unit: UInt16) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                appendScalar(0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00))
                return
            }
            appendScalar(0xFFFD)
        }
        if (0xD800...0xDBFF).contains(unit) {
            highSurrogate = unit
        } else {
            appendScalar((0xDC00...0xDFFF).contains(unit) ? 0xFFFD : UInt32(unit))
        }
    }

    private mutating func appendScalar(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Ends the input: a dangling high surrogate becomes U+FFFD.
    mutating func finish() {
        output.removeAll(keepingCapacity: true)
        if highSurrogate != nil {
            highSurrogate = nil
            appendScalar(0xFFFD)
        }
    }
}
