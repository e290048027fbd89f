/// Runs a `BlockProducer` (gzip inflate) on its own thread, a few blocks ahead of the reader, so inflating and
/// scanning overlap on two cores. Memory is fixed: `slotCount × slotSize`.
public final class PrefetchingByteSource: ByteSource {
    private let ring: PrefetchRing
    public private(set) var failure: ArchiveError?

    public init(producer: any BlockProducer, slotCount: Int = 4, slotSize: Int = 1 << 18) {
        let ring = PrefetchRing(slotCount: slotCount, slotSize: slotSize)
        self.ring = ring
        // Handed over whole: from here on only the producer thread touches it.
        nonisolated(unsafe) let producer = producer
        DetachedThread.start { ring.produce(with: producer) }
    }

    /// The producer may still be running (the reader stopped early): stop and join it before the ring goes.
    deinit {
        ring.stop()
    }

    public func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        if let failure { throw failure }
        do {
            return try ring.next()
        } catch {
            failure = error
            throw error
        }
    }
}
