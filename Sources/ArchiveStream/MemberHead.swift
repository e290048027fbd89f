/// The first bytes of a member, read ahead so its content can be recognised (`ContentSniffer`) before deciding how to
/// read it; the same bytes are handed out again before the rest of the member. Usually the first block is long enough
/// and nothing is copied; shorter blocks (a member that starts just before a block boundary, a tiny member) are copied.
public struct MemberHead {
    /// Blocks read before `last`, copied: a reader's block is valid only until its next read.
    public private(set) var copied: [UInt8] = []
    /// The most recent block, valid until the next read on the reader.
    public private(set) var last = UnsafeRawBufferPointer(start: nil, count: 0)
    /// True when the member ended within the head.
    public private(set) var reachedEnd = false

    public init() {}

    /// Reads blocks of the reader's current member until at least `minimum` bytes are seen or the member ends;
    /// `onBlock` sees each block's size (byte limits) and may throw. With the member's `declaredSize` (tar, zip), a
    /// short member is known to have ended when exactly that many bytes came, without another read (and a copy); a
    /// member that gives more than it declared is read to its real end.
    public static func read(
        from reader: any MemberReader, declaredSize: Int64? = nil, minimum: Int = ContentSniffer.headLength,
        onBlock: (Int) throws -> Void
    ) throws -> MemberHead {
        var head = MemberHead()
        while true {
            if let declaredSize, Int64(head.count) == declaredSize {
                head.reachedEnd = true
                return head
            }
            // The previous block dies with the next read: copy it first.
            if !head.last.isEmpty {
                head.copied += head.last
                head.last = UnsafeRawBufferPointer(start: nil, count: 0)
            }
            let block = try reader.readBlock()
            if block.isEmpty {
                head.reachedEnd = true
                return head
            }
            try onBlock(block.count)
            head.last = block
            if head.count >= minimum { return head }
        }
    }

    public var count: Int { copied.count + last.count }

    /// Calls `body` with the first bytes of the member as one contiguous buffer (all of them when it is short).
    public func withContiguousPrefix<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        if copied.isEmpty { return try body(last) }
        let joined = copied + last.prefix(ContentSniffer.headLength)
        return try joined.withUnsafeBytes(body)
    }

    /// Hands the head's bytes to `body` in order, block by block.
    public func forEachBlock(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        if !copied.isEmpty { try copied.withUnsafeBytes(body) }
        if !last.isEmpty { try body(last) }
    }
}
