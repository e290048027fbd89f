/// The dedup-by-path key of one source: 128 bits of XXH64 (two seeds) over its normalized path, so counting keeps
/// sixteen bytes per distinct path instead of the path. Two different paths sharing a key (about 2^-128 per pair) would
/// count once.
struct PathKey: Hashable, Sendable {
    let low: UInt64
    let high: UInt64

    init(_ path: String) {
        var path = path
        (low, high) = path.withUTF8 { bytes in
            var low = XXH64(seed: 0)
            var high = XXH64(seed: 0x9E37_79B9_7F4A_7C15)
            low.update(UnsafeRawBufferPointer(bytes))
            high.update(UnsafeRawBufferPointer(bytes))
            return (low.finalize(), high.finalize())
        }
    }

    /// One of the two words: they are already a hash, and hashing one costs half.
    func hash(into hasher: inout Hasher) {
        hasher.combine(low)
    }

    func _rawHashValue(seed: Int) -> Int {
        PreHashedKey.bucketHash(low, seed: seed)
    }
}
