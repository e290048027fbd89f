import FoundationEssentials

/// Reads Electron's asar archives (`resources/app.asar` of every Electron app) as a stream: a pickled header — a
/// 4-byte pickle holding the header's size, then a pickle holding a JSON index of the files with their sizes and
/// offsets — followed by the files' data. No C library reads asar, and libarchive's bidders take its header for raw
/// lzma, so it is read here: the index is decoded (bounded by `maximumIndexSize`), then members are handed out in
/// data order, skipping what lies between them, never seeking back.
///
/// Entries marked `"unpacked": true` have no data in the archive (they live in `app.asar.unpacked/` beside it) and
/// come out as `.other` with a warning; links come out as symbolic links. An entry whose data would lie before the
/// end of an earlier one cannot be reached in one pass and is reported as a failed header (the walk names it).
public final class AsarReader: MemberReader {
    /// The JSON index is held in memory while it is decoded; larger ones are refused (a fatal error, so incomplete).
    public static let maximumIndexSize = 64 << 20

    private struct Entry {
        var path: String
        var kind: ArchiveEntryInfo.Kind
        var offset: Int64
        var size: Int64
    }

    private let source: any ByteSource
    private var block = UnsafeRawBufferPointer(start: nil, count: 0)
    private var blockPosition = 0
    /// Offset in the archive of `block[blockPosition]`.
    private var position: Int64 = 0
    private var dataStart: Int64 = 0
    private var entries: [Entry]?
    private var nextIndex = 0
    private var remaining: Int64 = 0
    private var currentPath: String?
    public private(set) var warnings: [String] = []
    public var warningSource: String { "asar reader" }
    public var containerFormat: String { "asar" }
    public var isRawStream: Bool { false }
    public var isCompressedStream: Bool { false }
    public var inputBytes: Int64 { position }

    public init(source: any ByteSource) {
        self.source = source
    }

    /// True when `head` starts like an asar: a 4-byte pickle (`04 00 00 00`) holding the header size, then the header
    /// pickle's payload size and string length, then `{"files":`.
    public static func recognises(_ head: UnsafeRawBufferPointer) -> Bool {
        let prefix = Array("{\"files\":".utf8)
        guard head.count >= 16 + prefix.count, head[0] == 4, head[1] == 0, head[2] == 0, head[3] == 0 else { return false }
        let headerSize = Int(littleEndian32(head, 4)), payload = Int(littleEndian32(head, 8)),
            length = Int(littleEndian32(head, 12))
        guard payload + 4 <= headerSize, length + 4 <= payload else { return false }
        return prefix.indices.allSatisfy { head[16 + $0] == prefix[$0] }
    }

    private static func littleEndian32(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    public func nextEntry() throws(ArchiveError) -> ArchiveEntryInfo? {
        if entries == nil { try readIndex() }
        try skip(remaining)
        remaining = 0
        guard let entries, nextIndex < entries.count else { return nil }
        let entry = entries[nextIndex]
        nextIndex += 1
        currentPath = entry.path
        guard entry.kind == .regular else {
            return ArchiveEntryInfo(path: entry.path, kind: entry.kind, size: nil)
        }
        let start = dataStart + entry.offset
        guard start >= position else {
            throw ArchiveError(
                code: .headerFailed, status: 0,
                message:
                    "its data (offset \(entry.offset), \(entry.size) bytes) overlaps an earlier entry's; not read in one pass",
                entryPath: entry.path)
        }
        try skip(start - position)
        remaining = entry.size
        return ArchiveEntryInfo(path: entry.path, kind: .regular, size: entry.size)
    }

    public func readBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        guard remaining > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        try ensureBytes()
        let count = Int(min(Int64(block.count - blockPosition), remaining))
        let slice = UnsafeRawBufferPointer(rebasing: block[blockPosition..<(blockPosition + count)])
        blockPosition += count
        position += Int64(count)
        remaining -= Int64(count)
        return slice
    }

