import LeakScanCore

/// Feeds arbitrary bytes after a WebAssembly header to a member's scanner, so the `sourceMappingURL` section reader
/// walks hostile section framing (overlong numbers, sizes past the end, URLs longer than their section) in chunks whose
/// size comes from the first byte.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWasmSection(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let chunk = size == 0 ? 1 : Int(bytes[0]) % 31 + 1
    let scanner = EntryScanner(location: Location(["fuzz.tgz", "module.wasm"]))
    let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
    header.withUnsafeBytes { scanner.consume($0) }
    var start = min(size, 1)
    while start < size {
        let end = min(start + chunk, size)
        scanner.consume(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
        start = end
    }
    _ = scanner.finish()
    return 0
}
