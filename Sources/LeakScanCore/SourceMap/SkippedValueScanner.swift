/// Finds where a JSON value the counting rules do not read ends, 64 bytes per step and in constant memory at any depth.
///
/// As simdjson does: each block becomes bit masks (brackets, quotes, backslashes), escaped bytes are found with the
/// odd-backslash-run trick, string interiors with a prefix XOR of the unescaped quotes, and the nesting depth follows
/// the brackets outside strings four bits at a time through a table, so dense brackets cost no per-bracket branch.
/// The state between chunks is the depth, whether a string is open and whether the next byte is escaped.
struct SkippedValueScanner {
    /// Brackets still open in the skipped value (1 right after its opening bracket).
    private(set) var depth: Int
    /// All ones when the last byte scanned was inside a string, else zero.
    private var inString: UInt64 = 0
    /// 1 when the next byte is escaped by a backslash that ended the previous block.
    private var nextIsEscaped: UInt64 = 0

    init(depth: Int = 1) {
        self.depth = depth
    }

    /// Scans `base[from..<end]`. Returns the index just past the bracket that closes the value, or nil when the bytes
    /// end first (the scanner then carries its state to the next call).
    @inline(__always)
    mutating func scan(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int? {
        var index = start
        while index + 64 <= end {
            if let closed = scanBlock(base + index, count: 64) { return index + closed }
            index += 64
        }
        guard index < end else { return nil }
        // The last bytes of the chunk, padded with spaces (which are never structural) to a whole block.
        var padded = (SIMD32<UInt8>(repeating: 0x20), SIMD32<UInt8>(repeating: 0x20))
        return withUnsafeMutableBytes(of: &padded) { block in
            block.baseAddress!.copyMemory(from: base + index, byteCount: end - index)
            let closed = scanBlock(block.baseAddress!.assumingMemoryBound(to: UInt8.self), count: end - index)
            return closed.map { index + $0 }
        }
    }

    /// One block of `count` (1...64) meaningful bytes: the offset just past the closing bracket, or nil.
    @inline(__always)
    private mutating func scanBlock(_ block: UnsafePointer<UInt8>, count: Int) -> Int? {
        let masks = ByteScan.bracketMasks(block)
        let last = UInt64(count - 1)
        let escaped: UInt64
        if masks.backslashes == 0 {
            escaped = nextIsEscaped
            nextIsEscaped = 0
        } else {
            let escapeAndTerminal = Self.escapeAndTerminalCode(masks.backslashes & ~nextIsEscaped)
            escaped = escapeAndTerminal ^ (masks.backslashes | nextIsEscaped)
            nextIsEscaped = (escapeAndTerminal & masks.backslashes) >> last & 1
        }
        let interior = Self.prefixXor(masks.quotes & ~escaped) ^ inString
        inString = 0 &- (interior >> last & 1)
        let opens = masks.opens & ~interior
        let closes = masks.closes & ~interior
        if closes.nonzeroBitCount < depth {
            depth += opens.nonzeroBitCount - closes.nonzeroBitCount
            return nil
        }
        return followNibbles(opens: opens, closes: closes)
    }

    /// Follows the depth through the block four bits at a time; walks single bits only in a nibble that can close.
    @inline(__always)
    private mutating func followNibbles(opens: UInt64, closes: UInt64) -> Int? {
        Self.nibbleSteps.withUnsafeBufferPointer { steps in
            var opens = opens
            var closes = closes
            var depth = self.depth
            defer { self.depth = depth }
            var shift = 0
            while opens | closes != 0 {
                let step = steps[Int(truncatingIfNeeded: (opens & 0xF) << 4 | (closes & 0xF))]
                if Int(step >> 8) >= depth {
                    for bit in 0..<4 {
                        if opens >> UInt64(bit) & 1 != 0 {
                            depth += 1
                        } else if closes >> UInt64(bit) & 1 != 0 {
                            depth -= 1
                            if depth == 0 { return shift + bit + 1 }
                        }
                    }
                } else {
                    depth += Int(Int8(truncatingIfNeeded: step))
                }
                opens >>= 4
                closes >>= 4
                shift += 4
            }
            return nil
        }
    }

    /// For each pair of 4-bit open and close masks (`opens << 4 | closes`): the deepest the depth drops inside the
    /// nibble (high byte) and the net change (low byte, two's complement).
    private static let nibbleSteps: [UInt16] = (0..<256).map { pair in
        var running = 0
        var drop = 0
        for bit in 0..<4 {
            if pair >> (4 + bit) & 1 != 0 { running += 1 } else if pair >> bit & 1 != 0 { running -= 1 }
            drop = max(drop, -running)
        }
        return UInt16(drop) << 8 | UInt16(UInt8(truncatingIfNeeded: running))
    }

    /// Bits of the escaped bytes (after an odd run of backslashes) plus, mixed in, the backslashes that escape: the
    /// subtraction carries through each run of backslashes, and the odd-bit XOR tells odd runs from even ones.
    @inline(__always)
    private static func escapeAndTerminalCode(_ potentialEscape: UInt64) -> UInt64 {
        let oddBits: UInt64 = 0xAAAA_AAAA_AAAA_AAAA
        let maybeEscaped = potentialEscape << 1
        return ((maybeEscaped | oddBits) &- potentialEscape) ^ oddBits
    }

    /// Bit `i` is the XOR of bits `0...i`: set between an opening quote (included) and its closing quote (excluded).
    @inline(__always)
    private static func prefixXor(_ bits: UInt64) -> UInt64 {
        var mask = bits
        mask ^= mask << 1
        mask ^= mask << 2
        mask ^= mask << 4
        mask ^= mask << 8
        mask ^= mask << 16
        mask ^= mask << 32
        return mask
    }
}
