#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a tar stream's headers with node-tar's rules alongside libarchive, so the files node-tar would write can be
/// compared with the members libarchive hands out: node-tar 6 (npm 10) always, node-tar 7 (npm 11, two rule sets, see
/// `NodeTarRules`) from the first header where their readings can part (a metadata header or a negative size).
///
/// node-tar differs from libarchive in ways an attacker can use to hide a member from one of them: it reads on past
/// a single zero block (libarchive stops there unless told to read concatenated archives), applies a pax global
/// header's `size` to every later header, applies a pending extended header to the long-name header that follows
/// it, gives hard links and device entries a body of their header's size, skips a header whose link-name field is
/// set on a non-link and reads its body as headers, and lets the last of a GNU long name and a pax `path` win.
/// Rather than imitate libarchive, this follows node-tar's parser step by step (`lib/parse.js`, `lib/header.js`,
/// `lib/pax.js`, `lib/read-entry.js` of node-tar 6.2; `src/*.ts` of 7.x) and records each file entry it would write.
///
/// Per block it only advances counters; a header costs one pass over its 512 bytes.
public final class NodeTarShadow {
    /// A file node-tar would write: its path, size and where its data starts in the tar stream.
    public struct File: Sendable, Equatable {
        public var path: String
        public var size: Int64
        public var dataOffset: Int64
    }

    /// Pending extended-header fields (pax `x`/`g`, GNU `L`/`N`/`K`) that decide where files start and what they are
    /// called.
    private struct Pax {
        var path: String?
        /// node-tar before 7.5.18 turns an all-digit value into a number: a file header then throws on `path.slice`.
        var pathIsNumber = false
        var size: Int64?
        var sizeUnparseable = false
    }

    /// The rules this shadow follows.
    public let rules: NodeTarRules
    /// False once the stream turned out not to be a tar (first header invalid) or node-tar's reading could not be
    /// followed; nothing is compared then.
    public private(set) var isActive = true
    /// Why the reading could not be followed, when it could not (then the comparison fails closed).
    public private(set) var unpredictable: String?
    /// Constructs seen on the way that node-tar and libarchive treat differently (the likely reason of a mismatch).
    public private(set) var remarks: [String] = []
    /// node-tar 7's readings, started at the first header where they can differ from node-tar 6's (node-tar 6 only).
    public private(set) var followers: [NodeTarShadow] = []
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
    /// Types `ReadEntry` neither treats as metadata nor ignores (`normalFsTypes` in node-tar 7).
    private static let entryTypes = Array("01234567D".utf8)

    /// True for node-tar 6's shadow, which starts node-tar 7's when their readings can part.
    private let startsFollowers: Bool

    public init(rules: NodeTarRules = .nodeTar6) {
        self.rules = rules
        startsFollowers = rules == .nodeTar6
    }

    /// A shadow following `rules` from the state this one is in (before any extended header was seen).
    private func follower(_ rules: NodeTarRules) -> NodeTarShadow {
        let copy = NodeTarShadow(rules: rules)
        copy.pending = Array(pending[pendingStart...])
        copy.position = position
        copy.started = started
        copy.sawNullBlock = sawNullBlock
        copy.remarks = remarks
        return copy
    }

