/// Something that fills caller-owned buffers with the next bytes of a stream, so a producer thread can run it.
public protocol BlockProducer: AnyObject {
    /// Writes up to `buffer.count` bytes and returns how many; 0 means the stream ended cleanly.
    func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int
}
