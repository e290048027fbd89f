/// Reads a zip's central directory the way unzip and Python's `zipfile` (so pip) do — the last end record in the
/// final 64 KiB, offsets corrected for bytes prepended to the archive — and compares every central entry with the
/// local header it points to. Where they disagree, readers that trust local headers (streaming readers, libarchive's
/// fallback) and readers that trust the central directory extract different things, so a scan cannot claim to have
/// seen what the consumer sees.
///
/// Pure byte parsing over a `RandomAccessInput`; nothing is decompressed.
public struct ZipDirectoryCheck: Sendable, Equatable {
    public struct Disagreement: Sendable, Equatable {
        /// The member as the central directory names it; nil for a problem of the whole archive.
        public var member: String?
        public var message: String

        public init(member: String?, message: String) {
            self.member = member
            self.message = message
        }
    }

    /// Problems found, at most `maxReports` of them plus one line counting the rest.
    public var disagreements: [Disagreement] = []
    /// Bytes before the archive's first byte as the central directory counts them (an SFX stub, a CRX header, a
    /// launch script, or a whole other zip): 0 for a plain zip.
    public var prependedBytes: Int64 = 0
    /// True when the prepended bytes start with a local header: another zip (or hidden members) before this one,
    /// which readers that trust local headers extract.
    public var zipBefore = false
    /// Stretches between the members (or after the last one) that start with a local header the central directory
    /// does not list: streaming readers (Java's `ZipInputStream`, bsdtar on a pipe) extract those entries, unzip and
    /// pip do not. Each runs from its first local header to the next listed member or the central directory.
    public var hiddenLocalEntries: [Range<Int64>] = []
    /// Central directory entries read.
    public var entries = 0
    /// False when no end of central directory record was found: no central-directory reader opens this input.
    public var hasCentralDirectory = false

    /// The end record of an empty zip: where a streaming reader stops.
    public static let emptyEndRecord: [UInt8] = [0x50, 0x4B, 5, 6] + [UInt8](repeating: 0, count: 18)
    /// libarchive's seekable zip reader searches only this many final bytes for the end record.
    static let libarchiveEndSearch: Int64 = 16 << 10
    /// The end record (22 bytes) plus the longest comment: where unzip and `zipfile` search.
    static let endSearch: Int64 = 22 + 0xFFFF

