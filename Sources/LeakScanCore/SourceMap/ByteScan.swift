/// Vectorized searches used by the hot loops: sixteen bytes compared per step instead of one.
enum ByteScan {
    /// Index of the first `"` or `\` in `base[from..<end]`, or `end` when there is none. The comparison mask is read
    /// as two 64-bit words (one byte per lane), so the first hit is a trailing-zero count, not a lane loop.
    @inline(__always)
    static func firstQuoteOrBackslash(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        var index = from
        let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
        let backslash = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
        while index + 16 <= end {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = unsafeBitCast((block .== quote) .| (block .== backslash), to: SIMD2<UInt64>.self)
            if hits[0] != 0 { return index + hits[0].trailingZeroBitCount >> 3 }
            if hits[1] != 0 { return index + 8 + hits[1].trailingZeroBitCount >> 3 }
            index += 16
        }
        while index < end {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return end
    }

    /// Bit `i` set when byte `i` of the 64 at `start` is `"` or `\\`. Each comparison lane is 0x00 or 0xFF; a multiply
    /// gathers the top bit of each of eight bytes into one byte (a portable `movemask`), sixteen bytes at a time.
    @inline(__always)
    static func quoteOrBackslashMask(_ start: UnsafePointer<UInt8>) -> UInt64 {
        let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
        let backslash = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
        var mask: UInt64 = 0
        for part in 0..<4 {
            let block = UnsafeRawPointer(start + 16 * part).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = unsafeBitCast((block .== quote) .| (block .== backslash), to: SIMD2<UInt64>.self)
            let low = ((hits[0] & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
            let high = ((hits[1] & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
            mask |= (low | high << 8) << UInt64(16 * part)
        }
        return mask
    }
}
