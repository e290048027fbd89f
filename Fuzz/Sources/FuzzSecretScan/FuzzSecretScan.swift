import LeakScanCore
import SecretMatching

/// The built-in rules on both engines, built once.
let rules = BuiltinSecretRules.all
let vectorscan = SecretScanning(rules: rules) { SecretEngines.best(for: $0) }
let anchors = SecretScanning(rules: rules)

/// Feeds arbitrary bytes to the tokenizer with the secret scan on (decoder → matcher → capturing pass → coordinates),
/// split in two at a point taken from the first byte, once per engine; both engines must report the same hits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSecretScan(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let split = size == 0 ? 0 : Int(bytes[0]) % (size + 1)
    func hits(_ scanning: SecretScanning) -> [SecretHit] {
        var tokenizer = SourceMapTokenizer(
            limits: SourceMapTokenizerLimits(maxJSONDepth: 64, maxSectionDepth: 4, maxNameBytes: 256), secrets: scanning)
        tokenizer.consume(UnsafeRawBufferPointer(rebasing: bytes[0..<split]))
        tokenizer.consume(UnsafeRawBufferPointer(rebasing: bytes[split...]))
        let summary = tokenizer.finish()
        return (summary?.exposed.flatMap(\.secrets) ?? [])
            + tokenizer.nestedMaps.flatMap { $0.summary.exposed.flatMap(\.secrets) }
    }
    let fast = hits(vectorscan)
    let slow = hits(anchors)
    precondition(fast == slow, "engines disagree: \(fast) vs \(slow)")
    return 0
}
