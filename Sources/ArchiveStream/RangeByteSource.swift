/// Hands out a stretch of a `RandomAccessInput` front to back, then `trailer`: local zip entries hidden between a
/// zip's members, streamed to libarchive's streaming zip reader as a zip of their own (an empty end record as the
/// trailer ends that zip where the stretch ends, instead of a truncation error).
public final class RangeByteSource: ByteSource {
    private let input: any RandomAccessInput
    private var position: Int64
    private let end: Int64
    private var trailer: [UInt8]?
    private let buffer: UnsafeMutableRawBufferPointer
    public private(set) var failure: ArchiveError?

    public init(_ input: any RandomAccessInput, range: Range<Int64>, trailer: [UInt8] = [], blockSize: Int = 1 << 17) {
        self.input = input
        position = max(0, range.lowerBound)
        end = min(range.upperBound, input.size)
        self.trailer = trailer
        buffer = .allocate(byteCount: max(blockSize, trailer.count), alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    public func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        if position < end {
            let wanted = Int(min(Int64(buffer.count), end - position))
            do {
                let got = try input.read(at: position, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]))
                if got > 0 {
                    position += Int64(got)
                    return UnsafeRawBufferPointer(rebasing: buffer[..<got])
                }
                position = end
            } catch {
                failure = error
                throw error
            }
        }
        guard let trailer else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        self.trailer = nil
        buffer.copyBytes(from: trailer)
        return UnsafeRawBufferPointer(rebasing: buffer[..<trailer.count])
    }
}
