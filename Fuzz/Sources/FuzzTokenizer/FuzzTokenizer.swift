import LeakScanCore

/// Feeds arbitrary bytes to the source-map tokenizer, split in two at a point taken from the first byte.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let split = size == 0 ? 0 : Int(bytes[0]) % (size + 1)
    var tokenizer = SourceMapTokenizer(limits: SourceMapTokenizerLimits(maxJSONDepth: 64, maxSectionDepth: 4, maxNameBytes: 256))
    tokenizer.consume(UnsafeRawBufferPointer(rebasing: bytes[0..<split]))
    tokenizer.consume(UnsafeRawBufferPointer(rebasing: bytes[split...]))
    _ = tokenizer.finish()
    return 0
}