    public func drainInput() throws(ArchiveError) {
        while try !source.nextBlock().isEmpty {}
    }

    // MARK: - Input

    /// Makes at least one unread byte available, or throws: the archive ended early.
    private func ensureBytes() throws(ArchiveError) {
        while blockPosition == block.count {
            block = try source.nextBlock()
            blockPosition = 0
            if block.isEmpty {
                throw ArchiveError(
                    code: .fatal, status: 0, message: "asar archive is truncated at byte \(position)", entryPath: currentPath)
            }
        }
    }

    private func skip(_ count: Int64) throws(ArchiveError) {
        var left = count
        while left > 0 {
            try ensureBytes()
            let step = Int(min(Int64(block.count - blockPosition), left))
            blockPosition += step
            position += Int64(step)
            left -= Int64(step)
        }
    }

    private func read(_ count: Int) throws(ArchiveError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            try ensureBytes()
            let step = min(block.count - blockPosition, count - bytes.count)
            bytes += block[blockPosition..<(blockPosition + step)]
            blockPosition += step
            position += Int64(step)
        }
        return bytes
    }

    // MARK: - Index

    private final class Node: Decodable {
        let files: [String: Node]?
        let size: Int64?
        let offset: String?
        let unpacked: Bool?
        let link: String?
    }

    private func readIndex() throws(ArchiveError) {
        entries = []
        let sizes = try read(8)
        let headerSize = Int(sizes.withUnsafeBytes { Self.littleEndian32($0, 4) })
        guard sizes.withUnsafeBytes({ Self.littleEndian32($0, 0) }) == 4, headerSize >= 8 else {
            throw ArchiveError(code: .fatal, status: 0, message: "not an asar archive: its header pickle is malformed")
        }
        guard headerSize <= Self.maximumIndexSize else {
            throw ArchiveError(
                code: .fatal, status: 0,
                message: "asar index of \(headerSize) bytes is larger than the \(Self.maximumIndexSize >> 20) MiB leak-scan reads"
            )
        }
        let header = try read(headerSize)
        dataStart = 8 + Int64(headerSize)
        let length = Int(header.withUnsafeBytes { Self.littleEndian32($0, 4) })
        guard length <= headerSize - 8 else {
            throw ArchiveError(code: .fatal, status: 0, message: "asar index length \(length) exceeds its header")
        }
        let root: Node
        do {
            root = try JSONDecoder().decode(Node.self, from: Data(header[8..<(8 + length)]))
        } catch {
            throw ArchiveError(code: .fatal, status: 0, message: "asar index is not valid JSON: \(error)")
        }
        var flat: [Entry] = []
        var unpacked = 0
        func visit(_ node: Node, _ path: String) throws(ArchiveError) {
            if let files = node.files {
                for name in files.keys.sorted() {
                    guard let child = files[name] else { continue }
                    try visit(child, path.isEmpty ? name : path + "/" + name)
                }
            } else if node.link != nil {
                flat.append(Entry(path: path, kind: .symlink, offset: 0, size: 0))
            } else if node.unpacked == true {
                unpacked += 1
                flat.append(Entry(path: path, kind: .other, offset: 0, size: 0))
            } else {
                guard let size = node.size, size >= 0, let offset = node.offset.flatMap({ Int64($0) }), offset >= 0 else {
                    throw ArchiveError(code: .fatal, status: 0, message: "asar index entry \(path) has no valid size and offset")
                }
                flat.append(Entry(path: path, kind: .regular, offset: offset, size: size))
            }
        }
        try visit(root, "")
        if unpacked > 0 {
            warnings.append(
                "\(unpacked) entries are marked unpacked: their data lives outside the archive (app.asar.unpacked/) and is scanned only where that folder is scanned"
            )
        }
        // Links and unpacked entries first (no data), then files in data order.
        entries = flat.sorted {
            ($0.kind == .regular ? 1 : 0, $0.offset, $0.path) < ($1.kind == .regular ? 1 : 0, $1.offset, $1.path)
        }
    }
}
