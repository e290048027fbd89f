import Dispatch
import Synchronization

/// The bounded ring between a producer thread and one consumer: `slotCount` buffers of `slotSize` bytes, handed over
/// with two counting semaphores so every slot access is ordered by a signal/wait pair. `@unchecked Sendable` because
/// that ordering, not the type system, makes the shared slots safe: the producer side is `produce`/`stop`, the
/// consumer side is `next` (one consumer only).
final class PrefetchRing: @unchecked Sendable {
    let slotCount: Int
    let slotSize: Int
    private let storage: UnsafeMutableRawBufferPointer
    /// Per slot: bytes written, or the error that ended the stream.
    private let lengths: UnsafeMutablePointer<Int>
    private let errors: UnsafeMutablePointer<ArchiveError?>
    private let filled = DispatchSemaphore(value: 0)
    /// Created at 0 and signalled once per slot: libdispatch traps when a semaphore is freed below its initial value,
    /// which a ring stopped early would be.
    private let emptied = DispatchSemaphore(value: 0)
    private let producerExited = DispatchSemaphore(value: 0)
    private let stopRequested = Atomic<Bool>(false)
    /// Consumer state: slots taken so far, whether the last one is still held, whether the stream ended.
    private var consumed = 0
    private var holdsSlot = false
    private var ended = false

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

    private func slot(_ index: Int) -> UnsafeMutableRawBufferPointer {
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

    /// Consumer side: hands the previous slot back and waits for the next one. Empty at the end of the stream; the
    /// producer's error when it failed. The bytes stay valid until the next call.
    func next() throws(ArchiveError) -> UnsafeRawBufferPointer {
        if ended { return UnsafeRawBufferPointer(start: nil, count: 0) }
        if holdsSlot {
            holdsSlot = false
            consumed += 1
            emptied.signal()
        }
        filled.wait()
        let index = consumed % slotCount
        if let error = errors[index] {
            ended = true
            throw error
        }
        let length = lengths[index]
        if length == 0 {
            ended = true
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        holdsSlot = true
        return UnsafeRawBufferPointer(start: slot(index).baseAddress, count: length)
    }

    /// Asks the producer to stop (waking it if it waits for a slot) and waits until it has left the loop.
    func stop() {
        stopRequested.store(true, ordering: .releasing)
        emptied.signal()
        producerExited.wait()
    }
}
