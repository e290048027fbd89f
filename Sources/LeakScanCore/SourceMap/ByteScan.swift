/// Vectorized searches used by the hot loops: sixteen bytes compared per step instead of one.
enum ByteScan {
    /// Index of the first `"` or `\` in `base[from..<end]`, or `end` when there is none.
    @inline(__always)
    static func firstQuoteOrBackslash(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        var index = from
        let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
        let backslash = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
        while index + 16 <= end {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = (block .== quote) .| (block .== backslash)
            if any(hits) {
                for lane in 0..<16 where hits[lane] {
                    return index + lane
                }
            }
            index += 16
        }
        while index < end {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return end
    }
}
