/// Streams the current member of an outer reader as the input of a nested reader, so nested archives need no buffer.
public final class MemberByteSource: ByteSource {
    private let outer: ArchiveReader
    private let onBlock: (Int) throws(ArchiveError) -> Void
    /// A block read ahead by `startsWithGzipMagic()`, handed out by the next `nextBlock()`.
    private var peeked: UnsafeRawBufferPointer?
    public private(set) var failure: ArchiveError?

    /// `onBlock` sees the size of each block pulled (for byte limits) and may throw to stop the nested read.
    public init(outer: ArchiveReader, onBlock: @escaping (Int) throws(ArchiveError) -> Void) {
        self.outer = outer
        self.onBlock = onBlock
    }

    /// True when the member starts with the gzip magic bytes; reads its first block and keeps it for `nextBlock()`.
    public func startsWithGzipMagic() throws(ArchiveError) -> Bool {
        let block = try peek()
        return block.count >= 2 && block[0] == 0x1f && block[1] == 0x8b
    }

    /// The member's first block (empty for an empty member), kept for the next `nextBlock()`.
    public func peek() throws(ArchiveError) -> UnsafeRawBufferPointer {
        if let peeked { return peeked }
        let block = try nextBlock()
        peeked = block
        return block
    }

    public func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        if let block = peeked {
            peeked = nil
            return block
        }
        do {
            let block = try outer.readBlock()
            try onBlock(block.count)
            return block
        } catch {
            failure = error
            throw error
        }
    }
}