    public static func run(on input: any RandomAccessInput, maxReports: Int = 20) throws(ArchiveError) -> ZipDirectoryCheck {
        var result = ZipDirectoryCheck()
        let window = Window(input: input)
        // Local headers sit at the front, the central directory at the end: each walk gets its own window, or every
        // member would refill one window twice (a 20,000-member wheel read 10 GB through pread that way).
        let localWindow = Window(input: input, capacity: 64 << 10)
        defer {
            window.release()
            localWindow.release()
        }
        let size = input.size
        guard size >= 22 else { return result }
        let tailStart = max(0, size - endSearch)
        guard let tail = try window.bytes(at: tailStart, count: Int(size - tailStart)) else { return result }
        var endIndex: Int?
        var index = tail.count - 22
        while index >= 0 {
            if tail[index] == 0x50, tail[index + 1] == 0x4B, tail[index + 2] == 5, tail[index + 3] == 6 {
                endIndex = index
                break
            }
            index -= 1
        }
        guard let endIndex else { return result }
        result.hasCentralDirectory = true
        let endOffset = tailStart + Int64(endIndex)
        var count = Int64(le16(tail, endIndex + 10))
        var directorySize = Int64(le32(tail, endIndex + 12))
        var directoryOffset = Int64(le32(tail, endIndex + 16))
        var directoryEnd = endOffset
        if !(endOffset > size - min(libarchiveEndSearch, size)) {
            result.report(
                nil,
                "the end of central directory record lies \(size - endOffset) bytes before the end of the file "
                    + "(a long archive comment): libarchive does not find it there and reads the zip from its local headers, "
                    + "unzip and pip from its central directory", maxReports: maxReports)
        }
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF, endOffset >= 20 + 56,
            let locator = try window.bytes(at: endOffset - 20, count: 20), signature(locator, 0, 6, 7),
            let record = try window.bytes(at: endOffset - 20 - 56, count: 56), signature(record, 0, 6, 6)
        {
            count = Int64(bitPattern: le64(record, 32))
            directorySize = Int64(bitPattern: le64(record, 40))
            directoryOffset = Int64(bitPattern: le64(record, 48))
            directoryEnd = endOffset - 20 - 56
        }
        let correction = directoryEnd - directorySize - directoryOffset
        guard correction >= 0, directorySize >= 0, directoryOffset >= 0 else {
            result.report(nil, "the end record places the central directory outside the file", maxReports: maxReports)
            return result
        }
        result.prependedBytes = correction
        if correction >= 4, let head = try window.bytes(at: 0, count: 4), signature(head, 0, 3, 4) {
            result.zipBefore = true
            result.report(
                nil,
                "the \(correction) bytes before this zip's first member start with a local header of another zip "
                    + "(concatenated zips): readers that trust local headers (Java's JarInputStream, streaming unzippers) "
                    + "extract those members, unzip and pip only the central directory's", maxReports: maxReports)
        }
        var position = directoryOffset + correction
        var overflow = 0
        var nameBytes: [UInt8] = []
        /// Where each listed member's local record (header, data, descriptor) lies, to find what lies between them.
        var records: [Range<Int64>] = []
        records.reserveCapacity(Int(min(count, 1 << 20)))
        while result.entries < count {
            guard let header = try window.bytes(at: position, count: 46), signature(header, 0, 1, 2) else {
                result.report(
                    nil, "the central directory ends after \(result.entries) of the \(count) entries its end record counts",
                    maxReports: maxReports)
                break
            }
            let nameLength = Int(le16(header, 28))
            let extraLength = Int(le16(header, 30))
            let commentLength = Int(le16(header, 32))
            var compressed = Int64(le32(header, 20))
            var uncompressed = Int64(le32(header, 24))
            var localOffset = Int64(le32(header, 42))
            guard let variable = try window.bytes(at: position + 46, count: nameLength + extraLength) else {
                result.report(nil, "the central directory is truncated", maxReports: maxReports)
                break
            }
            nameBytes.removeAll(keepingCapacity: true)
            nameBytes.append(contentsOf: variable[0..<nameLength])
            Self.applyZip64(
                UnsafeRawBufferPointer(rebasing: variable[nameLength...]), uncompressed: &uncompressed,
                compressed: &compressed, offset: &localOffset)
            result.entries += 1
            position += Int64(46 + nameLength + extraLength + commentLength)

            let (message, record) = try compareLocalHeader(
                localWindow, at: localOffset + correction, name: nameBytes, compressed: compressed, uncompressed: uncompressed)
            if let record { records.append(record) }
            if let message {
                if result.disagreements.count < maxReports {
                    result.disagreements.append(
                        Disagreement(member: String(decoding: nameBytes, as: UTF8.self), message: message))
                } else {
                    overflow += 1
                }
            }
        }
        if overflow > 0 {
            result.disagreements.append(
                Disagreement(
                    member: nil, message: "\(overflow) more members whose local headers disagree with the central directory"))
        }
        result.hiddenLocalEntries = try hiddenLocalEntries(
            localWindow, records: &records, from: correction, to: min(directoryOffset + correction, size))
        for hidden in result.hiddenLocalEntries {
            result.report(
                nil,
                "bytes \(hidden.lowerBound)–\(hidden.upperBound) hold local entries the central directory does not list: "
                    + "streaming readers (Java's ZipInputStream, bsdtar on a pipe) extract them, unzip and pip do not",
                maxReports: maxReports)
        }
        return result
    }

    /// The gaps between the listed members' records (and after the last one, up to the central directory) that hold a
    /// local header signature, each from that signature to the gap's end. Gaps are normally empty: nothing is read
    /// then, and the records are sorted in place (written in order, they are sorted already).
    private static func hiddenLocalEntries(
        _ window: Window, records: inout [Range<Int64>], from start: Int64, to directoryStart: Int64
    ) throws(ArchiveError) -> [Range<Int64>] {
        var gaps: [Range<Int64>] = []
        var cursor = start
        records.sort { $0.lowerBound < $1.lowerBound }
        for record in records {
            if record.lowerBound > cursor { gaps.append(cursor..<min(record.lowerBound, directoryStart)) }
            cursor = max(cursor, record.upperBound)
        }
        if directoryStart > cursor { gaps.append(cursor..<directoryStart) }
        var hidden: [Range<Int64>] = []
        for gap in gaps where gap.count >= 30 {
            if let signature = try firstLocalHeader(window, in: gap) { hidden.append(signature..<gap.upperBound) }
        }
        return hidden
    }

    /// The offset of the first `PK\3\4` inside `range`, read in window-sized steps.
    private static func firstLocalHeader(_ window: Window, in range: Range<Int64>) throws(ArchiveError) -> Int64? {
        let step = 32 << 10
        var offset = range.lowerBound
        while offset + 4 <= range.upperBound {
            let count = Int(min(Int64(step), range.upperBound - offset))
            guard let bytes = try window.bytes(at: offset, count: count) else { return nil }
            var index = 0
            while index + 4 <= bytes.count {
                if signature(bytes, index, 3, 4) { return offset + Int64(index) }
                index += 1
            }
            offset += Int64(max(1, count - 3))
        }
        return nil
    }

    private mutating func report(_ member: String?, _ message: String, maxReports: Int) {
        disagreements.append(Disagreement(member: member, message: message))
    }

