import CBrotli

/// Decodes a brotli stream (`.br`, `.brotli` members: precompressed web assets) with libbrotli's streaming decoder.
///
/// Brotli has no magic number, so the caller decides by name. Output goes straight into the caller's buffer, so memory
/// is libbrotli's own window (at most 16 MiB: the large-window extension, which no web server or browser uses, stays
/// off and such a stream is an error). A stream that ends before the decoder is done is reported as truncated.
public final class BrotliDecoder: BlockProducer {
    private let input: any ByteSource
    private let state: OpaquePointer
    private var nextIn: UnsafePointer<UInt8>?
    private var availableIn = 0
    private var inputEnded = false
    private var finished = false
    private var pendingFailure: ArchiveError?

    public init(input: any ByteSource) {
        self.input = input
        guard let state = BrotliDecoderCreateInstance(nil, nil, nil) else {
            fatalError("libbrotli could not allocate a decoder")
        }
        self.state = state
    }

    deinit {
        BrotliDecoderDestroyInstance(state)
    }

    /// Bytes decoded before a failure are handed out first; the failure is thrown by the next call.
    public func fill(_ buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        if let pendingFailure { throw pendingFailure }
        var produced = 0
        do {
            try decode(into: buffer, produced: &produced)
        } catch {
            guard produced > 0 else { throw error }
            pendingFailure = error
        }
        return produced
    }

    private func decode(into buffer: UnsafeMutableRawBufferPointer, produced: inout Int) throws(ArchiveError) {
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        while produced < buffer.count, !finished {
            if availableIn == 0, !inputEnded { try refill() }
            var nextOut: UnsafeMutablePointer<UInt8>? = base + produced
            var availableOut = buffer.count - produced
            let result = BrotliDecoderDecompressStream(state, &availableIn, &nextIn, &availableOut, &nextOut, nil)
            produced = buffer.count - availableOut
            switch result {
            case BROTLI_DECODER_RESULT_SUCCESS:
                finished = true
                var trailing = availableIn > 0
                if !trailing { trailing = try !refillIsEmpty() }
                if trailing {
                    throw ArchiveError(code: .dataFailed, status: 0, message: "data after the end of the brotli stream")
                }
            case BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT:
                if inputEnded { throw ArchiveError(code: .dataFailed, status: 0, message: "brotli stream is truncated") }
            case BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT:
                continue
            default:
                let code = BrotliDecoderGetErrorCode(state)
                let reason = BrotliDecoderErrorString(code).map { String(cString: $0) } ?? "error \(code.rawValue)"
                throw ArchiveError(code: .dataFailed, status: 0, message: "invalid brotli data (\(reason))")
            }
        }
    }

    /// After the stream's end: true when the input has nothing more (as it must).
    private func refillIsEmpty() throws(ArchiveError) -> Bool {
        while !inputEnded {
            try refill()
            if availableIn > 0 { return false }
        }
        return true
    }

    private func refill() throws(ArchiveError) {
        let block = try input.nextBlock()
        guard let start = block.baseAddress, !block.isEmpty else {
            inputEnded = true
            availableIn = 0
            return
        }
        nextIn = start.assumingMemoryBound(to: UInt8.self)
        availableIn = block.count
    }
}
