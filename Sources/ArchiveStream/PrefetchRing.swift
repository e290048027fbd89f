import Dispatch
import Synchronization

/// The bounded ring between a producer thread and one consumer: `slotCount` buffers of `slotSize` bytes, handed over
/// with two counting semaphores so every slot access is ordered by a signal/wait pair.
final class PrefetchRing: @unchecked Sendable {
    let slotCount: Int
    let slotSize: Int
    private let storage: UnsafeMutableRawBufferPointer
    /// Per slot: bytes written, or the error that ended the stream.
    let lengths: UnsafeMutablePointer<Int>
    let errors: UnsafeMutablePointer<ArchiveError?>
    let filled = DispatchSemaphore(value: 0)
    /// Created at 0 and signalled once per slot: libdispatch traps when a semaphore is freed below its initial value,
    /// which a ring stopped early would be.
    let emptied = DispatchSemaphore(value: 0)
    private let producerExited = DispatchSemaphore(value: 0)
    private let stopRequested = Atomic<Bool>(false)

    init(slotCount: Int, slotSize: Int) {
        self.slotCount = slotCount
        self.slotSize = slotSize
        storage = .allocate(byteCount: slotCount * slotSize, alignment: 64)
        lengths = .allocate(capacity: slotCount)
        lengths.initialize(repeating: 0, count: slotCount)
        errors = .allocate(capacity: slotCount)
        errors.initialize(repeating: nil, count: slotCount)
        for _ in 0..<slotCount { emptied.signal() }
    }

    deinit {
        errors.deinitialize(count: slotCount)
        errors.deallocate()
        lengths.deallocate()
        storage.deallocate()
    }

    func slot(_ index: Int) -> UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(rebasing: storage[index * slotSize..<(index + 1) * slotSize])
    }

    /// The producer loop: fills free slots in order until the stream ends, fails or `stop()` is called.
    func produce(with producer: any BlockProducer) {
        defer { producerExited.signal() }
        var index = 0
        while true {
            emptied.wait()
            if stopRequested.load(ordering: .acquiring) { return }
            let ring = index % slotCount
            var finished = false
            do {
                lengths[ring] = try producer.fill(slot(ring))
                finished = lengths[ring] == 0
            } catch {
                errors[ring] = error
                finished = true
            }
            filled.signal()
            if finished { return }
            index += 1
        }
    }

    /// Asks the producer to stop (waking it if it waits for a slot) and waits until it has left the loop.
    func stop() {
        stopRequested.store(true, ordering: .releasing)
        emptied.signal()
        producerExited.wait()
    }
}
