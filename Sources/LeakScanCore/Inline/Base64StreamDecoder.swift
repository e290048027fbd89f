/// Decodes standard or URL-safe base64 chunk by chunk, so an inline map never needs its whole payload in memory.
public struct Base64StreamDecoder {
    private var quantum: UInt32 = 0
    private var pending = 0
    private var sawPadding = false

    public init() {}

    private static let padding: UInt8 = 64
    private static let notPayload: UInt8 = 0xFF
    /// Each byte's 6-bit value in either alphabet, `padding` for `=`, `notPayload` for everything else.
    private static let values: [UInt8] = (0...255).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt8(byte) - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"), UInt8(ascii: "-"): 62
        case UInt8(ascii: "/"), UInt8(ascii: "_"): 63
        case UInt8(ascii: "="): padding
        default: notPayload
        }
    }

    /// Each byte's 6-bit value placed at the bit position it takes in a quantum read as a little-endian word, one
    /// table per position of the 4-character group; `invalidQuantum` for anything but the alphabet (padding included).
    /// OR-ing four lookups decodes a whole group at once, which is what keeps nested maps' payloads cheap.
    private static let invalidQuantum: UInt32 = 0x0100_0000
    private static let groupTables: [[UInt32]] = (0..<4).map { position in
        values.map { value -> UInt32 in
            guard value < 64 else { return invalidQuantum }
            let quantum = UInt32(value) << (18 - 6 * position)
            return (quantum >> 16) & 0xFF | (quantum & 0xFF00) | (quantum & 0xFF) << 16
        }
    }
    private static let flatGroupTable: [UInt32] = groupTables.flatMap { $0 }

    /// Decodes the payload at the start of `input` (alphabet characters and `=` padding; anything after padding is
    /// ignored), appending completed bytes to `output`. Returns how many bytes were payload: decoding stops at the
    /// first byte that is not.
    public mutating func decode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Int {
        guard let base = input.baseAddress, input.count > 0 else { return 0 }
        var index = 0
        if pending == 0, !sawPadding, input.count >= 4 {
            index = decodeWholeGroups(base, count: input.count, into: &output)
        }
        return Self.values.withUnsafeBufferPointer { values in
            while index < input.count {
                let value = values[Int(base[index])]
                if value == Self.notPayload { return index }
                index += 1
                if value == Self.padding || sawPadding {
                    sawPadding = true
                    continue
                }
                quantum = quantum << 6 | UInt32(value)
                pending += 1
                if pending == 4 {
                    output.append(UInt8(truncatingIfNeeded: quantum >> 16))
                    output.append(UInt8(truncatingIfNeeded: quantum >> 8))
                    output.append(UInt8(truncatingIfNeeded: quantum))
                    quantum = 0
                    pending = 0
                }
            }
            return input.count
        }
    }

    /// Decodes 4-character groups of pure alphabet from the start of `base` into `output`, through a stack buffer of
    /// `groupsPerBatch` groups (so a short payload at the front of a long chunk costs only its own length); returns
    /// how many bytes it consumed (a multiple of 4), stopping before the first group holding anything else.
    private func decodeWholeGroups(_ base: UnsafePointer<UInt8>, count: Int, into output: inout [UInt8]) -> Int {
        let groups = count / 4
        var decodedGroups = 0
        Self.flatGroupTable.withUnsafeBufferPointer { table in
            let tables = table.baseAddress!
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.groupsPerBatch * 3 + 1) { batch in
                let batchStart = batch.baseAddress!
                while decodedGroups < groups {
                    let batchEnd = min(groups, decodedGroups + Self.groupsPerBatch)
                    var target = batchStart
                    var group = decodedGroups
                    while group < batchEnd {
                        let source = base + group * 4
                        let word =
                            tables[Int(source[0])] | tables[256 + Int(source[1])] | tables[512 + Int(source[2])]
                            | tables[768 + Int(source[3])]
                        if word >= Self.invalidQuantum { break }
                        UnsafeMutableRawPointer(target).storeBytes(of: word.littleEndian, as: UInt32.self)
                        target += 3
                        group += 1
                    }
                    output.append(contentsOf: UnsafeBufferPointer(start: batchStart, count: target - batchStart))
                    let complete = group == batchEnd
                    decodedGroups = group
                    if !complete { break }
                }
            }
        }
        return decodedGroups * 4
    }

    private static let groupsPerBatch = 256

    /// Flushes an unpadded final quantum. Returns false when the payload length cannot be valid base64.
    public mutating func finish(into output: inout [UInt8]) -> Bool {
        defer {
            quantum = 0
            pending = 0
        }
        switch pending {
        case 0: return true
        case 2:
            output.append(UInt8(truncatingIfNeeded: quantum >> 4))
            return true
        case 3:
            output.append(UInt8(truncatingIfNeeded: quantum >> 10))
            output.append(UInt8(truncatingIfNeeded: quantum >> 2))
            return true
        default: return false
        }
    }
}