    /// What differs between the local header and the central entry (nil when they agree), and where the member's local
    /// record (header, data, descriptor) lies when there is a local header.
    private static func compareLocalHeader(
        _ window: Window, at offset: Int64, name: [UInt8], compressed: Int64, uncompressed: Int64
    ) throws(ArchiveError) -> (message: String?, record: Range<Int64>?) {
        guard let local = try window.bytes(at: offset, count: 30), signature(local, 0, 3, 4) else {
            return ("the central directory points to offset \(offset), where there is no local header", nil)
        }
        let flags = le16(local, 6)
        let localCompressed = Int64(le32(local, 18))
        let localUncompressed = Int64(le32(local, 22))
        let nameLength = Int(le16(local, 26))
        let dataStart = offset + 30 + Int64(nameLength) + Int64(le16(local, 28))
        // Bit 3: sizes follow the data in a descriptor; readers take them from the central directory.
        let deferred = flags & 0x8 != 0
        let zip64 = localCompressed == 0xFFFF_FFFF || localUncompressed == 0xFFFF_FFFF
        var end = dataStart + compressed
        if deferred {
            // CRC and two sizes (8 bytes each in zip64), after an optional signature.
            let sizes: Int64 = compressed >= 0xFFFF_FFFF || uncompressed >= 0xFFFF_FFFF ? 16 : 8
            let signed = try window.bytes(at: end, count: 4).map { signature($0, 0, 7, 8) } ?? false
            end += (signed ? 4 : 0) + 4 + sizes
        }
        let record = offset..<max(end, offset + 30)
        guard let localName = try window.bytes(at: offset + 30, count: nameLength) else {
            return ("the local header is truncated", record)
        }
        if !localName.elementsEqual(name) {
            return (
                "the local header names it \"\(String(decoding: localName, as: UTF8.self))\": readers that trust "
                    + "local headers see another name (pip refuses the archive)", record
            )
        }
        if !deferred, !zip64, localCompressed != compressed || localUncompressed != uncompressed {
            return (
                "the local header says \(localCompressed) compressed / \(localUncompressed) uncompressed bytes, "
                    + "the central directory \(compressed) / \(uncompressed): readers that trust local headers read other data",
                record
            )
        }
        return (nil, record)
    }

    /// Replaces 0xFFFFFFFF fields by the values of the zip64 extended-information extra field (id 1), in its order.
    private static func applyZip64(
        _ extra: UnsafeRawBufferPointer, uncompressed: inout Int64, compressed: inout Int64, offset: inout Int64
    ) {
        var index = 0
        while index + 4 <= extra.count {
            let id = le16(extra, index)
            let length = Int(le16(extra, index + 2))
            let body = index + 4
            guard body + length <= extra.count else { return }
            if id == 1 {
                var field = body
                if uncompressed == 0xFFFF_FFFF, field + 8 <= body + length {
                    uncompressed = Int64(bitPattern: le64(extra, field))
                    field += 8
                }
                if compressed == 0xFFFF_FFFF, field + 8 <= body + length {
                    compressed = Int64(bitPattern: le64(extra, field))
                    field += 8
                }
                if offset == 0xFFFF_FFFF, field + 8 <= body + length {
                    offset = Int64(bitPattern: le64(extra, field))
                }
                return
            }
            index = body + length
        }
    }

    private static func signature(_ bytes: UnsafeRawBufferPointer, _ at: Int, _ third: UInt8, _ fourth: UInt8) -> Bool {
        bytes.count >= at + 4 && bytes[at] == 0x50 && bytes[at + 1] == 0x4B && bytes[at + 2] == third && bytes[at + 3] == fourth
    }

    private static func le16(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func le32(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(le16(bytes, at)) | UInt32(le16(bytes, at + 2)) << 16
    }

    private static func le64(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        UInt64(le32(bytes, at)) | UInt64(le32(bytes, at + 4)) << 32
    }

    /// A read-through window over the input, so walking thousands of small headers costs few reads.
    private final class Window {
        let input: any RandomAccessInput
        let buffer: UnsafeMutableRawBufferPointer
        var start: Int64 = 0
        var count = 0

        init(input: any RandomAccessInput, capacity: Int = 256 << 10) {
            self.input = input
            buffer = .allocate(byteCount: capacity, alignment: 16)
        }

        func release() {
            buffer.deallocate()
        }

        /// `count` bytes at `offset`, valid until the next call; nil when the input ends first.
        func bytes(at offset: Int64, count wanted: Int) throws(ArchiveError) -> UnsafeRawBufferPointer? {
            guard offset >= 0, wanted <= buffer.count, offset + Int64(wanted) <= input.size else { return nil }
            if offset < start || offset + Int64(wanted) > start + Int64(count) {
                start = offset
                count = 0
                while count < buffer.count {
                    let got = try input.read(
                        at: start + Int64(count), into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
                    if got == 0 { break }
                    count += got
                }
                guard count >= wanted else { return nil }
            }
            let from = Int(offset - start)
            return UnsafeRawBufferPointer(rebasing: buffer[from..<(from + wanted)])
        }
    }
}
