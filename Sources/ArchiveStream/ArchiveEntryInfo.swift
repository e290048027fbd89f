/// What one archive member is, copied out of libarchive's reused `archive_entry` right after the header was read.
public struct ArchiveEntryInfo: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case regular, directory, symlink, hardlink, other
    }

    /// Member path as stored (non-UTF-8 bytes replaced), relative to the archive or walked directory.
    public var path: String
    public var kind: Kind
    /// Declared size in bytes when the format records one.
    public var size: Int64?
    /// True when the member's data is encrypted and cannot be read.
    public var isEncrypted: Bool

    public init(path: String, kind: Kind, size: Int64?, isEncrypted: Bool = false) {
        self.path = path
        self.kind = kind
        self.size = size
        self.isEncrypted = isEncrypted
    }
}
