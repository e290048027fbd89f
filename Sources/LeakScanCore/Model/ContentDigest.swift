/// SHA-256 of one `sourcesContent` entry, taken over its JSON-escaped bytes as they stream (no decoding needed).
public struct ContentDigest: Hashable, Sendable, Comparable {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func < (lhs: ContentDigest, rhs: ContentDigest) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}
