#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a tar stream's headers with node-tar's rules (version 6, what npm 10 runs to install a package) alongside
/// libarchive, so the files node-tar would write can be compared with the members libarchive hands out.
///
/// node-tar differs from libarchive in ways an attacker can use to hide a member from one of them: it reads on past
/// a single zero block (libarchive stops there unless told to read concatenated archives), applies a pax global
/// header's `size` to every later header, applies a pending extended header to the long-name header that follows
/// it, gives hard links and device entries a body of their header's size, skips a header whose link-name field is
/// set on a non-link and reads its body as headers, and lets the last of a GNU long name and a pax `path` win.
/// Rather than imitate libarchive, this follows node-tar's parser step by step (`lib/parse.js`, `lib/header.js`,
/// `lib/pax.js`, `lib/read-entry.js` of node-tar 6.2) and records each file entry it would write.
///
/// Per block it only advances counters; a header costs one pass over its 512 bytes.
public final class NodeTarShadow {
    /// A file node-tar would write: its path, size and where its data starts in the tar stream.
    public struct File: Sendable, Equatable {
        public var path: String
        public var size: Int64
        public var dataOffset: Int64
    }

    private struct Pax {
        var path: String?
        var linkpath: String?
        var size: Int64?
        var sizeUnparseable = false
    }

    /// False once the stream turned out not to be a tar (first header invalid) or node-tar's reading could not be
    /// followed; nothing is compared then.
    public private(set) var isActive = true
    /// Why the reading could not be followed, when it could not (then the comparison fails closed).
    public private(set) var unpredictable: String?
    /// Constructs seen on the way that node-tar and libarchive treat differently (the likely reason of a mismatch).
    public private(set) var remarks: [String] = []
    private var pending: [File] = []
    private var pendingStart = 0
    private var position: Int64 = 0
    private var carry: [UInt8] = []
    private var skip: Int64 = 0
    private var metaType: UInt8 = 0
    private var metaWanted: Int64 = 0
    private var meta: [UInt8] = []
    private var ex: Pax?
    private var gex: Pax?
    private var started = false
    private var sawNullBlock = false
    private var sawEOF = false
    private var reported = false
    private static let maxMetaEntrySize: Int64 = 1 << 20
    private static let ustarMagic = Array("ustar\u{0}00".utf8)
    /// Types `ReadEntry` neither treats as metadata nor ignores.
    private static let entryTypes = Array("01234567D".utf8)

    public init() {}

    /// Feeds the next bytes of the (uncompressed) tar stream.
    public func consume(_ block: UnsafeRawBufferPointer) {
        var index = 0
        while index < block.count, isActive, !sawEOF {
            if skip > 0 {
                let count = Int(min(skip, Int64(block.count - index)))
                if metaWanted > 0 {
                    let take = Int(min(metaWanted, Int64(count)))
                    meta += UnsafeRawBufferPointer(rebasing: block[index..<(index + take)])
                    metaWanted -= Int64(take)
                }
                skip -= Int64(count)
                index += count
                position += Int64(count)
                if skip == 0, metaType != 0 { finishMeta() }
                continue
            }
            if carry.isEmpty, block.count - index >= 512 {
                header(UnsafeRawBufferPointer(rebasing: block[index..<(index + 512)]))
                index += 512
                position += 512
            } else {
                let take = min(512 - carry.count, block.count - index)
                carry += UnsafeRawBufferPointer(rebasing: block[index..<(index + take)])
                index += take
                position += Int64(take)
                if carry.count == 512 {
                    let full = carry
                    carry = []
                    full.withUnsafeBytes { header($0) }
                }
            }
        }
    }

