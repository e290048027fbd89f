/// Parses a gzip member header (RFC 1952: the fixed 10 bytes, then FEXTRA, FNAME, FCOMMENT and FHCRC when flagged)
/// from input fed in arbitrary pieces, so a header that spans read blocks — a long FNAME or FEXTRA, or a header that
/// merely falls across a block boundary — parses the same wherever the blocks end. ISA-L then inflates the raw deflate
/// data that follows and checks the trailer.
///
/// Rejects what zlib and gzip reject: another method than deflate, reserved flag bits, a wrong FHCRC.
public struct GzipHeaderParser: Sendable {
    public enum Outcome: Equatable, Sendable {
        case needsMore
        case complete
        case invalid(String)
    }

    private enum Stage: Sendable {
        case fixed, extraLength, extra, name, comment, headerCRC, done
    }

    private static let textFlag: UInt8 = 1, headerCRCFlag: UInt8 = 2, extraFlag: UInt8 = 4, nameFlag: UInt8 = 8
    private static let commentFlag: UInt8 = 16

    private var stage = Stage.fixed
    /// Bytes seen of the current fixed-size stage (the 10 fixed bytes, XLEN, the CRC-16).
    private var seen = 0
    private var flags: UInt8 = 0
    /// XLEN or the stored CRC-16, little-endian as it arrives; then FEXTRA bytes still to skip.
    private var value = 0
    private var crc = CRC32()
    /// Header bytes consumed so far.
    public private(set) var length = 0

    public init() {}

    /// Consumes header bytes from the front of `bytes`. Returns how many belonged to the header and whether it is
    /// complete; after `.complete` the rest of `bytes` is deflate data.
    public mutating func consume(_ bytes: UnsafeRawBufferPointer) -> (consumed: Int, outcome: Outcome) {
        var index = 0
        while index < bytes.count {
            switch stage {
            case .fixed:
                let byte = bytes[index]
                switch seen {
                case 0 where byte != 0x1F, 1 where byte != 0x8B:
                    return finish(index + 1, .invalid("invalid gzip header"))
                case 2 where byte != 8:
                    return finish(index + 1, .invalid("unsupported gzip compression method \(byte)"))
                case 3 where byte & 0xE0 != 0:
                    return finish(index + 1, .invalid("invalid gzip header: reserved flag bits set"))
                case 3:
                    flags = byte
                default:
                    break
                }
                crc.update(byte)
                index += 1
                seen += 1
                if seen == 10 { advance(from: .fixed) }
            case .extraLength:
                value |= Int(bytes[index]) << (8 * seen)
                crc.update(bytes[index])
                index += 1
                seen += 1
                if seen == 2 {
                    stage = .extra
                    if value == 0 { advance(from: .extra) }
                }
            case .extra:
                let take = min(value, bytes.count - index)
                updateCRC(bytes, index..<(index + take))
                index += take
                value -= take
                if value == 0 { advance(from: .extra) }
            case .name, .comment:
                let rest = UnsafeRawBufferPointer(rebasing: bytes[index...])
                if let zero = rest.firstIndex(of: 0) {
                    updateCRC(bytes, index..<(index + zero + 1))
                    index += zero + 1
                    advance(from: stage)
                } else {
                    updateCRC(bytes, index..<bytes.count)
                    index = bytes.count
                }
            case .headerCRC:
                value |= Int(bytes[index]) << (8 * seen)
                index += 1
                seen += 1
                if seen == 2 {
                    guard UInt32(value) == crc.value & 0xFFFF else {
                        return finish(index, .invalid("gzip header CRC-16 mismatch: the header is corrupt"))
                    }
                    stage = .done
                }
            case .done:
                return finish(index, .complete)
            }
            if stage == .done { return finish(index, .complete) }
        }
        return finish(index, stage == .done ? .complete : .needsMore)
    }

    private mutating func finish(_ consumed: Int, _ outcome: Outcome) -> (consumed: Int, outcome: Outcome) {
        length += consumed
        return (consumed, outcome)
    }

    private mutating func updateCRC(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        guard flags & Self.headerCRCFlag != 0 else { return }
        crc.update(UnsafeRawBufferPointer(rebasing: bytes[range]))
    }

    /// Moves to the next field the flags ask for after `finished`.
    private mutating func advance(from finished: Stage) {
        seen = 0
        value = 0
        let order: [(Stage, UInt8)] = [
            (.extraLength, Self.extraFlag), (.name, Self.nameFlag), (.comment, Self.commentFlag),
            (.headerCRC, Self.headerCRCFlag),
        ]
        let start: Int
        switch finished {
        case .fixed: start = 0
        case .extraLength, .extra: start = 1
        case .name: start = 2
        case .comment: start = 3
        case .headerCRC, .done: start = 4
        }
        stage = order[start...].first { flags & $0.1 != 0 }?.0 ?? .done
    }
}

/// CRC-32 (IEEE 802.3, reflected), table-driven, for gzip's FHCRC (headers are short; the data's CRC is ISA-L's).
struct CRC32: Sendable {
    private static let table: [UInt32] = (0..<256).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }

    private var state: UInt32 = 0xFFFF_FFFF

    var value: UInt32 { ~state }

    mutating func update(_ byte: UInt8) {
        state = Self.table[Int((state ^ UInt32(byte)) & 0xFF)] ^ (state >> 8)
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { update(byte) }
    }
}
