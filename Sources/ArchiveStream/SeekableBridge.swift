import CArchive
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libarchive's read, seek and skip callbacks over a `RandomAccessInput`, so its seekable zip reader (the one that
/// starts from the central directory, as unzip, pip, Java and Chrome do) can read a spooled member.
final class SeekableBridge {
    let input: any RandomAccessInput
    private var position: Int64 = 0
    private let buffer: UnsafeMutableRawBufferPointer
    var failure: ArchiveError?

    init(input: any RandomAccessInput, blockSize: Int = 1 << 17) {
        self.input = input
        buffer = .allocate(byteCount: blockSize, alignment: 64)
    }

    deinit {
        buffer.deallocate()
    }

    private static func bridge(_ context: UnsafeMutableRawPointer?) -> SeekableBridge? {
        context.map { Unmanaged<SeekableBridge>.fromOpaque($0).takeUnretainedValue() }
    }

    static func read(context: UnsafeMutableRawPointer?, buffer out: UnsafeMutablePointer<UnsafeRawPointer?>?) -> la_ssize_t {
        guard let bridge = bridge(context), let out else { return -1 }
        if let spool = bridge.input as? RandomAccessSpool,
            let block = spool.contiguousBytes(at: bridge.position, maxCount: 1 << 20)
        {
            out.pointee = block.baseAddress.map { UnsafeRawPointer($0) }
            bridge.position += Int64(block.count)
            return la_ssize_t(block.count)
        }
        do {
            let count = try bridge.input.read(at: bridge.position, into: bridge.buffer)
            out.pointee = UnsafeRawPointer(bridge.buffer.baseAddress)
            bridge.position += Int64(count)
            return la_ssize_t(count)
        } catch {
            bridge.failure = error
            return -1
        }
    }

    static func seek(context: UnsafeMutableRawPointer?, offset: la_int64_t, whence: Int32) -> la_int64_t {
        guard let bridge = bridge(context) else { return la_int64_t(ARCHIVE_FATAL) }
        let base: Int64
        switch whence {
        case SEEK_SET: base = 0
        case SEEK_CUR: base = bridge.position
        case SEEK_END: base = bridge.input.size
        default: return la_int64_t(ARCHIVE_FATAL)
        }
        let target = base + Int64(offset)
        guard target >= 0 else { return la_int64_t(ARCHIVE_FATAL) }
        bridge.position = min(target, bridge.input.size)
        return la_int64_t(bridge.position)
    }

    static func skip(context: UnsafeMutableRawPointer?, request: la_int64_t) -> la_int64_t {
        guard let bridge = bridge(context), request > 0 else { return 0 }
        let skipped = min(Int64(request), bridge.input.size - bridge.position)
        bridge.position += skipped
        return la_int64_t(skipped)
    }
}