    /// Compares a regular file libarchive handed out (its data at `offset`) with node-tar's next file.
    /// Returns why they disagree, once; nil while they agree. libarchive files node-tar does not write are passed
    /// over (scanning more than the consumer writes does not hide anything).
    public func matchLibarchiveFile(path: String, size: Int64?, offset: Int64) -> String? {
        guard isActive, !reported else { return nil }
        if let unpredictable { return report(unpredictable) }
        guard pendingStart < pending.count else { return nil }
        let next = pending[pendingStart]
        if next.path == path {
            pendingStart += 1
            if pendingStart > 4096 {
                pending.removeFirst(pendingStart)
                pendingStart = 0
            }
            if next.size != (size ?? next.size) || next.dataOffset != offset {
                return report(
                    "node-tar (npm) reads \"\(next.path)\" as \(next.size) bytes from offset \(next.dataOffset), "
                        + "libarchive as \(size.map(String.init) ?? "?") bytes from offset \(offset)")
            }
            return nil
        }
        if pending.count - pendingStart > 10_000 {
            return report("node-tar (npm) writes \"\(next.path)\", which libarchive does not read")
        }
        return nil
    }

    /// At the end of the archive: a file node-tar writes that libarchive never handed out, if any.
    public func finish() -> String? {
        guard isActive, !reported else { return nil }
        if let unpredictable { return report(unpredictable) }
        guard pendingStart < pending.count else { return nil }
        let next = pending[pendingStart]
        let more = pending.count - pendingStart - 1
        return report(
            "node-tar (npm) writes \"\(next.path)\" (\(next.size) bytes)\(more > 0 ? " and \(more) more files" : ""), "
                + "which libarchive does not read as such")
    }

    private func report(_ message: String) -> String {
        reported = true
        guard !remarks.isEmpty else { return message }
        return message + " (" + remarks.joined(separator: "; ") + ")"
    }

    private func remark(_ text: String) {
        if remarks.count < 4, !remarks.contains(text) { remarks.append(text) }
    }

    // MARK: - One header, as node-tar 6 decodes it

