import CArchive
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Bytes that can be read at any offset: what a zip's central directory needs (it sits at the end of the file and
/// points back to every member).
public protocol RandomAccessInput: AnyObject {
    /// Total size in bytes.
    var size: Int64 { get }
    /// Copies up to `buffer.count` bytes starting at `offset` into `buffer`; returns how many (0 at or past the end).
    func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int
}

/// A member held for random access: in memory up to `memoryLimit` bytes, beyond it in an **unnamed** temporary file
/// (`O_TMPFILE`, or a file unlinked right after it was created — never a name taken from the member), so memory
/// stays bounded whatever the member's size. The file disappears when the spool is deinitialized.
///
/// Filling is the caller's loop (`append`), so each block can be counted against the byte limit as it arrives.
public final class RandomAccessSpool: RandomAccessInput {
    /// 4 MiB: two nested levels of spooled zips stay well inside the 32 MiB resident-memory budget.
    public static let defaultMemoryLimit = 4 << 20

    public let memoryLimit: Int
    private let directory: String
    private var memory: UnsafeMutableRawPointer?
    private var capacity = 0
    private var descriptor: Int32 = -1
    public private(set) var size: Int64 = 0

    /// `directory` holds the unnamed file when the member outgrows memory: `$TMPDIR`, else `/tmp`.
    public init(memoryLimit: Int = RandomAccessSpool.defaultMemoryLimit, directory: String? = nil) {
        self.memoryLimit = memoryLimit
        self.directory = directory ?? getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    }

    deinit {
        free(memory)
        if descriptor >= 0 { close(descriptor) }
    }

    /// A spool holding everything `source` hands out; `onBlock` sees each block's size before it is held (byte
    /// limits) and may throw.
    public static func holding(
        _ source: any ByteSource, onBlock: (Int) throws(ArchiveError) -> Void = { _ in }
    ) throws(ArchiveError) -> RandomAccessSpool {
        let spool = RandomAccessSpool()
        while true {
            let block = try source.nextBlock()
            if block.isEmpty { break }
            try onBlock(block.count)
            try spool.append(block)
        }
        return spool
    }

    /// True once the bytes went to the temporary file.
    public var isOnDisk: Bool { descriptor >= 0 }

    /// Appends one block; moves everything to the unnamed file when memory would exceed `memoryLimit`.
    public func append(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if descriptor < 0, Int(size) + bytes.count > memoryLimit {
            try moveToFile()
        }
        if descriptor >= 0 {
            try writeAll(UnsafeRawBufferPointer(start: base, count: bytes.count), at: size)
        } else {
            let needed = Int(size) + bytes.count
            if needed > capacity {
                let grown = min(memoryLimit, max(needed, capacity * 2, 64 << 10))
                guard let moved = realloc(memory, grown) else {
                    throw ArchiveError(
                        code: .dataFailed, status: 0, message: "cannot hold a member for random access: out of memory")
                }
                memory = moved
                capacity = grown
            }
            (memory! + Int(size)).copyMemory(from: base, byteCount: bytes.count)
        }
        size += Int64(bytes.count)
    }

    public func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        guard offset >= 0, offset < size, let target = buffer.baseAddress else { return 0 }
        let count = Int(min(Int64(buffer.count), size - offset))
        if let memory, descriptor < 0 {
            target.copyMemory(from: memory + Int(offset), byteCount: count)
            return count
        }
        var done = 0
        while done < count {
            let got = pread(descriptor, target + done, count - done, off_t(offset) + off_t(done))
            if got > 0 {
                done += got
            } else if got < 0, errno == EINTR {
                continue
            } else {
                throw Self.systemError("cannot read the temporary copy of a member")
            }
        }
        return count
    }

    /// The bytes at `offset` without copying, up to `maxCount`, while the spool is in memory; nil once on disk.
    func contiguousBytes(at offset: Int64, maxCount: Int) -> UnsafeRawBufferPointer? {
        guard let memory, descriptor < 0 else { return nil }
        guard offset < size else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: memory + Int(offset), count: Int(min(Int64(maxCount), size - offset)))
    }

    private func moveToFile() throws(ArchiveError) {
        var file = leak_scan_open_unnamed_file(directory)
        if file < 0 {
            // No O_TMPFILE on this filesystem: a file of our own random name, unlinked before anything is written.
            var template = Array("\(directory)/leak-scan-spool-XXXXXX".utf8CString)
            file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            if file >= 0 { template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) } }
        }
        guard file >= 0 else { throw Self.systemError("cannot create an unnamed temporary file in \(directory)") }
        descriptor = file
        if let memory, size > 0 {
            try writeAll(UnsafeRawBufferPointer(start: memory, count: Int(size)), at: 0)
        }
        free(memory)
        memory = nil
        capacity = 0
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer, at offset: Int64) throws(ArchiveError) {
        var done = 0
        while done < bytes.count {
            let wrote = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            if wrote > 0 {
                done += wrote
            } else if wrote < 0, errno == EINTR {
                continue
            } else {
                throw Self.systemError("cannot write the temporary copy of a member")
            }
        }
    }

    private static func systemError(_ what: String) -> ArchiveError {
        ArchiveError(code: .dataFailed, status: 0, message: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// A plain file opened for random access (`pread`), closed in `deinit`.
public final class RandomAccessFile: RandomAccessInput {
    private let descriptor: Int32
    public let size: Int64

    public convenience init(path: String) throws(ArchiveError) {
        try self.init(adopting: open(path, O_RDONLY | O_CLOEXEC))
    }

    /// Takes ownership of an open descriptor of a regular file (a duplicate of standard input), read from its start.
    public init(adopting descriptor: Int32) throws(ArchiveError) {
        guard descriptor >= 0 else {
            throw ArchiveError(code: .openFailed, status: 0, message: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        var status = stat()
        size = fstat(descriptor, &status) == 0 ? Int64(status.st_size) : 0
    }

    deinit {
        close(descriptor)
    }

    /// Reads past `size` too: files under /proc report size 0 yet hold bytes, and read errors must surface.
    public func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        guard offset >= 0, let target = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        while true {
            let got = pread(descriptor, target, buffer.count, off_t(offset))
            if got >= 0 { return got }
            if errno == EINTR { continue }
            throw ArchiveError(code: .dataFailed, status: 0, message: "read failed: \(String(cString: strerror(errno)))")
        }
    }
}

/// The first `size` bytes of another input (the bytes before a zip, read as an archive of their own).
public final class RandomAccessSlice: RandomAccessInput {
    private let base: any RandomAccessInput
    public let size: Int64

    public init(_ base: any RandomAccessInput, size: Int64) {
        self.base = base
        self.size = min(size, base.size)
    }

    public func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        guard offset >= 0, offset < size else { return 0 }
        let count = Int(min(Int64(buffer.count), size - offset))
        return try base.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<count]))
    }
}
