import CZlib

/// Inflates a gzip stream (one or more members) with zlib, for builds without the `ISAL` trait (macOS, or where ISA-L
/// is not installed). Same contract as `GzipInflater`: every member's header, CRC-32 and length checked by zlib, zero
/// padding after the last member allowed, anything else after it an error, a stream that ends early truncated.
public final class ZlibInflater: BlockProducer {
    private let input: any ByteSource
    /// zlib keeps a pointer to its stream structure, so it must not move: it lives on the heap.
    private let stream: UnsafeMutablePointer<z_stream>
    private var inputEnded = false
    private var streamEnded = false
    /// Between members: the last one ended, the next (or padding, or the end) not yet seen.
    private var memberEnded = false
    private var pendingFailure: ArchiveError?

    public init(input: any ByteSource) {
        self.input = input
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard leak_scan_inflate_init_gzip(stream) == Z_OK else { fatalError("zlib could not allocate an inflater") }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Bytes inflated before a failure are handed out first; the failure is thrown by the next call.
    public func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        if let pendingFailure { throw pendingFailure }
        var produced = 0
        do {
            try inflate(into: buffer, produced: &produced)
        } catch {
            guard produced > 0 else { throw error }
            pendingFailure = error
        }
        return produced
    }

    private func inflate(into buffer: UnsafeMutableRawBufferPointer, produced: inout Int) throws(ArchiveError) {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        while produced < buffer.count, !streamEnded {
            if memberEnded {
                try startNextMemberOrEnd()
                continue
            }
            if stream.pointee.avail_in == 0 {
                try refill()
                if inputEnded { throw Self.failure("gzip stream is truncated") }
            }
            let room = min(buffer.count - produced, Int(UInt32.max))
            stream.pointee.next_out = base + produced
            stream.pointee.avail_out = UInt32(room)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            produced += room - Int(stream.pointee.avail_out)
            switch status {
            case Z_OK, Z_BUF_ERROR: continue
            case Z_STREAM_END: memberEnded = true
            default: throw Self.failure(describe(status))
            }
        }
    }

    /// After a member: another member follows (`1f` …), or only zero padding remains, or the data is not gzip.
    private func startNextMemberOrEnd() throws(ArchiveError) {
        if stream.pointee.avail_in == 0 { try refill() }
        if inputEnded, stream.pointee.avail_in == 0 {
            streamEnded = true
            return
        }
        if stream.pointee.next_in.pointee == 0x1f {
            inflateReset(stream)
            memberEnded = false
            return
        }
        while true {
            let pending = UnsafeBufferPointer(start: stream.pointee.next_in, count: Int(stream.pointee.avail_in))
            if pending.contains(where: { $0 != 0 }) { throw Self.failure("data after the end of the gzip stream is not gzip") }
            stream.pointee.avail_in = 0
            try refill()
            if inputEnded {
                streamEnded = true
                return
            }
        }
    }

    private func refill() throws(ArchiveError) {
        guard !inputEnded else { return }
        let block = try input.nextBlock()
        guard let start = block.baseAddress, !block.isEmpty else {
            inputEnded = true
            return
        }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: start.assumingMemoryBound(to: UInt8.self))
        stream.pointee.avail_in = UInt32(block.count)
    }

    /// zlib's reason, in the words `GzipInflater` uses for the same failures.
    private func describe(_ status: Int32) -> String {
        let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        switch reason {
        case "incorrect data check", "incorrect length check": return "gzip CRC-32 or length check failed: the data is corrupt"
        case "incorrect header check": return "invalid gzip header"
        case "unknown compression method": return "unsupported gzip compression method"
        default: return "invalid deflate data (\(reason))"
        }
    }

    private static func failure(_ message: String) -> ArchiveError {
        ArchiveError(code: .dataFailed, status: 0, message: message)
    }
}