    private func header(_ block: UnsafeRawBufferPointer) {
        let headerOffset = position
        if block[124] & 0x80 != 0, Self.number(block, 124, 12) == nil {
            // `new Header` throws on a base-256 number it cannot represent: the block is skipped with a warning.
            remark("a size in base-256 that node-tar rejects: it skips the header")
            return
        }
        var size = Self.number(block, 124, 12)
        if let value = size, value < 0 {
            unpredictable = "a negative size in a tar header; what node-tar reads after it is not predictable"
        }
        let checksum = Self.number(block, 148, 12)
        // The checksum field counts as spaces: sum every byte, then swap the field's bytes for eight spaces.
        var sum = 8 * 0x20 + Self.byteSum(block) - Self.byteSum(UnsafeRawBufferPointer(rebasing: block[144..<160]))
        for index in 144..<148 { sum &+= Int(block[index]) }
        for index in 156..<160 { sum &+= Int(block[index]) }
        let isNullBlock = checksum == nil && sum == 8 * 0x20
        if !started {
            started = true
            if !isNullBlock, checksum.map({ Int($0) == sum }) != true {
                isActive = false
                return
            }
        }
        if isNullBlock {
            if sawNullBlock {
                sawEOF = true
            } else {
                sawNullBlock = true
            }
            return
        }
        if sawNullBlock {
            remark("a zero block before more members: node-tar reads on")
        }
        sawNullBlock = false
        guard checksum.map({ Int($0) == sum }) == true else {
            remark("a header with a bad checksum: node-tar skips its 512 bytes and reads the next as a header")
            return
        }
        // Header.decode: pending extended, then global extended fields, on every header (meta ones too).
        if let value = ex?.size { size = value }
        if let value = gex?.size {
            size = value
            remark("a pax global header sets size: node-tar applies it to every later header")
        }
        if ex?.sizeUnparseable == true || gex?.sizeUnparseable == true {
            unpredictable = "a pax header sets a size that is not a number; what node-tar reads after it is not predictable"
        }
        var type = block[156]
        if type == 0 { type = UInt8(ascii: "0") }
        // Names are decoded only for the entries node-tar writes as files (and may turn into directories); the
        // others need only "is it empty", which the first byte tells.
        let isFile = type == UInt8(ascii: "0") || type == UInt8(ascii: "7")
        var path = ex?.path ?? (isFile ? Self.string(block, 0, 100) : "")
        var pathIsEmpty = ex?.path == nil && block[0] == 0
        if type == UInt8(ascii: "0"), path.hasSuffix("/") { type = UInt8(ascii: "5") }
        if type == UInt8(ascii: "5") { size = 0 }
        let linkpathIsEmpty = block[157] == 0
        // The ustar prefix: 155 bytes when byte 475 is set (then joined even when empty), else 130 when non-empty.
        if block[475] != 0 || block[345] != 0, block[257..<265].elementsEqual(Self.ustarMagic) {
            if isFile { path = (block[475] != 0 ? Self.string(block, 345, 155) : Self.string(block, 345, 130)) + "/" + path }
            pathIsEmpty = false
        }
        guard !pathIsEmpty else { return }
        let isLink = type == UInt8(ascii: "1") || type == UInt8(ascii: "2")
        if isLink == linkpathIsEmpty {
            remark(
                isLink
                    ? "a link without a link name: node-tar skips the header"
                    : "a link name on a non-link header: node-tar skips the header and reads its body as headers")
            return
        }
        let bodySize = max(0, size ?? 0)
        let blocks = (bodySize + 511) / 512 * 512
        switch type {
        case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "g"), UInt8(ascii: "L"), UInt8(ascii: "N"), UInt8(ascii: "K"):
            if ex != nil, type != UInt8(ascii: "g") {
                remark("an extended header followed by another metadata header: node-tar applies it to that header")
            }
            if bodySize > Self.maxMetaEntrySize {
                remark("a metadata header over 1 MiB: node-tar ignores it")
                skip = blocks
            } else if bodySize > 0 {
                metaType = type
                metaWanted = bodySize
                meta = []
                skip = blocks
            }
        default:
            let entryPath = ex?.path ?? path
            ex = nil
            if Self.entryTypes.contains(type) {
                if isFile, type != UInt8(ascii: "5") {
                    pending.append(File(path: entryPath, size: bodySize, dataOffset: headerOffset + 512))
                } else if bodySize > 0, type != UInt8(ascii: "5"), type != UInt8(ascii: "D") {
                    remark("a link or device entry with a \(bodySize)-byte body: node-tar skips the body")
                }
            }
            skip = blocks
        }
    }

    private func finishMeta() {
        let text = String(decoding: meta, as: UTF8.self)
        switch metaType {
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            ex = Self.parsePax(text, into: ex ?? Pax())
        case UInt8(ascii: "g"):
            gex = Self.parsePax(text, into: gex ?? Pax())
        case UInt8(ascii: "K"):
            var value = ex ?? Pax()
            value.linkpath = Self.upToNul(text)
            ex = value
        default:
            var value = ex ?? Pax()
            if value.path != nil { remark("a GNU long name and a pax path for one member: node-tar takes the later") }
            value.path = Self.upToNul(text)
            ex = value
        }
        metaType = 0
        meta = []
    }

    /// `Pax.parse`: `len key=value` lines, a line kept only when its length prefix is exact; empty or zero values
    /// clear the field (`obj.path || null`).
    private static func parsePax(_ text: String, into base: Pax) -> Pax {
        var result = base
        var body = Substring(text)
        if body.hasSuffix("\n") { body.removeLast() }
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let digits = line.drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
            guard let length = Int(digits), length == line.utf8.count + 1 else { continue }
            let rest = line.dropFirst("\(length) ".count)
            guard let equals = rest.firstIndex(of: "="), equals != rest.startIndex else { continue }
            let key = rest[..<equals]
            let value = String(rest[rest.index(after: equals)...])
            switch key {
            case "path":
                result.path = value.isEmpty ? nil : value
            case "linkpath": result.linkpath = value.isEmpty ? nil : value
            case "size":
                if !value.isEmpty, value.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    let number = Int64(value)
                    result.size = number == 0 ? nil : number
                    result.sizeUnparseable = number == nil
                } else {
                    result.sizeUnparseable = !value.isEmpty
                }
            default: break
            }
        }
        return result
    }

    private static func upToNul(_ text: String) -> String {
        String(text.prefix { $0 != "\u{0}" })
    }

    /// `decString`: UTF-8 up to the first NUL.
    private static func string(_ block: UnsafeRawBufferPointer, _ offset: Int, _ count: Int) -> String {
        let start = block.baseAddress! + offset
        let length = memchr(start, 0, count).map { $0 - UnsafeMutableRawPointer(mutating: start) } ?? count
        return String(decoding: UnsafeRawBufferPointer(start: start, count: length), as: UTF8.self)
    }

    /// The sum of a multiple of 8 bytes: 64 at a time in 16-bit lanes (which cannot overflow for a 512-byte header:
    /// eight lanes' sum of at most 16 bytes each, folded once), the rest eight at a time.
    private static func byteSum(_ bytes: UnsafeRawBufferPointer) -> Int {
        let mask = SIMD8<UInt64>(repeating: 0x00FF_00FF_00FF_00FF)
        var wide = SIMD8<UInt64>(repeating: 0)
        var offset = 0
        while offset + 64 <= bytes.count {
            let words = bytes.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt64>.self)
            wide &+= (words & mask) &+ ((words &>> 8) & mask)
            offset += 64
        }
        var lanes = wide.wrappedSum()
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            lanes &+= (word & mask[0]) &+ ((word >> 8) & mask[0])
            offset += 8
        }
        let pairs = (lanes & 0x0000_FFFF_0000_FFFF) &+ ((lanes >> 16) & 0x0000_FFFF_0000_FFFF)
        return Int((pairs & 0xFFFF_FFFF) &+ (pairs >> 32))
    }

    /// `decNumber`: base-256 when the high bit is set, else octal digits up to a NUL (after trimming), as
    /// `parseInt(…, 8)` reads them; nil where node-tar gets NaN.
    private static func number(_ block: UnsafeRawBufferPointer, _ offset: Int, _ count: Int) -> Int64? {
        let first = block[offset]
        if first & 0x80 != 0 {
            guard first == 0x80 || first == 0xFF else { return nil }
            var value: Int64 = first == 0xFF ? -1 : 0
            for index in (offset + 1)..<(offset + count) {
                guard value.leadingZeroBitCount > 9 || value < 0 else { return nil }
                value = value << 8 | Int64(block[index])
            }
            return value
        }
        // Up to the first NUL, leading white space trimmed, an optional sign, then octal digits (a NUL ends both).
        let end = offset + count
        var index = offset
        while index < end, block[index] == 0x20 || (block[index] >= 0x09 && block[index] <= 0x0D) { index += 1 }
        if index < end, block[index] == UInt8(ascii: "+") || block[index] == UInt8(ascii: "-") {
            guard block[index] == UInt8(ascii: "+") else { return nil }
            index += 1
        }
        var value: Int64 = 0
        let firstDigit = index
        while index < end, block[index] >= UInt8(ascii: "0"), block[index] <= UInt8(ascii: "7") {
            guard value < Int64.max >> 3 else { return nil }
            value = value << 3 | Int64(block[index] - UInt8(ascii: "0"))
            index += 1
        }
        return index == firstDigit ? nil : value
    }
}

/// Passes a source's blocks through unchanged, showing each to a `NodeTarShadow` first.
final class ShadowedByteSource: ByteSource {
    private let source: any ByteSource
    private let shadow: NodeTarShadow

    init(source: any ByteSource, shadow: NodeTarShadow) {
        self.source = source
        self.shadow = shadow
    }

    var failure: ArchiveError? { source.failure }

    func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        let block = try source.nextBlock()
        if shadow.isActive { shadow.consume(block) }
        return block
    }
}
