/// A dictionary that, once it holds more than `shardingThreshold` records, is split over 64 dictionaries by bits of a
/// hash the key already carries. A dictionary copies itself into twice the room when it grows; one of 64 copies a 64th
/// of the records, so a table of a million distinct sources never holds two copies of itself (one big dictionary
/// would, and that copy was the peak of a hostile scan's memory). Below the threshold one dictionary holds everything:
/// a map of a few sources allocates one table, not one per shard it touches.
struct ShardedTable<Key: ShardedKey, Value: Hashable & Sendable>: Hashable, Sendable {
    private var small: [Key: Value] = [:]
    /// Empty until `small` outgrows the threshold; then 64 dictionaries and `small` is empty.
    private var shards: [[Key: Value]] = []
    static var shardingThreshold: Int { 4096 }

    subscript(key: Key) -> Value? {
        get { shards.isEmpty ? small[key] : shards[key.shard][key] }
        set {
            guard shards.isEmpty else {
                shards[key.shard][key] = newValue
                return
            }
            small[key] = newValue
            if small.count > Self.shardingThreshold { split() }
        }
    }

    /// Makes room for up to `count` records in the one dictionary, up to the threshold: a big map's sources would
    /// otherwise regrow it a dozen times on the way there. Past the threshold the shards grow as records come: `count`
    /// is an upper bound (contents repeat), and shards sized by it would hold buckets that stay empty.
    mutating func reserveCapacity(_ count: Int) {
        let room = min(count, Self.shardingThreshold + 1)
        guard shards.isEmpty, room > small.capacity else { return }
        small.reserveCapacity(room)
    }

    private mutating func split() {
        // Each shard takes about a 64th of the records: room for twice that, so moving them in does not regrow.
        var shard: [Key: Value] = [:]
        shard.reserveCapacity(small.count / 32)
        shards = Array(repeating: shard, count: 64)
        for (key, value) in small {
            shards[key.shard][key] = value
        }
        small = [:]
    }

    /// How many records the table holds.
    var count: Int {
        shards.isEmpty ? small.count : shards.reduce(0) { $0 + $1.count }
    }

    /// Every key and record, in no particular order.
    var entries: LazySequence<FlattenSequence<LazyMapSequence<[[Key: Value]], [Key: Value]>>> {
        (shards.isEmpty ? [small] : shards).lazy.flatMap { $0 }
    }

    /// Equal when they hold the same records, however they are split.
    static func == (lhs: Self, rhs: Self) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.entries.allSatisfy { key, value in rhs[key] == value }
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(count)
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
