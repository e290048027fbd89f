public import ArchiveStream

/// An in-memory `ByteSource` handing out `bytes` in blocks of `chunkSize`, to drive stream decoders at every split.
public final class ChunkedByteSource: ByteSource {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var position = 0
    private var block: [UInt8] = []
    public let failure: ArchiveError? = nil

    public init(_ bytes: [UInt8], chunkSize: Int) {
        self.bytes = bytes
        self.chunkSize = chunkSize
    }

    public func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        let end = min(position + chunkSize, bytes.count)
        block = Array(bytes[position..<end])
        position = end
        return block.withUnsafeBytes { UnsafeRawBufferPointer(start: $0.baseAddress, count: $0.count) }
    }
}
