import LeakScanCore

/// Puts arbitrary bytes behind a base64 or percent-encoded `data:` URL, so the decoders and the tokenizer behind them
/// see hostile payloads; also drives the base64 decoder on its own.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInlineMap(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let prefixes = ["//# sourceMappingURL=data:application/json;base64,", "/*# sourceMappingURL=data:application/json,"]
    let prefix = Array(prefixes[size % 2].utf8)
    var finder = SourceMappingURLFinder()
    prefix.withUnsafeBytes { finder.consume($0) }
    finder.consume(bytes)
    finder.finish()
    var decoder = Base64StreamDecoder()
    var output: [UInt8] = []
    var rest = UnsafeBufferPointer(start: data, count: size)[...]
    while !rest.isEmpty {
        let payload = decoder.decode(UnsafeBufferPointer(rebasing: rest), into: &output)
        rest = rest.dropFirst(max(payload, 1))
    }
    _ = decoder.finish(into: &output)
    return 0
}
