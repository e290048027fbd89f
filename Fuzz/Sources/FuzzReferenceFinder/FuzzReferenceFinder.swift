import LeakScanCore

/// Feeds arbitrary bytes to the `sourceMappingURL` finder in chunks whose size comes from the first byte, so the
/// carry-over across chunk boundaries is exercised.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReferenceFinder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let chunk = size == 0 ? 1 : Int(bytes[0]) % 31 + 1
    var finder = SourceMappingURLFinder()
    var start = 0
    while start < size {
        let end = min(start + chunk, size)
        finder.consume(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        start = end
    }
    finder.finish()
    return 0
}
