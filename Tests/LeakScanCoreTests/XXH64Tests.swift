import LeakScanCore
import TestSupport
import Testing

@Suite struct XXH64Tests {
    /// Reference values from the `xxhash` Python package (the C library), seed 0.
    static let vectors: [([UInt8], UInt64)] = [
        ([], 0xEF46_DB37_51D8_E999), (Array("a".utf8), 0xD24E_C4F1_A98C_6E5B), (Array("abc".utf8), 0x44BC_2CF5_AD77_0999),
        (Array(repeating: UInt8(ascii: "x"), count: 31), 0x60DD_0D01_083B_99F0),
        (Array(repeating: UInt8(ascii: "x"), count: 32), 0xE2DF_261F_C2EC_30EB),
        (Array((0..<768).map { UInt8($0 % 256) }), 0x8E03_C838_C596_036F),
    ]

    @Test(arguments: vectors.indices)
    func matchesTheReferenceAtEverySplit(index: Int) {
        let (bytes, expected) = Self.vectors[index]
        for split in 0...bytes.count {
            var hasher = XXH64()
            bytes[..<split].withUnsafeBytes { hasher.update($0) }
            bytes[split...].withUnsafeBytes { hasher.update($0) }
            #expect(hasher.finalize() == expected, "split at \(split)")
        }
        var bytewise = XXH64()
        for byte in bytes { [byte].withUnsafeBytes { bytewise.update($0) } }
        #expect(bytewise.finalize() == expected)
    }
}
