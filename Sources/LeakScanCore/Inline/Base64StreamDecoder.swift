/// Decodes standard or URL-safe base64 one byte at a time, so an inline map never needs its whole payload in memory.
public struct Base64StreamDecoder {
    private var quantum: UInt32 = 0
    private var pending = 0
    private var sawPadding = false

    public init() {}

    /// The 6-bit value of a base64 or base64url character, or nil when the byte is not part of an alphabet.
    @inline(__always)
    public static func value(of byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(byte - UInt8(ascii: "a") + 26)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0") + 52)
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        default: nil
        }
    }

    /// True when `byte` continues a payload (an alphabet character or `=` padding).
    @inline(__always)
    public static func isPayload(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || value(of: byte) != nil
    }

    /// Accepts one payload byte (call only when `isPayload` is true) and appends any completed bytes to `output`.
    @inline(__always)
    public mutating func feed(_ byte: UInt8, into output: inout [UInt8]) {
        guard let value = Self.value(of: byte), !sawPadding else {
            sawPadding = true
            return
        }
        quantum = quantum << 6 | value
        pending += 1
        if pending == 4 {
            output.append(UInt8(truncatingIfNeeded: quantum >> 16))
            output.append(UInt8(truncatingIfNeeded: quantum >> 8))
            output.append(UInt8(truncatingIfNeeded: quantum))
            quantum = 0
            pending = 0
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
