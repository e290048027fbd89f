/// Streams the current member of an outer reader as the input of a nested reader, so nested archives need no buffer.
public final class MemberByteSource: ByteSource {
    private let outer: ArchiveReader
    private let onBlock: (Int) throws(ArchiveError) -> Void
    public private(set) var failure: ArchiveError?

    /// `onBlock` sees the size of each block pulled (for byte limits) and may throw to stop the nested read.
    public init(outer: ArchiveReader, onBlock: @escaping (Int) throws(ArchiveError) -> Void) {
        self.outer = outer
        self.onBlock = onBlock
    }

    public func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
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
