/// Runs a `BlockProducer` (gzip inflate) on its own thread, a few blocks ahead of the reader, so inflating and
/// scanning overlap on two cores. Memory is fixed: `slotCount × slotSize`.
public final class PrefetchingByteSource: ByteSource {
    private let ring: PrefetchRing
    private var consumed = 0
    private var holdsSlot = false
    private var ended = false
    public private(set) var failure: ArchiveError?

    public init(producer: any BlockProducer, slotCount: Int = 4, slotSize: Int = 1 << 18) {
        let ring = PrefetchRing(slotCount: slotCount, slotSize: slotSize)
        self.ring = ring
        nonisolated(unsafe) let producer = producer
        DetachedThread.start { ring.produce(with: producer) }
    }

    /// The producer may still be running (the reader stopped early): stop and join it before the ring goes.
    deinit {
        ring.stop()
    }

    public func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        if let failure { throw failure }
        if ended { return UnsafeRawBufferPointer(start: nil, count: 0) }
        if holdsSlot {
            holdsSlot = false
            consumed += 1
            ring.emptied.signal()
        }
        ring.filled.wait()
        let index = consumed % ring.slotCount
        if let error = ring.errors[index] {
            failure = error
            ended = true
            throw error
        }
        let length = ring.lengths[index]
        if length == 0 {
            ended = true
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        holdsSlot = true
        return UnsafeRawBufferPointer(start: ring.slot(index).baseAddress, count: length)
    }
}
