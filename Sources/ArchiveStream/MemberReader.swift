/// What the walk needs of a container reader: members one at a time and their data in blocks. `ArchiveReader`
/// (libarchive: every format it reads), `AsarReader` (Electron's asar, which no C library reads) and `SquashfsReader`
/// (libsquashfs: snaps, AppImages) implement it.
public protocol MemberReader: AnyObject {
    /// The next member's header; nil at the end. Throws `.headerFailed` for a member to skip, `.fatal` to stop.
    func nextEntry() throws(ArchiveError) -> ArchiveEntryInfo?
    /// The next block of the current member's data; empty at its end. Valid until the next call on this reader.
    func readBlock() throws(ArchiveError) -> UnsafeRawBufferPointer
    /// True when the input was not a container: one member, the (maybe decompressed) input itself.
    var isRawStream: Bool { get }
    /// True when the input was a compressed stream.
    var isCompressedStream: Bool { get }
    /// Bytes taken from the input so far.
    var inputBytes: Int64 { get }
    /// One-line warnings seen so far, for notes.
    var warnings: [String] { get }
    /// Who wrote the warnings (`libarchive`, `asar reader`).
    var warningSource: String { get }
    /// Reads the input to its end after the last member, so checksums of an outer stream are verified.
    func drainInput() throws(ArchiveError)
    /// The container format and its compressions, innermost first (`tar.gzip`, `zip`, `asar`; `file` for no archive).
    var containerFormat: String { get }
}

extension ArchiveReader: MemberReader {
    public var warningSource: String { "libarchive" }
}

/// Opens an artifact file with the reader its content needs: asar and squashfs by their headers, everything else
/// through libarchive.
public enum MemberReaders {
    /// Every byte read from the file also feeds `digest` when one is given.
    public static func open(
        path: String, inflateAhead: Bool = true, digest: InputDigest? = nil
    ) throws(ArchiveError) -> any MemberReader {
        let file = try FileByteSource(path: path)
        let head = file.head(count: 32)
        if head.withUnsafeBytes({ AsarReader.recognises($0) }) {
            file.digest = digest
            return AsarReader(source: file)
        }
        if head.withUnsafeBytes({ SquashfsReader.recognises($0) }) {
            let image = try RandomAccessFile(path: path)
            return SquashfsReader(input: digest.map { DigestingInput(image, digest: $0) } ?? image)
        }
        return try ArchiveReader.open(path: path, inflateAhead: inflateAhead, digest: digest)
    }
}
