/// A dictionary split over 64 dictionaries by bits of a hash the key already carries. A dictionary copies itself into
/// twice the room when it grows; one of 64 copies a 64th of the records, so a table of a million distinct sources never
/// holds two copies of itself (one big dictionary would, and that copy was the peak of a hostile scan's memory).
struct ShardedTable<Key: ShardedKey, Value: Hashable & Sendable>: Hashable, Sendable {
    private var shards: [[Key: Value]] = Array(repeating: [:], count: 64)

    subscript(key: Key) -> Value? {
        get { shards[key.shard][key] }
        set { shards[key.shard][key] = newValue }
    }

    /// Every key and record, in no particular order.
    var entries: LazySequence<FlattenSequence<LazyMapSequence<[[Key: Value]], [Key: Value]>>> {
        shards.lazy.flatMap { $0 }
    }
}

/// A key whose own bits are already a hash: `shard` (0..<64) picks its dictionary in a `ShardedTable`.
protocol ShardedKey: Hashable, Sendable {
    var shard: Int { get }
}

extension PathKey: ShardedKey {
    var shard: Int { Int(truncatingIfNeeded: low & 63) }
}

extension ContentDigest: ShardedKey {
    var shard: Int { Int(truncatingIfNeeded: hash & 63) }
}
