/// Runs a `BlockProducer` on the reading thread into one reused buffer: for nested streams, whose input is another
/// reader that must stay on this thread.
public final class ProducedByteSource: ByteSource {
    private let producer: any BlockProducer
    private let buffer: UnsafeMutableRawBufferPointer
    public private(set) var failure: ArchiveError?

    public init(producer: any BlockProducer, blockSize: Int = 1 << 18) {
        self.producer = producer
        buffer = .allocate(byteCount: blockSize, alignment: 64)
    }

    deinit {
        buffer.deallocate()
    }

    public func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        do {
            let count = try producer.fill(buffer)
            return UnsafeRawBufferPointer(rebasing: buffer[0..<count])
        } catch {
            failure = error
            throw error
        }
    }
}
