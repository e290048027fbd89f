import CArchive

/// Owns a `ByteSource` for the lifetime of a libarchive handle opened with callbacks and records its failure.
final class CallbackBridge {
    let source: any ByteSource
    var failure: ArchiveError?

    init(source: any ByteSource) {
        self.source = source
    }

    /// The read callback: returns the source's next block, 0 at end, -1 (with the error recorded) on failure.
    static func read(context: UnsafeMutableRawPointer?, buffer: UnsafeMutablePointer<UnsafeRawPointer?>?) -> la_ssize_t {
        guard let context, let buffer else { return -1 }
        let bridge = Unmanaged<CallbackBridge>.fromOpaque(context).takeUnretainedValue()
        do {
            let block = try bridge.source.nextBlock()
            buffer.pointee = block.baseAddress.map { UnsafeRawPointer($0) }
            return la_ssize_t(block.count)
        } catch {
            bridge.failure = error
            return -1
        }
    }
}
