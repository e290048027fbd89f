/// A pull source of bytes handed to libarchive through its read callback: nested archive members, pre-inflated gzip.
public protocol ByteSource: AnyObject {
    /// The next block of bytes; an empty buffer means end of input. The block stays valid until the next call.
    func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer
    /// The error that ended the source early, kept so the reader can name it instead of libarchive's generic wording.
    var failure: ArchiveError? { get }
}
