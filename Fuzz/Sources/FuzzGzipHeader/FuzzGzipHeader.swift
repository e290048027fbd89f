import ArchiveStream

/// Differential target for gzip headers and the inflater: the input (after its first two bytes, which choose a split
/// point and a block size) is parsed whole and split, and inflated whole and in small blocks; the outcomes must agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzipHeader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 2 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 2, count: size - 2))
    let split = bytes.isEmpty ? 0 : Int(data[0]) * 7 % (bytes.count + 1)
    let blockSize = Int(data[1]) % 64 + 1

    var whole = GzipHeaderParser()
    let wholeResult = bytes.withUnsafeBytes { whole.consume($0) }
    var pieces = GzipHeaderParser()
    var consumed = 0
    var outcome = GzipHeaderParser.Outcome.needsMore
    for range in [0..<split, split..<bytes.count] where outcome == .needsMore {
        let result = bytes.withUnsafeBytes { pieces.consume(UnsafeRawBufferPointer(rebasing: $0[range])) }
        consumed += result.consumed
        outcome = result.outcome
    }
    precondition(wholeResult.consumed <= bytes.count)
    precondition(outcome == wholeResult.outcome, "split at \(split): \(outcome) != \(wholeResult.outcome)")
    precondition(consumed == wholeResult.consumed, "split at \(split): consumed \(consumed) != \(wholeResult.consumed)")

    let oneBlock = inflate(bytes, blockSize: max(bytes.count, 1))
    let smallBlocks = inflate(bytes, blockSize: blockSize)
    precondition(oneBlock == smallBlocks, "block size \(blockSize): \(smallBlocks) != \(oneBlock)")
    return 0
}

/// Output length, a checksum and the error message, inflating at most 1 MiB.
private func inflate(_ bytes: [UInt8], blockSize: Int) -> String {
    let inflater = GzipInflater(input: Blocks(bytes, blockSize: blockSize))
    var buffer = [UInt8](repeating: 0, count: 1 << 14)
    var total = 0
    var sum: UInt64 = 0
    while total < 1 << 20 {
        do {
            let count = try buffer.withUnsafeMutableBytes { try inflater.fill($0) }
            if count == 0 { return "\(total) bytes, sum \(sum)" }
            total += count
            for byte in buffer[0..<count] { sum = sum &* 31 &+ UInt64(byte) }
        } catch {
            return "\(total) bytes, sum \(sum), \(error.message)"
        }
    }
    return "\(total)+ bytes, sum \(sum)"
}

private final class Blocks: ByteSource {
    private let bytes: [UInt8]
    private let blockSize: Int
    private var position = 0
    private var block: [UInt8] = []
    let failure: ArchiveError? = nil

    init(_ bytes: [UInt8], blockSize: Int) {
        self.bytes = bytes
        self.blockSize = blockSize
    }

    func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        let end = min(position + blockSize, bytes.count)
        block = Array(bytes[position..<end])
        position = end
        return block.withUnsafeBytes { UnsafeRawBufferPointer(start: $0.baseAddress, count: $0.count) }
    }
}
