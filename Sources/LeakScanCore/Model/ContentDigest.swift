/// Identity of one `sourcesContent` entry: XXH64 of its JSON-escaped bytes as they stream, plus their length (no
/// decoding needed). Also used to print other digests (finding fingerprints) as hex. Two words, no heap storage: one is
/// kept per exposed source.
public struct ContentDigest: Hashable, Sendable, Comparable {
    public var hash: UInt64
    public var escapedLength: UInt64

    public init(hash: UInt64, escapedLength: UInt64) {
        self.hash = hash
        self.escapedLength = escapedLength
    }

    /// From up to sixteen bytes: the hash, then the escaped length, both big-endian (missing bytes are zero).
    public init(bytes: [UInt8]) {
        func word(_ slice: ArraySlice<UInt8>) -> UInt64 {
            var value: UInt64 = 0
            for index in 0..<8 { value = value << 8 | UInt64(index < slice.count ? slice[slice.startIndex + index] : 0) }
            return value
        }
        hash = word(bytes.prefix(8))
        escapedLength = word(bytes.dropFirst(8).prefix(8))
    }

    /// Sixteen bytes: the hash, then the escaped length, both big-endian.
    public var bytes: [UInt8] {
        withUnsafeBytes(of: hash.bigEndian, Array.init) + withUnsafeBytes(of: escapedLength.bigEndian, Array.init)
    }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(32)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hash word alone: it is already a hash of everything the length says.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    public func _rawHashValue(seed: Int) -> Int {
        PreHashedKey.bucketHash(hash, seed: seed)
    }

    public static func < (lhs: ContentDigest, rhs: ContentDigest) -> Bool {
        (lhs.hash, lhs.escapedLength) < (rhs.hash, rhs.escapedLength)
    }
}
