#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file descriptor in large blocks into one reused buffer; the descriptor is closed in `deinit`. 128 KiB blocks:
/// larger ones only add fresh pages to fault in on the thread that inflates (1 MiB cost 224 more faults per artifact).
public final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    public private(set) var failure: ArchiveError?
    /// When set, every block read also feeds it (the artifact's SHA-256, hashed as it streams).
    public var digest: InputDigest?
    /// Bytes read from the descriptor so far.
    private var position: Int64 = 0

    /// Opens `path` read-only; throws `.openFailed` with the system's reason.
    public init(path: String, blockSize: Int = 1 << 17) throws(ArchiveError) {
        #if canImport(Darwin)
            let descriptor = Darwin.open(path, O_RDONLY | O_CLOEXEC)
        #else
            let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        #endif
        guard descriptor >= 0 else {
            throw ArchiveError(code: .openFailed, status: 0, message: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        buffer = .allocate(byteCount: blockSize, alignment: 64)
    }

    /// Takes ownership of an open descriptor (a duplicate of standard input); throws for a negative one.
    public init(adopting descriptor: Int32, blockSize: Int = 1 << 17) throws(ArchiveError) {
        guard descriptor >= 0 else {
            throw ArchiveError(code: .openFailed, status: 0, message: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        buffer = .allocate(byteCount: blockSize, alignment: 64)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// True when the file starts with the gzip magic bytes `1f 8b`.
    public func startsWithGzipMagic() -> Bool {
        var magic: (UInt8, UInt8) = (0, 0)
        let count = withUnsafeMutableBytes(of: &magic) { pread(descriptor, $0.baseAddress, 2, 0) }
        return count == 2 && magic == (0x1f, 0x8b)
    }

    /// True when the file holds a tar header's `ustar` magic at offset 257 (ustar, pax and GNU tar).
    public func startsWithTarMagic() -> Bool {
        var magic: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
        let count = withUnsafeMutableBytes(of: &magic) { pread(descriptor, $0.baseAddress, 5, 257) }
        return count == 5 && magic == (0x75, 0x73, 0x74, 0x61, 0x72)
    }

    /// Up to `count` bytes from the start of the file, read without moving the read position.
    public func head(count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
        return Array(bytes.prefix(max(read, 0)))
    }

    public func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                let block = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
                digest?.observe(block, at: position)
                position += Int64(count)
                return block
            }
            if errno == EINTR { continue }
            let error = ArchiveError(code: .dataFailed, status: 0, message: "read failed: \(String(cString: strerror(errno)))")
            failure = error
            throw error
        }
    }
}
