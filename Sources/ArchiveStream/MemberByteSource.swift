/// Streams the current member of an outer reader as the input of a nested reader, so nested archives need no buffer.
public final class MemberByteSource: ByteSource {
    private let outer: any MemberReader
    private let onBlock: (Int) throws(ArchiveError) -> Void
    /// The last block of a `MemberHead`, handed out after its copied part.
    private var peeked: UnsafeRawBufferPointer?
    /// The copied part of a `MemberHead`, owned here so the pointer handed out stays valid until the next call.
    private var copiedHead: UnsafeMutableRawBufferPointer?
    private var handedOutCopiedHead = false
    private var ended = false
    public private(set) var failure: ArchiveError?

    /// `onBlock` sees the size of each block pulled (for byte limits) and may throw to stop the nested read.
    public init(outer: any MemberReader, onBlock: @escaping (Int) throws(ArchiveError) -> Void) {
        self.outer = outer
        self.onBlock = onBlock
    }

    /// Starts with the bytes of `head` (already read from `outer` and counted), then continues with the member.
    public convenience init(outer: any MemberReader, head: MemberHead, onBlock: @escaping (Int) throws(ArchiveError) -> Void) {
        self.init(outer: outer, onBlock: onBlock)
        if !head.copied.isEmpty {
            let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: head.copied.count, alignment: 16)
            copy.copyBytes(from: head.copied)
            copiedHead = copy
        }
        if !head.last.isEmpty { peeked = head.last }
        ended = head.reachedEnd
    }

    deinit {
        copiedHead?.deallocate()
    }

    public func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        if let copiedHead, !handedOutCopiedHead {
            handedOutCopiedHead = true
            return UnsafeRawBufferPointer(copiedHead)
        }
        if let block = peeked {
            peeked = nil
            return block
        }
        if ended { return UnsafeRawBufferPointer(start: nil, count: 0) }
        do {
            let block = try outer.readBlock()
            if block.isEmpty { ended = true }
            try onBlock(block.count)
            return block
        } catch {
            failure = error
            throw error
        }
    }
}
