/// Bucket hashing for keys that already are a 64-bit hash (`PathKey`, `ContentDigest`): their word is mixed with the
/// table's seed by a bijective finalizer instead of running SipHash (`Hasher`), which was most of the cost of counting
/// a source. The seed is the table's own (the standard library derives it from the table's storage address, which
/// address-space randomization makes unknown to whoever wrote the map), and the mix spreads every input bit over the
/// bucket bits, so names cannot be chosen to pile into one bucket without knowing it.
enum PreHashedKey {
    @inline(__always)
    static func bucketHash(_ word: UInt64, seed: Int) -> Int {
        var mixed = word ^ UInt64(truncatingIfNeeded: seed)
        mixed = (mixed ^ (mixed >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        mixed = (mixed ^ (mixed >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 33))
    }
}
