/// Identity of one `sourcesContent` entry: XXH64 of its JSON-escaped bytes as they stream, plus their length (no
/// decoding needed). Also used to print other digests (finding fingerprints) as hex.
public struct ContentDigest: Hashable, Sendable, Comparable {
    public var bytes: [UInt8]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Sixteen bytes: the hash, then the escaped length, both big-endian.
    public init(hash: UInt64, escapedLength: UInt64) {
        bytes = withUnsafeBytes(of: hash.bigEndian, Array.init) + withUnsafeBytes(of: escapedLength.bigEndian, Array.init)
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
