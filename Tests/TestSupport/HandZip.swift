/// Writes zips byte by byte (stored members, real CRC-32s), so tests can build what no zip tool writes on purpose:
/// local headers that lie, stray end records, stubs before the archive, concatenated archives.
public enum HandZip {
    public struct Entry: Sendable {
        public var name: String
        public var data: [UInt8]
        /// What the local header says instead of the truth, when set.
        public var localName: String?
        public var localSize: UInt32?
        /// Unix mode recorded in the central directory (version made by = Unix); nil records none (MS-DOS).
        public var unixMode: UInt32?

        public init(_ name: String, _ data: [UInt8], localName: String? = nil, localSize: UInt32? = nil, unixMode: UInt32? = nil)
        {
            self.name = name
            self.data = data
            self.localName = localName
            self.localSize = localSize
            self.unixMode = unixMode
        }

        public static func text(_ name: String, _ text: String) -> Entry {
            Entry(name, Array(text.utf8))
        }
    }

    /// A zip of `entries`. `prefix` goes before the first local header (offsets in the central directory stay
    /// relative to the zip, as `cat stub archive.zip` leaves them); `between` goes after the first member's data;
    /// `comment` is the archive comment.
    public static func build(_ entries: [Entry], prefix: [UInt8] = [], between: [UInt8] = [], comment: [UInt8] = []) -> [UInt8] {
        var body: [UInt8] = []
        var central: [UInt8] = []
        for (index, entry) in entries.enumerated() {
            let offset = UInt32(body.count)
            let name = Array(entry.name.utf8)
            let crc = CRC32.checksum(entry.data)
            let size = UInt32(entry.data.count)
            body += localEntry(entry)
            if index == 0 { body += between }
            let madeBy: UInt16 = entry.unixMode == nil ? 20 : 0x0314
            central += [0x50, 0x4B, 1, 2] + le16(madeBy) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
            central += le32(crc) + le32(size) + le32(size)
            central += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0)
            central += le32((entry.unixMode ?? 0) << 16) + le32(offset) + name
        }
        var end: [UInt8] = [0x50, 0x4B, 5, 6] + le16(0) + le16(0)
        end += le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        end += le32(UInt32(central.count)) + le32(UInt32(body.count)) + le16(UInt16(comment.count)) + comment
        return prefix + body + central + end
    }

    /// One stored member as a streaming reader sees it: its local header and data, no central directory entry (put
    /// in `between` it is a member only readers that trust local headers extract).
    public static func localEntry(_ entry: Entry) -> [UInt8] {
        let localName = Array((entry.localName ?? entry.name).utf8)
        let size = entry.localSize ?? UInt32(entry.data.count)
        var bytes: [UInt8] = [0x50, 0x4B, 3, 4] + le16(20) + le16(0) + le16(0) + le16(0) + le16(0x21)
        bytes += le32(CRC32.checksum(entry.data)) + le32(size) + le32(size)
        return bytes + le16(UInt16(localName.count)) + le16(0) + localName + entry.data
    }

    /// An end-of-central-directory record of an empty zip: what a streaming reader takes for the end of the archive.
    public static let strayEndRecord: [UInt8] = [0x50, 0x4B, 5, 6] + [UInt8](repeating: 0, count: 18)

    /// A CRX3 header (Chrome extension) of `headerSize` bytes of protobuf, before the zip.
    public static func crx3Header(headerSize: Int = 64) -> [UInt8] {
        Array("Cr24".utf8) + le32(3) + le32(UInt32(headerSize)) + [UInt8](repeating: 0x2A, count: headerSize)
    }

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] { le16(UInt16(value & 0xFFFF)) + le16(UInt16(value >> 16)) }
}
