import Synchronization

/// node-tar's reading of one stream (`NodeTarShadow`) behind a lock, so the tar bytes can be shown to it on the thread
/// that inflates them (off the scanning thread, which is the busier one on a tarball of many small members) while the
/// scanning thread compares each member libarchive hands out. A block is shown before it is passed on, so the shadow
/// has always read a header before libarchive parses it. `@unchecked Sendable`: the shadow is only touched under `lock`.
public final class NodeTarWatch: @unchecked Sendable {
    private let shadow = NodeTarShadow()
    private let lock = Mutex(())
    /// Bumped (acquiring and releasing) by every holder of `lock`: the mutex already orders the holders, this makes the
    /// order visible to ThreadSanitizer, which does not see a contended `Mutex` hand-over (its wait runs in
    /// uninstrumented code) and would report the shadow's fields as raced.
    private let handOver = Atomic<Int>(0)

    public init() {}

    /// Feeds the next bytes of the (uncompressed) tar stream; nothing once node-tar's reading is settled.
    func consume(_ block: UnsafeRawBufferPointer) {
        lock.withLock { _ in
            handOver.wrappingAdd(1, ordering: .acquiringAndReleasing)
            if shadow.isActive { shadow.consume(block) }
        }
    }

    /// See `NodeTarShadow.matchLibarchiveFile`.
    public func matchLibarchiveFile(path: String, size: Int64?, offset: Int64) -> String? {
        lock.withLock { _ in
            handOver.wrappingAdd(1, ordering: .acquiringAndReleasing)
            return shadow.matchLibarchiveFile(path: path, size: size, offset: offset)
        }
    }

    /// See `NodeTarShadow.finish`: call once the stream has been read to its end.
    public func finish() -> String? {
        lock.withLock { _ in
            handOver.wrappingAdd(1, ordering: .acquiringAndReleasing)
            return shadow.finish()
        }
    }
}

/// Passes a source's blocks through unchanged, showing each to a `NodeTarWatch` first (on the reading thread).
final class ShadowedByteSource: ByteSource {
    private let source: any ByteSource
    private let watch: NodeTarWatch

    init(source: any ByteSource, watch: NodeTarWatch) {
        self.source = source
        self.watch = watch
    }

    var failure: ArchiveError? { source.failure }

    func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        let block = try source.nextBlock()
        watch.consume(block)
        return block
    }
}

/// A producer whose every filled block is shown to a `NodeTarWatch` before it is handed on: with a
/// `PrefetchingByteSource`, node-tar's reading runs on the inflating thread.
final class ShadowingProducer: BlockProducer {
    private let producer: any BlockProducer
    private let watch: NodeTarWatch

    init(producer: any BlockProducer, watch: NodeTarWatch) {
        self.producer = producer
        self.watch = watch
    }

    func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        let count = try producer.fill(buffer)
        watch.consume(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        return count
    }
}
