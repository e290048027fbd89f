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

    // A valid stream inflates to the same bytes at any block size; a damaged one fails with the same error. What ISA-L
    // hands out before it notices the damage is not compared: it differs with the input chunking (found by this
    // target), which only changes partial counts of a member that is reported unreadable either way.
    let oneBlock = inflate(bytes, blockSize: max(bytes.count, 1))
    let smallBlocks = inflate(bytes, blockSize: blockSize)
    precondition(
        oneBlock.error == smallBlocks.error, "block size \(blockSize): \(smallBlocks.error ?? "ok") != \(oneBlock.error ?? "ok")")
    if oneBlock.error == nil {
        precondition(oneBlock.output == smallBlocks.output, "block size \(blockSize): different output")
    }
    return 0
}

/// The output (at most 1 MiB) and the error message, if any.
private func inflate(_ bytes: [UInt8], blockSize: Int) -> (output: [UInt8], error: String?) {
    let inflater = GzipInflater(input: Blocks(bytes, blockSize: blockSize))
    var buffer = [UInt8](repeating: 0, count: 1 << 14)
    var output: [UInt8] = []
    while output.count < 1 << 20 {
        do {
            let count = try buffer.withUnsafeMutableBytes { try inflater.fill($0) }
            if count == 0 { return (output, nil) }
            output += buffer[0..<count]
        } catch let error as ArchiveError {
            return (output, error.message)
        } catch {
            return (output, "\(error)")
        }
    }
    return (Array(output.prefix(1 << 20)), nil)
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
