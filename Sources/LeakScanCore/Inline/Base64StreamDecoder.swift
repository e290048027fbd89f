/// Decodes standard or URL-safe base64 chunk by chunk, so an inline map never needs its whole payload in memory.
public struct Base64StreamDecoder {
    private var quantum: UInt32 = 0
    private var pending = 0
    private var sawPadding = false

    public init() {}

    private static let padding: UInt8 = 64
    private static let notPayload: UInt8 = 0xFF
    /// Each byte's 6-bit value in either alphabet, `padding` for `=`, `notPayload` for everything else.
    private static let values: [UInt8] = (0...255).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt8(byte) - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        case UInt8(ascii: "="): padding
        default: notPayload
        }
    }

    /// Decodes the payload at the start of `input` (alphabet characters and `=` padding; anything after padding is
    /// ignored), appending completed bytes to `output`. Returns how many bytes were payload: decoding stops at the
    /// first byte that is not.
    public mutating func decode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int {
        output.reserveCapacity(output.count + input.count / 4 * 3 + 3)
        return Self.values.withUnsafeBufferPointer { values in
            for (index, byte) in input.enumerated() {
                let value = values[Int(byte)]
                if value == Self.notPayload { return index }
                if value == Self.padding || sawPadding {
                    sawPadding = true
                    continue
                }
                quantum = quantum << 6 | UInt32(value)
                pending += 1
                if pending == 4 {
                    output.append(UInt8(truncatingIfNeeded: quantum >> 16))
                    output.append(UInt8(truncatingIfNeeded: quantum >> 8))
                    output.append(UInt8(truncatingIfNeeded: quantum))
                    quantum = 0
                    pending = 0
                }
            }
            return input.count
        }
    }

    /// Flushes an unpadded final quantum. Returns false when the payload length cannot be valid base64.
    public mutating func finish(into output: inout [UInt8]) -> Bool {
        defer {
            quantum = 0
            pending = 0
        }
        switch pending {
        case 0: return true
        case 2:
            output.append(UInt8(truncatingIfNeeded: quantum >> 4))
            return true
        case 3:
            output.append(UInt8(truncatingIfNeeded: quantum >> 10))
            output.append(UInt8(truncatingIfNeeded: quantum >> 2))
            return true
        default: return false
        }
    }
}