    /// Feeds the next bytes of the (uncompressed) tar stream.
    public func consume(_ block: UnsafeRawBufferPointer) {
        let hadFollowers = !followers.isEmpty
        var followFrom = 0
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
            let forked: Bool
            if carry.isEmpty, block.count - index >= 512 {
                forked = header(UnsafeRawBufferPointer(rebasing: block[index..<(index + 512)]))
                index += 512
                position += 512
            } else {
                let take = min(512 - carry.count, block.count - index)
                carry += UnsafeRawBufferPointer(rebasing: block[index..<(index + take)])
                index += take
                position += Int64(take)
                guard carry.count == 512 else { continue }
                let full = carry
                carry = []
                position -= 512
                forked = full.withUnsafeBytes { header($0) }
                position += 512
            }
            if forked { followFrom = index }
        }
        guard !followers.isEmpty else { return }
        let rest = UnsafeRawBufferPointer(rebasing: block[(hadFollowers ? 0 : followFrom)...])
        for follower in followers where follower.isActive { follower.consume(rest) }
    }

    /// Compares a regular file libarchive handed out (its data at `offset`) with node-tar's next file, for each rule
    /// set followed. Returns why they disagree, once per rule set; nil while they agree. libarchive files node-tar does
    /// not write are passed over (scanning more than the consumer writes does not hide anything).
    public func matchLibarchiveFile(path: String, size: Int64?, offset: Int64) -> String? {
        let own = matchOwn(path: path, size: size, offset: offset)
        var found = own
        for follower in followers {
            let theirs = follower.matchOwn(path: path, size: size, offset: offset)
            if found == nil { found = theirs }
        }
        return found
    }

    private func matchOwn(path: String, size: Int64?, offset: Int64) -> String? {
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
                    "\(rules.consumer) reads \"\(next.path)\" as \(next.size) bytes from offset \(next.dataOffset), "
                        + "libarchive as \(size.map(String.init) ?? "?") bytes from offset \(offset)")
            }
            return nil
        }
        if pending.count - pendingStart > 10_000 {
            return report("\(rules.consumer) writes \"\(next.path)\", which libarchive does not read")
        }
        return nil
    }

    /// At the end of the archive: a file node-tar writes that libarchive never handed out, if any (node-tar 6's
    /// reading first, then node-tar 7's).
    public func finish() -> String? {
        let own = finishOwn()
        var found = own
        for follower in followers {
            let theirs = follower.finishOwn()
            if found == nil { found = theirs }
        }
        return found
    }

    private func finishOwn() -> String? {
        guard isActive, !reported else { return nil }
        if let unpredictable { return report(unpredictable) }
        guard pendingStart < pending.count else { return nil }
        let next = pending[pendingStart]
        let more = pending.count - pendingStart - 1
        return report(
            "\(rules.consumer) writes \"\(next.path)\" (\(next.size) bytes)\(more > 0 ? " and \(more) more files" : ""), "
                + "which libarchive does not read as such")
    }

    /// The files this rule set writes that were not matched yet (all of them when nothing was matched).
    public var unmatchedFiles: [File] {
        Array(pending[pendingStart...])
    }

    private func report(_ message: String) -> String {
        reported = true
        guard !remarks.isEmpty else { return message }
        return message + " (" + remarks.joined(separator: "; ") + ")"
    }

    private func remark(_ text: String) {
        if remarks.count < 4, !remarks.contains(text) { remarks.append(text) }
    }

    // MARK: - One header, as node-tar decodes it

    /// Reads the header at `position`; true when node-tar 7's readings start here (they read this header themselves).
    private func header(_ block: UnsafeRawBufferPointer) -> Bool {
        let headerOffset = position
        if block[124] & 0x80 != 0, Self.number(block, 124, 12) == nil {
            // `new Header` throws on a base-256 number it cannot represent: the block is skipped with a warning.
            remark("a size in base-256 that node-tar rejects: it skips the header")
            return false
        }
        var type = block[156]
        var size = Self.number(block, 124, 12)
        if startsFollowers, followers.isEmpty, Self.isMetadata(type) || (size ?? 0) < 0 {
            // From here on node-tar 7 may read the stream otherwise: follow it too, from this very header.
            followers = NodeTarRules.followers.map { follower($0) }
            for follower in followers {
                _ = follower.header(block)
                follower.position = headerOffset + 512
            }
            decode(block, type: &type, size: &size, at: headerOffset)
            return true
        }
        decode(block, type: &type, size: &size, at: headerOffset)
        return false
    }

    /// `Header.decode` and `Parser[CONSUMEHEADER]` for one header block whose type byte and size field were read.
    private func decode(_ block: UnsafeRawBufferPointer, type: inout UInt8, size: inout Int64?, at headerOffset: Int64) {
        if let value = size, value < 0 {
            if rules.negativeSizeReadsAsEmpty {
                size = nil
            } else {
                unpredictable = "a negative size in a tar header; what node-tar reads after it is not predictable"
            }
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
        if type == 0 { type = UInt8(ascii: "0") }
        let isFileSystemEntry = Self.entryTypes.contains(type)
        // Header.decode: pending extended and global fields (node-tar 7.5.16+: on file-system entries only).
        let applies = isFileSystemEntry || !rules.extendedAppliesOnlyToFileSystemEntries
        let local = applies ? ex : nil
        let global = applies ? gex : nil
        if rules.localOverridesGlobal {
            if let value = local?.size ?? global?.size { size = value }
        } else {
            if let value = local?.size { size = value }
            if let value = global?.size { size = value }
        }
        if global?.size != nil {
            remark("a pax global header sets size: node-tar applies it to later headers")
        }
        if local?.sizeUnparseable == true || global?.sizeUnparseable == true {
            unpredictable = "a pax header sets a size that is not a number; what node-tar reads after it is not predictable"
        }
        // Names are decoded only for the entries node-tar writes as files (and may turn into directories); the
        // others need only "is it empty", which the first byte tells.
        let isFile = type == UInt8(ascii: "0") || type == UInt8(ascii: "7")
        if type == UInt8(ascii: "0"), local?.pathIsNumber == true {
            // `this.path.slice(-1)` on a number throws inside `new Header`: the header is skipped.
            remark("an all-digit pax path: node-tar before 7.5.18 skips the header")
            return
        }
        var path = local?.path ?? (isFile ? Self.string(block, 0, 100) : "")
        var pathIsEmpty = local?.path.map { $0.isEmpty } ?? (block[0] == 0)
        if type == UInt8(ascii: "0"), path.hasSuffix("/") { type = UInt8(ascii: "5") }
        if type == UInt8(ascii: "5") { size = 0 }
        let linkpathIsEmpty = block[157] == 0
        // The ustar prefix: 155 bytes when byte 475 is set (then joined even when empty), else 130 when non-empty.
        if block[475] != 0 || block[345] != 0, block[257..<265].elementsEqual(Self.ustarMagic) {
            if isFile { path = (block[475] != 0 ? Self.string(block, 345, 155) : Self.string(block, 345, 130)) + "/" + path }
            pathIsEmpty = false
        }
        guard !pathIsEmpty else {
            remark("a header whose path is empty: node-tar skips it and reads its body as headers")
            return
        }
        let isLink = type == UInt8(ascii: "1") || type == UInt8(ascii: "2")
        let isPax = type == UInt8(ascii: "x") || type == UInt8(ascii: "g")
        if isLink ? linkpathIsEmpty : !linkpathIsEmpty && !(isPax && rules.linkNameAllowedOnPaxHeaders) {
            remark(
                isLink
                    ? "a link without a link name: node-tar skips the header"
                    : "a link name on a non-link header: node-tar skips the header and reads its body as headers")
            return
        }
        let bodySize = max(0, size ?? 0)
        let blocks = (bodySize + 511) / 512 * 512
        if Self.isMetadata(type) {
            if ex != nil, type != UInt8(ascii: "g") {
                remark("an extended header followed by another metadata header")
            }
            // ReadEntry slurps the pending fields (global last) whatever the rules for the header: its `size`
            // decides between ignoring, collecting and (at zero) reading the body as headers.
            let entrySize = gex?.size ?? ex?.size ?? bodySize
            if entrySize > Self.maxMetaEntrySize {
                remark("a metadata header over 1 MiB: node-tar ignores it")
                skip = blocks
            } else if entrySize > 0 {
                metaType = type
                metaWanted = bodySize
                meta = []
                skip = blocks
                // An empty body ends the metadata entry with the next block it is handed.
                if bodySize == 0 { finishMeta() }
            } else if bodySize > 0 {
                remark("a metadata header read as empty: node-tar reads its body as headers")
            }
            return
        }
        let entryPath = ex?.path ?? path
        ex = nil
        if isFileSystemEntry {
            if isFile, type != UInt8(ascii: "5") {
                pending.append(File(path: entryPath, size: bodySize, dataOffset: headerOffset + 512))
            } else if bodySize > 0, type != UInt8(ascii: "5"), type != UInt8(ascii: "D") {
                remark("a link or device entry with a \(bodySize)-byte body: node-tar skips the body")
            }
        }
        skip = blocks
        return
    }

    private func finishMeta() {
        switch metaType {
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            ex = Self.parsePax(meta, into: ex ?? Pax(), rules: rules)
        case UInt8(ascii: "g"):
            gex = Self.parsePax(meta, into: gex ?? Pax(), rules: rules)
        case UInt8(ascii: "K"):
            // The link name of the next entry: only links use it, and the header's own field decides "linkpath
            // forbidden" (decode overwrites the slurped one).
            ex = ex ?? Pax()
        default:
            var value = ex ?? Pax()
            if value.path != nil { remark("a GNU long name and a pax path for one member: node-tar takes the later") }
            value.path = Self.text(Self.upToNul(meta[...]))
            value.pathIsNumber = false
            ex = value
        }
        metaType = 0
        meta = []
    }

    /// `Pax.parse`: `len key=value` lines, a line kept only when its length prefix is exact, later values over
    /// earlier ones. node-tar 6 drops empty or zero values (`obj.path || null`); 7 keeps them; 7.5.17+ ends values at a
    /// NUL; 7.5.18+ reads `size` as `+v` (kept when `>= 0`). A size node-tar may read as a number this does not
    /// follow (hex, fractions, exponents) is marked unparseable, and the comparison fails closed. Works on the bytes:
    /// only a `path` value becomes a string.
    private static func parsePax(_ body: [UInt8], into base: Pax, rules: NodeTarRules) -> Pax {
        var result = base
        // `.replace(/\n$/, '').split('\n')`
        let end = body.last == 0x0A ? body.count - 1 : body.count
        var lineStart = 0
        while lineStart <= end {
            let lineEnd = body[lineStart..<end].firstIndex(of: 0x0A) ?? end
            parseLine(body[lineStart..<lineEnd], into: &result, rules: rules)
            lineStart = lineEnd + 1
        }
        return result
    }

    /// One `parseKVLine`: `parseInt(line, 10)` must equal the line's UTF-8 length plus one (the newline).
    private static func parseLine(_ line: ArraySlice<UInt8>, into result: inout Pax, rules: NodeTarRules) {
        let digits = line.drop { isSpace($0) }.prefix { isDigit($0) }
        guard !digits.isEmpty, digits.count < 10 else { return }
        let length = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        // `Buffer.byteLength` of the decoded line: invalid UTF-8 counts as the replacement character's 3 bytes.
        let lineLength = line.allSatisfy { $0 < 0x80 } ? line.count : text(line).utf8.count
        guard length == lineLength + 1 else { return }
        // `line.slice((n + ' ').length)` from the start of the line, then `split('=')`.
        let rest = line.dropFirst(String(length).utf8.count + 1)
        let equals = rest.firstIndex(of: UInt8(ascii: "=")) ?? rest.endIndex
        guard equals != rest.startIndex else { return }
        let key = rest[..<equals]
        var value = equals == rest.endIndex ? rest[rest.endIndex...] : rest[(equals + 1)...]
        if rules.paxValuesEndAtNul { value = upToNul(value) }
        let isDigits = !value.isEmpty && value.allSatisfy(isDigit)
        if key.elementsEqual("path".utf8) {
            if rules.paxValuesTypedByKey {
                result.path = text(value)
                result.pathIsNumber = false
            } else {
                let isZero = isDigits && value.allSatisfy { $0 == UInt8(ascii: "0") }
                let dropped = (value.isEmpty || isZero) && !rules.paxKeepsEmptyValues
                result.path = dropped ? nil : text(value)
                result.pathIsNumber = isDigits && !dropped
            }
        } else if key.elementsEqual("size".utf8) {
            let number =
                rules.paxValuesTypedByKey
                ? Array(value.drop(while: isSpace).reversed().drop(while: isSpace).reversed()) : Array(value)
            if rules.paxValuesTypedByKey, number.isEmpty {
                result.size = 0
                result.sizeUnparseable = false
            } else if !number.isEmpty, number.count < 19, number.allSatisfy(isDigit) {
                let size = number.reduce(Int64(0)) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
                result.size = size == 0 && !rules.paxKeepsEmptyValues ? nil : size
                result.sizeUnparseable = false
            } else if value.isEmpty, !rules.paxKeepsEmptyValues {
                result.size = nil
                result.sizeUnparseable = false
            } else {
                result.sizeUnparseable = true
            }
        }
    }

    /// Types `ReadEntry` treats as metadata for the next entry: pax `x`/`X`/`g`, GNU `L`/`N`/`K`.
    private static func isMetadata(_ type: UInt8) -> Bool {
        switch type {
        case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "g"), UInt8(ascii: "L"), UInt8(ascii: "N"), UInt8(ascii: "K"):
            true
        default: false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The white space JavaScript's `parseInt` and `trim` skip (the ASCII part).
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func upToNul(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        bytes[..<(bytes.firstIndex(of: 0) ?? bytes.endIndex)]
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
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
