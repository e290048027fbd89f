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
    /// For a zip entry whose mode says symbolic link: the bytes libarchive took for its target, which are the
    /// entry's data — Python's `zipfile` (so pip) writes them out as a regular file's content.
    public var zipLinkData: [UInt8]?

    public init(path: String, kind: Kind, size: Int64?, isEncrypted: Bool = false, zipLinkData: [UInt8]? = nil) {
        self.path = path
        self.kind = kind
        self.size = size
        self.isEncrypted = isEncrypted
        self.zipLinkData = zipLinkData
    }

    /// True for an entry whose type says link or special file but which carries bytes all the same: the last
    /// hard link of a cpio/rpm group holds the data, pax allows a body on a hard link, zips store link targets and
    /// device entries as data that pip writes out as a file.
    public var carriesData: Bool {
        switch kind {
        case .regular: true
        case .directory: false
        case .symlink: zipLinkData != nil
        case .hardlink, .other: (size ?? 0) > 0
        }
    }
}
