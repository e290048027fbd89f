#if arch(x86_64)
    // The compiler's own intrinsics headers (not a C library): SSE2's `pmovmskb`, which Swift's SIMD types cannot reach.
    import _Builtin_intrinsics.intel
#endif

/// Vectorized searches used by the hot loops: sixteen bytes compared per step instead of one.
enum ByteScan {
    /// Index of the first `"` or `\` in `base[from..<end]`, or `end` when there is none: a comparison bitmask per
    /// sixteen bytes, the first hit a trailing-zero count.
    @inline(__always)
    static func firstQuoteOrBackslash(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        var index = from
        let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
        let backslash = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
        while index + 16 <= end {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = movemask((block .== quote) .| (block .== backslash))
            if hits != 0 { return index + hits.trailingZeroBitCount }
            index += 16
        }
        while index < end {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return end
    }

    /// Bit `i` set when byte `i` of the 64 at `start` is `"` or `\\`.
    @inline(__always)
    static func quoteOrBackslashMask(_ start: UnsafePointer<UInt8>) -> UInt64 {
        let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
        let backslash = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
        var mask: UInt64 = 0
        for part in 0..<4 {
            let block = UnsafeRawPointer(start + 16 * part).loadUnaligned(as: SIMD16<UInt8>.self)
            mask |= movemask((block .== quote) .| (block .== backslash)) << UInt64(16 * part)
        }
        return mask
    }

    /// Copies the 64 bytes at `source` to `target` in four vector loads and stores (both must have room for 64).
    @inline(__always)
    static func copy64(from source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        let blocks = (
            from.loadUnaligned(as: SIMD16<UInt8>.self), from.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self),
            from.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt8>.self),
            from.loadUnaligned(fromByteOffset: 48, as: SIMD16<UInt8>.self)
        )
        to.storeBytes(of: blocks.0, as: SIMD16<UInt8>.self)
        to.storeBytes(of: blocks.1, toByteOffset: 16, as: SIMD16<UInt8>.self)
        to.storeBytes(of: blocks.2, toByteOffset: 32, as: SIMD16<UInt8>.self)
        to.storeBytes(of: blocks.3, toByteOffset: 48, as: SIMD16<UInt8>.self)
    }

    /// Index of the first byte in `base[from..<end]` that is one of `targets` (up to four distinct bytes; repeat one to
    /// use fewer), or `end`. Sixteen bytes per step.
    @inline(__always)
    static func first(
        of targets: (UInt8, UInt8, UInt8, UInt8), orWhitespace: Bool, _ base: UnsafePointer<UInt8>, from: Int, end: Int
    ) -> Int {
        var index = from
        let a = SIMD16<UInt8>(repeating: targets.0), b = SIMD16<UInt8>(repeating: targets.1)
        let c = SIMD16<UInt8>(repeating: targets.2), d = SIMD16<UInt8>(repeating: targets.3)
        let space = SIMD16<UInt8>(repeating: orWhitespace ? 0x20 : targets.0)
        let tab = SIMD16<UInt8>(repeating: orWhitespace ? 0x09 : targets.0)
        let newline = SIMD16<UInt8>(repeating: orWhitespace ? 0x0A : targets.0)
        let carriageReturn = SIMD16<UInt8>(repeating: orWhitespace ? 0x0D : targets.0)
        while index + 16 <= end {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            let hit =
                (block .== a) .| (block .== b) .| (block .== c) .| (block .== d) .| (block .== space) .| (block .== tab)
                .| (block .== newline) .| (block .== carriageReturn)
            let hits = movemask(hit)
            if hits != 0 { return index + hits.trailingZeroBitCount }
            index += 16
        }
        while index < end {
            let byte = base[index]
            if byte == targets.0 || byte == targets.1 || byte == targets.2 || byte == targets.3 { return index }
            if orWhitespace, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { return index }
            index += 1
        }
        return end
    }

    /// The end of a number or literal: whitespace, `,`, `}` or `]`.
    @inline(__always)
    static func firstLiteralDelimiter(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        first(
            of: (UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: "]")), orWhitespace: true, base,
            from: from, end: end)
    }

    /// Index of the first byte in `base[from..<end]` that is not JSON whitespace (space, tab, LF, CR), or `end`.
    @inline(__always)
    static func firstNonWhitespace(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
        var index = from
        let space = SIMD16<UInt8>(repeating: 0x20), tab = SIMD16<UInt8>(repeating: 0x09)
        let newline = SIMD16<UInt8>(repeating: 0x0A), carriageReturn = SIMD16<UInt8>(repeating: 0x0D)
        while index + 16 <= end {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
            let blank = (block .== space) .| (block .== tab) .| (block .== newline) .| (block .== carriageReturn)
            let others = ~movemask(blank) & 0xFFFF
            if others != 0 { return index + others.trailingZeroBitCount }
            index += 16
        }
        while index < end, isWhitespace(base[index]) {
            index += 1
        }
        return index
    }

    /// JSON whitespace: space, tab, LF, CR.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// For the 64 bytes at `start`: bit masks of `[`/`{`, of `]`/`}`, of `"` and of `\\` (one bit per byte).
    @inline(__always)
    static func bracketMasks(
        _ start: UnsafePointer<UInt8>
    ) -> (
        opens: UInt64, closes: UInt64, quotes: UInt64, backslashes: UInt64
    ) {
        let squareOpen = SIMD16<UInt8>(repeating: UInt8(ascii: "[")), squareClose = SIMD16<UInt8>(repeating: UInt8(ascii: "]"))
        let curlyOpen = SIMD16<UInt8>(repeating: UInt8(ascii: "{")), curlyClose = SIMD16<UInt8>(repeating: UInt8(ascii: "}"))
        let quote = SIMD16<UInt8>(repeating: UInt8(ascii: "\"")), backslash = SIMD16<UInt8>(repeating: UInt8(ascii: "\\"))
        var opens: UInt64 = 0, closes: UInt64 = 0, quotes: UInt64 = 0, backslashes: UInt64 = 0
        for part in 0..<4 {
            let block = UnsafeRawPointer(start + 16 * part).loadUnaligned(as: SIMD16<UInt8>.self)
            opens |= movemask((block .== squareOpen) .| (block .== curlyOpen)) << UInt64(16 * part)
            closes |= movemask((block .== squareClose) .| (block .== curlyClose)) << UInt64(16 * part)
            quotes |= movemask(block .== quote) << UInt64(16 * part)
            backslashes |= movemask(block .== backslash) << UInt64(16 * part)
        }
        return (opens, closes, quotes, backslashes)
    }

    /// Bit `i` set when lane `i` of a comparison is true: SSE2's `pmovmskb` on x86-64; elsewhere a multiply gathers
    /// the top bit of each of eight bytes into one byte.
    @inline(__always)
    static func movemask(_ lanes: SIMDMask<SIMD16<Int8>>) -> UInt64 {
        #if arch(x86_64)
            UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(unsafeBitCast(lanes, to: __m128i.self))))
        #else
            let hits = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
            let low = ((hits[0] & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
            let high = ((hits[1] & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56
            return low | high << 8
        #endif
    }
}
