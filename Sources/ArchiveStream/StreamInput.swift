import CArchive
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension MemberReaders {
    /// Standard input, opened with the reader its content needs: a redirected regular file is read in place (it can
    /// seek, so zips use their central directory and squashfs its tables); a pipe goes through `open(stream:onSpool:)`.
    /// Every byte read feeds `digest` when one is given.
    public static func openStandardInput(
        digest: InputDigest?, onSpool: (Int) throws(ArchiveError) -> Void
    ) throws(ArchiveError) -> any MemberReader {
        guard ArchiveReader.isRegularFile(descriptor: 0) else {
            let pipe = try FileByteSource(adopting: dup(0))
            pipe.digest = digest
            return try open(stream: pipe, onSpool: onSpool)
        }
        let file = try FileByteSource(adopting: dup(0))
        let head = file.head(count: 32)
        if head.withUnsafeBytes({ AsarReader.recognises($0) }) {
            file.digest = digest
            return AsarReader(source: file)
        }
        let image: any RandomAccessInput = try RandomAccessFile(adopting: dup(0))
        let input = digest.map { DigestingInput(image, digest: $0) } ?? image
        if head.withUnsafeBytes({ SquashfsReader.recognises($0) }) { return SquashfsReader(input: input) }
        return try ArchiveReader.open(randomAccess: input)
    }

    /// A stream that cannot seek (standard input on a pipe), recognised by its first bytes: asar is read as it
    /// streams, squashfs is spooled (bounded memory, then an unnamed file) for libsquashfs, everything else goes to
    /// `ArchiveReader.open(stream:onSpool:)`. `onSpool` sees each spooled block's size (for byte limits).
    public static func open(
        stream input: any ByteSource, onSpool: (Int) throws(ArchiveError) -> Void
    ) throws(ArchiveError) -> any MemberReader {
        let head = try ArchiveReader.readHead(of: input)
        let replay = ReplayByteSource(head: head, rest: input)
        if head.withUnsafeBytes({ AsarReader.recognises($0) }) { return AsarReader(source: replay) }
        if head.withUnsafeBytes({ SquashfsReader.recognises($0) }) {
            return SquashfsReader(input: try RandomAccessSpool.holding(replay, onBlock: onSpool))
        }
        return try ArchiveReader.open(stream: replay, onSpool: onSpool)
    }
}

extension ArchiveReader {
    /// True when `descriptor` is a regular file (it can be read at any offset).
    public static func isRegularFile(descriptor: Int32) -> Bool {
        var status = stat()
        return fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Opens a stream that cannot seek (standard input on a pipe). Compressed streams and archives that are read
    /// front to back (tar, ar, cpio, rpm, xar) stream straight into libarchive. Anything else — a zip, a 7z (its index
    /// is at the end), a CRX, or bytes that start like no archive (a self-extractor stub, a launch script in front of
    /// a zip) — is spooled (bounded memory, then an unnamed file) and read with random access, so a zip is read from
    /// its central directory as unzip and pip read it. `onSpool` sees each spooled block's size (for byte limits) and
    /// may throw.
    public static func open(
        stream input: any ByteSource, onSpool: (Int) throws(ArchiveError) -> Void
    ) throws(ArchiveError) -> ArchiveReader {
        let head = try readHead(of: input)
        let replay = ReplayByteSource(head: head, rest: input)
        if head.count > 0, streamsFrontToBack(head) {
            return try open(source: replay)
        }
        return try open(randomAccess: RandomAccessSpool.holding(replay, onBlock: onSpool))
    }

    /// The first 512 bytes of a stream (fewer when it is shorter): enough to see a tar header's `ustar` magic at
    /// offset 257, whatever sizes the pipe hands out.
    static func readHead(of input: any ByteSource) throws(ArchiveError) -> [UInt8] {
        var head: [UInt8] = []
        while head.count < 512 {
            let block = try input.nextBlock()
            if block.isEmpty { break }
            head += block
        }
        return head
    }

    /// True for compressed streams and archives a front-to-back reader handles exactly as their consumers do.
    static func streamsFrontToBack(_ head: [UInt8]) -> Bool {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && head[offset..<(offset + magic.count)].elementsEqual(magic)
        }
        return starts([0x1F, 0x8B]) || starts(Array("BZh".utf8)) || starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])
            || starts([0x28, 0xB5, 0x2F, 0xFD]) || starts([0x04, 0x22, 0x4D, 0x18]) || starts(Array("ustar".utf8), at: 257)
            || starts(Array("!<arch>\n".utf8)) || starts(Array("070701".utf8)) || starts(Array("070702".utf8))
            || starts(Array("070707".utf8)) || starts([0xC7, 0x71]) || starts([0x71, 0xC7])
            || starts([0xED, 0xAB, 0xEE, 0xDB]) || starts(Array("xar!".utf8))
    }
}

/// Hands out `head` first, then the rest of `rest`: bytes read ahead to sniff a stream, given back to its reader.
final class ReplayByteSource: ByteSource {
    private var head: [UInt8]
    private var headDone: Bool
    private let rest: any ByteSource

    init(head: [UInt8], rest: any ByteSource) {
        self.head = head
        headDone = head.isEmpty
        self.rest = rest
    }

    var failure: ArchiveError? { rest.failure }

    func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        if !headDone {
            headDone = true
            return head.withUnsafeBytes { UnsafeRawBufferPointer(start: $0.baseAddress, count: $0.count) }
        }
        return try rest.nextBlock()
    }
}
