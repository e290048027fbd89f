/// The SHA-256 of an artifact's bytes, fed by whichever source reads them: bytes that continue the hashed prefix are
/// hashed as they pass, so a front-to-back read costs no second pass; what a reader skipped or read out of order (a
/// zip's central directory, read first) is hashed when the scan is over, from the hashed prefix to the end.
public final class InputDigest {
    private var hasher = SHA256()

    public init() {}

    /// Bytes hashed so far: the artifact's first `hashedBytes` bytes.
    public var hashedBytes: Int64 { hasher.byteCount }

    /// Records `bytes`, read at `offset` of the artifact; only what continues the hashed prefix is hashed.
    public func observe(_ bytes: UnsafeRawBufferPointer, at offset: Int64) {
        let end = offset + Int64(bytes.count)
        let hashed = hasher.byteCount
        guard offset <= hashed, end > hashed else { return }
        hasher.update(UnsafeRawBufferPointer(rebasing: bytes[Int(hashed - offset)...]))
    }

    /// The digest of the bytes hashed so far, as `sha256sum` prints it.
    public var hexDigest: String { hasher.hexDigest() }
}

/// A `RandomAccessInput` whose reads feed an `InputDigest`: the top-level artifact, read by libarchive's seekable
/// readers.
public final class DigestingInput: RandomAccessInput {
    private let base: any RandomAccessInput
    public let digest: InputDigest

    public init(_ base: any RandomAccessInput, digest: InputDigest) {
        self.base = base
        self.digest = digest
    }

    public var size: Int64 { base.size }

    public func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        let count = try base.read(at: offset, into: buffer)
        digest.observe(UnsafeRawBufferPointer(rebasing: buffer[..<count]), at: offset)
        return count
    }
}

extension InputDigest {
    /// Hashes the rest of a file the scan did not read front to back (a zip's central directory, bytes after an
    /// archive's end marker): from the hashed prefix to the end, each byte read once more at most.
    public func complete(from file: any RandomAccessInput) throws(ArchiveError) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { buffer.deallocate() }
        while hashedBytes < file.size {
            let offset = hashedBytes
            let count = try file.read(at: offset, into: buffer)
            if count == 0 { break }
            observe(UnsafeRawBufferPointer(rebasing: buffer[..<count]), at: offset)
        }
    }

    /// Hashes what is left of a stream (a pipe) after the scan, up to `limit` more bytes. Returns false when the stream
    /// holds more than that: its digest is then unknown.
    public func complete(fromStream source: any ByteSource, limit: Int64) throws(ArchiveError) -> Bool {
        var extra: Int64 = 0
        while true {
            let block = try source.nextBlock()
            if block.isEmpty { return true }
            extra += Int64(block.count)
            if extra > limit { return false }
            observe(block, at: hashedBytes)
        }
    }
}
