/// XXH64 (xxHash, 64-bit) over a stream, fed chunk by chunk: identifies `sourcesContent` text for de-duplication at
/// several GB/s, where SHA-256 would cost as much as the tokenizer. Not cryptographic: a crafted collision could only
/// merge two sources in the unique-by-content count (raw and by-path counts are unaffected). Finding fingerprints use
/// two lanes of it (see `Fingerprint`).
public struct XXH64 {
    static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    private let seed: UInt64
    private var lanes: (UInt64, UInt64, UInt64, UInt64)
    private var total: UInt64 = 0
    /// Up to 31 bytes carried to the next `update` until a whole 32-byte stripe is there.
    private var carry: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var carried = 0

    public init(seed: UInt64 = 0) {
        self.seed = seed
        lanes = (seed &+ Self.prime1 &+ Self.prime2, seed &+ Self.prime2, seed, seed &- Self.prime1)
    }

    @inline(__always)
    static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        ((accumulator &+ input &* prime2) <<< 31) &* prime1
    }

    @inline(__always)
    static func merge(_ accumulator: UInt64, _ lane: UInt64) -> UInt64 {
        (accumulator ^ round(0, lane)) &* prime1 &+ prime4
    }

    @inline(__always)
    private mutating func stripe(_ start: UnsafeRawPointer) {
        lanes.0 = Self.round(lanes.0, start.loadUnaligned(as: UInt64.self).littleEndian)
        lanes.1 = Self.round(lanes.1, start.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian)
        lanes.2 = Self.round(lanes.2, start.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian)
        lanes.3 = Self.round(lanes.3, start.loadUnaligned(fromByteOffset: 24, as: UInt64.self).littleEndian)
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var start = bytes.baseAddress, !bytes.isEmpty else { return }
        var count = bytes.count
        total &+= UInt64(count)
        if carried > 0 {
            let taken = min(32 - carried, count)
            withUnsafeMutableBytes(of: &carry) { $0.baseAddress!.advanced(by: carried).copyMemory(from: start, byteCount: taken) }
            carried += taken
            start += taken
            count -= taken
            guard carried == 32 else { return }
            var stripeCopy = carry
            withUnsafeBytes(of: &stripeCopy) { stripe($0.baseAddress!) }
            carried = 0
        }
        while count >= 32 {
            stripe(start)
            start += 32
            count -= 32
        }
        if count > 0 {
            withUnsafeMutableBytes(of: &carry) { $0.baseAddress!.copyMemory(from: start, byteCount: count) }
            carried = count
        }
    }

    /// Bytes hashed so far.
    public var byteCount: UInt64 { total }

    public func finalize() -> UInt64 {
        var hash: UInt64
        if total >= 32 {
            hash = (lanes.0 <<< 1) &+ (lanes.1 <<< 7) &+ (lanes.2 <<< 12) &+ (lanes.3 <<< 18)
            hash = Self.merge(hash, lanes.0)
            hash = Self.merge(hash, lanes.1)
            hash = Self.merge(hash, lanes.2)
            hash = Self.merge(hash, lanes.3)
        } else {
            hash = seed &+ Self.prime5
        }
        hash &+= total
        var rest = carry
        withUnsafeBytes(of: &rest) { raw in
            var offset = 0
            while offset + 8 <= carried {
                hash ^= Self.round(0, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
                hash = (hash <<< 27) &* Self.prime1 &+ Self.prime4
                offset += 8
            }
            if offset + 4 <= carried {
                hash ^= UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian) &* Self.prime1
                hash = (hash <<< 23) &* Self.prime2 &+ Self.prime3
                offset += 4
            }
            while offset < carried {
                hash ^= UInt64(raw[offset]) &* Self.prime5
                hash = (hash <<< 11) &* Self.prime1
                offset += 1
            }
        }
        hash ^= hash >> 33
        hash &*= Self.prime2
        hash ^= hash >> 29
        hash &*= Self.prime3
        hash ^= hash >> 32
        return hash
    }
}

infix operator <<< : BitwiseShiftPrecedence

/// Rotate left.
@inline(__always)
func <<< (value: UInt64, amount: UInt64) -> UInt64 {
    (value << amount) | (value >> (64 - amount))
}
