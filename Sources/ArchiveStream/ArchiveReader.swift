import CArchive
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Owns one libarchive read handle (`struct archive *`), freed in `deinit`, and walks its members one at a time.
///
/// Every libarchive status goes through `StatusPolicy`; errors carry `archive_error_string` captured when they happen.
public final class ArchiveReader {
    private let handle: OpaquePointer
    private var bridge: CallbackBridge?
    private var seekableBridge: SeekableBridge?
    /// node-tar's reading of the same stream, for streams handed to libarchive through a `ByteSource`.
    public private(set) var nodeTar: NodeTarWatch?
    /// Where the current member's data starts in the (uncompressed) archive stream (0 for a directory walk).
    public private(set) var dataOffset: Int64 = 0
    private let isDiskWalk: Bool
    private var diskRoot = ""
    private var currentPath: String?
    /// The compression ISA-L (`gzip`) or libbrotli (`brotli`) decoded before libarchive saw the input.
    private var decodedBeforeLibarchive: String?
    /// Warnings (`ARCHIVE_WARN`) seen so far, each a one-line message naming the entry when there is one.
    public private(set) var warnings: [String] = []

    private init(handle: OpaquePointer, isDiskWalk: Bool) {
        self.handle = handle
        self.isDiskWalk = isDiskWalk
    }

    deinit {
        archive_read_free(handle)
    }

    /// Opens a file, detecting the container and compression from its content; a non-archive file reads as one member.
    /// Gzip is inflated by ISA-L (zlib without the `ISAL` trait, see `GzipDecoding`) — on a second thread ahead of libarchive when `inflateAhead` (one artifact at a time),
    /// on this thread otherwise (the cores are already busy with other artifacts); brotli (no magic number: by name,
    /// `.br`/`.brotli`) by libbrotli the same way; everything else goes through libarchive's own filters. Every byte
    /// read from the file also feeds `digest` when one is given.
    public static func open(
        path: String, inflateAhead: Bool = true, blockSize: Int = 1 << 17, digest: InputDigest? = nil
    ) throws(ArchiveError) -> ArchiveReader {
        let file = try FileByteSource(path: path)
        file.digest = digest
        let decoder: (any BlockProducer)?
        if ContentSniffer.isBrotli(name: path) {
            decoder = BrotliDecoder(input: file)
        } else if file.startsWithGzipMagic() {
            decoder = GzipDecoding.decoder(input: file)
        } else {
            decoder = nil
        }
        if let decoder {
            let watch = NodeTarWatch()
            let reader =
                inflateAhead
                ? try open(
                    source: PrefetchingByteSource(producer: ShadowingProducer(producer: decoder, watch: watch)), watch: watch)
                : try open(source: ShadowedByteSource(source: ProducedByteSource(producer: decoder), watch: watch), watch: watch)
            reader.decodedBeforeLibarchive = decoder is BrotliDecoder ? "brotli" : "gzip"
            return reader
        }
        if file.startsWithTarMagic() {
            // A plain tar streams through a source, so node-tar's reading of it can be followed alongside.
            return try open(source: file)
        }
        if let digest {
            // libarchive reads the file through callbacks that hash what passes (its seek callback keeps zips read
            // from their central directory).
            return try open(randomAccess: DigestingInput(RandomAccessFile(path: path), digest: digest))
        }
        let reader = try makeContentReader()
        let status = archive_read_open_filename(reader.handle, path, blockSize)
        try reader.checkOpen(status)
        return reader
    }

    /// Opens a stream pulled from `source`: a member of an outer archive, or bytes inflated in front of libarchive.
    public static func open(source: any ByteSource) throws(ArchiveError) -> ArchiveReader {
        let watch = NodeTarWatch()
        return try open(source: ShadowedByteSource(source: source, watch: watch), watch: watch)
    }

    /// Opens a stream whose bytes are already shown to `watch` (by the source itself, or by the producer behind it).
    private static func open(source: any ByteSource, watch: NodeTarWatch) throws(ArchiveError) -> ArchiveReader {
        let reader = try makeContentReader()
        reader.nodeTar = watch
        let bridge = CallbackBridge(source: source)
        reader.bridge = bridge
        let status = archive_read_open(
            reader.handle, Unmanaged.passUnretained(bridge).toOpaque(), nil,
            { _, context, buffer in CallbackBridge.read(context: context, buffer: buffer) }, nil)
        try reader.checkOpen(status)
        return reader
    }

    /// Opens bytes held for random access (a spooled member): libarchive gets a seek callback, so zips are read from
    /// their central directory by its seekable zip reader instead of trusting local headers.
    public static func open(randomAccess input: any RandomAccessInput) throws(ArchiveError) -> ArchiveReader {
        let reader = try makeContentReader()
        let bridge = SeekableBridge(input: input)
        reader.seekableBridge = bridge
        let handle = reader.handle
        archive_read_set_read_callback(handle) { _, context, buffer in SeekableBridge.read(context: context, buffer: buffer) }
        archive_read_set_seek_callback(handle) { _, context, offset, whence in
            SeekableBridge.seek(context: context, offset: offset, whence: whence)
        }
        archive_read_set_skip_callback(handle) { _, context, request in SeekableBridge.skip(context: context, request: request) }
        archive_read_set_callback_data(handle, Unmanaged.passUnretained(bridge).toOpaque())
        try reader.checkOpen(archive_read_open1(handle))
        return reader
    }

    /// Opens a nested member whose first bytes were already recognised (`content`, from `ContentSniffer`) or whose name
    /// says brotli: gzip is inflated by ISA-L and brotli by libbrotli on this thread (the outer reader lives here),
    /// everything else goes through libarchive's filters and format detection.
    public static func open(
        member: MemberByteSource, content: ContentSniffer.Kind?, brotli: Bool = false
    ) throws(ArchiveError) -> ArchiveReader {
        let decoder: (any BlockProducer)? =
            brotli ? BrotliDecoder(input: member) : content == .gzip ? GzipDecoding.decoder(input: member) : nil
        guard let decoder else { return try open(source: member) }
        let reader = try open(source: ProducedByteSource(producer: decoder))
        reader.decodedBeforeLibarchive = brotli ? "brotli" : "gzip"
        return reader
    }

    /// Reads what is left of the input after the archive's end marker, so a gzip trailer (CRC-32, length) is checked
    /// even though libarchive stops at the tar end. Throws when the rest of the stream is corrupt or truncated.
    public func drainInput() throws(ArchiveError) {
        guard let source = bridge?.source else { return }
        if let failure = source.failure { throw failure }
        while try !source.nextBlock().isEmpty {}
    }

    /// Walks a directory tree without following symbolic links; member paths are relative to `path`.
    public static func openDirectory(path: String) throws(ArchiveError) -> ArchiveReader {
        guard let handle = archive_read_disk_new() else {
            throw ArchiveError(code: .openFailed, status: ARCHIVE_FATAL, message: "cannot allocate a libarchive reader")
        }
        let reader = ArchiveReader(handle: handle, isDiskWalk: true)
        archive_read_disk_set_symlink_physical(handle)
        archive_read_disk_set_standard_lookup(handle)
        try reader.checkOpen(archive_read_disk_open(handle, path))
        reader.diskRoot = path.hasSuffix("/") ? path : path + "/"
        return reader
    }

    /// Every container libarchive reads except mtree, whose text bidder claims ordinary scripts; `raw` comes last so
    /// a file that is no archive reads as one member.
    private static func enableFormats(_ handle: OpaquePointer) {
        archive_read_support_format_tar(handle)
        archive_read_support_format_gnutar(handle)
        archive_read_support_format_zip(handle)
        archive_read_support_format_ar(handle)
        archive_read_support_format_cpio(handle)
        archive_read_support_format_7zip(handle)
        archive_read_support_format_iso9660(handle)
        archive_read_support_format_rar(handle)
        archive_read_support_format_rar5(handle)
        archive_read_support_format_cab(handle)
        archive_read_support_format_lha(handle)
        archive_read_support_format_xar(handle)
        archive_read_support_format_empty(handle)
        archive_read_support_format_raw(handle)
    }

    private static func makeContentReader() throws(ArchiveError) -> ArchiveReader {
        guard let handle = archive_read_new() else {
            throw ArchiveError(code: .openFailed, status: ARCHIVE_FATAL, message: "cannot allocate a libarchive reader")
        }
        archive_read_support_filter_all(handle)
        enableFormats(handle)
        // node-tar (npm) reads on past a single zero block; libarchive would stop there and miss what follows.
        archive_read_set_format_option(handle, "tar", "read_concatenated_archives", "1")
        return ArchiveReader(handle: handle, isDiskWalk: false)
    }

    private func checkOpen(_ status: Int32) throws(ArchiveError) {
        switch StatusPolicy.action(for: status) {
        case .proceed, .endOfArchive: return
        case .proceedWithWarning: warnings.append(errorMessage())
        default: throw error(.openFailed, status: status)
        }
    }

    /// The bytes behind a reader opened with `open(randomAccess:)`.
    public var randomAccessInput: (any RandomAccessInput)? {
        seekableBridge?.input
    }

    /// True when the archive is a zip (read by either of libarchive's zip readers).
    public var isZip: Bool {
        archive_format(handle) & ARCHIVE_FORMAT_BASE_MASK == ARCHIVE_FORMAT_ZIP
    }

    /// True when the archive is a tar (any variant).
    public var isTar: Bool {
        archive_format(handle) & ARCHIVE_FORMAT_BASE_MASK == ARCHIVE_FORMAT_TAR
    }

    /// True when libarchive fell back to its `raw` format: the input was not an archive, only (maybe) compressed.
    public var isRawStream: Bool {
        archive_format(handle) == ARCHIVE_FORMAT_RAW
    }

    /// True when the input was a compressed stream (decoded by ISA-L, libbrotli or one of libarchive's filters).
    /// Meaningful once the first header was read.
    public var isCompressedStream: Bool {
        decodedBeforeLibarchive != nil || archive_filter_code(handle, 0) != ARCHIVE_FILTER_NONE
    }

    /// The container format and its compressions, innermost first (`tar.gzip`, `zip`, `cpio.xz.rpm`); `file` for an
    /// input that is no archive and not compressed. Meaningful once the first header was read.
    public var containerFormat: String {
        var parts: [String] = []
        if let base = Self.formatNames[archive_format(handle) & ARCHIVE_FORMAT_BASE_MASK] { parts.append(base) }
        for index in 0..<max(archive_filter_count(handle), 0) {
            let code = archive_filter_code(handle, index)
            guard code != ARCHIVE_FILTER_NONE else { continue }
            parts.append(Self.filterNames[code] ?? Self.lowercasedName(archive_filter_name(handle, index)))
        }
        if let decodedBeforeLibarchive { parts.append(decodedBeforeLibarchive) }
        return parts.isEmpty ? "file" : parts.joined(separator: ".")
    }

    private static let formatNames: [Int32: String] = [
        ARCHIVE_FORMAT_TAR: "tar", ARCHIVE_FORMAT_ZIP: "zip", ARCHIVE_FORMAT_AR: "ar", ARCHIVE_FORMAT_CPIO: "cpio",
        ARCHIVE_FORMAT_7ZIP: "7z", ARCHIVE_FORMAT_ISO9660: "iso9660", ARCHIVE_FORMAT_RAR: "rar", ARCHIVE_FORMAT_RAR_V5: "rar",
        ARCHIVE_FORMAT_CAB: "cab", ARCHIVE_FORMAT_LHA: "lha", ARCHIVE_FORMAT_XAR: "xar", ARCHIVE_FORMAT_EMPTY: "empty",
    ]

    private static let filterNames: [Int32: String] = [
        ARCHIVE_FILTER_GZIP: "gzip", ARCHIVE_FILTER_BZIP2: "bzip2", ARCHIVE_FILTER_COMPRESS: "compress",
        ARCHIVE_FILTER_LZMA: "lzma", ARCHIVE_FILTER_XZ: "xz", ARCHIVE_FILTER_UU: "uu", ARCHIVE_FILTER_RPM: "rpm",
        ARCHIVE_FILTER_LZIP: "lzip", ARCHIVE_FILTER_LZOP: "lzop", ARCHIVE_FILTER_GRZIP: "grzip", ARCHIVE_FILTER_LZ4: "lz4",
        ARCHIVE_FILTER_ZSTD: "zstd",
    ]

    private static func lowercasedName(_ name: UnsafePointer<CChar>?) -> String {
        guard let name else { return "unknown" }
        return String(decoding: UnsafeRawBufferPointer(start: name, count: strlen(name)), as: UTF8.self).lowercased()
    }

    /// Bytes libarchive has taken from its input so far (compressed bytes when it decompresses itself).
    public var inputBytes: Int64 {
        Int64(archive_filter_bytes(handle, -1))
    }

    /// Reads the next member header. Returns nil at the end; throws `.headerFailed` for a member that must be skipped
    /// (the walk may continue) and `.fatal` when the archive cannot be read further.
    public func nextEntry() throws(ArchiveError) -> ArchiveEntryInfo? {
        if isDiskWalk, currentPath != nil {
            archive_read_disk_descend(handle)
        }
        currentPath = nil
        var retries = 0
        while true {
            var entry: OpaquePointer?
            let status = archive_read_next_header(handle, &entry)
            switch StatusPolicy.action(for: status) {
            case .endOfArchive:
                return nil
            case .proceed, .proceedWithWarning:
                guard let entry else { throw error(.fatal, status: ARCHIVE_FATAL) }
                let info = copyInfo(entry)
                dataOffset = isDiskWalk ? 0 : archive_filter_bytes(handle, 0)
                currentPath = info.path
                if status == ARCHIVE_WARN { warnings.append("\(info.path): \(errorMessage())") }
                return info
            case .retry where retries < StatusPolicy.maximumRetries:
                retries += 1
            case .skipEntry:
                let path = entry.map { copyInfo($0).path }
                currentPath = path
                throw error(.headerFailed, status: status, entryPath: path)
            case .retry, .stopArchive:
                throw error(.fatal, status: status)
            }
        }
    }

    /// Reads the next block of the current member's data; an empty buffer ends the member. The block stays valid
    /// until the next call on this reader.
    public func readBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        var retries = 0
        while true {
            var buffer: UnsafeRawPointer?
            var size = 0
            var offset: la_int64_t = 0
            let status = archive_read_data_block(handle, &buffer, &size, &offset)
            switch StatusPolicy.action(for: status) {
            case .endOfArchive:
                return UnsafeRawBufferPointer(start: nil, count: 0)
            case .proceed, .proceedWithWarning:
                if status == ARCHIVE_WARN { warnings.append("\(currentPath ?? "?"): \(errorMessage())") }
                if size == 0 { continue }
                return UnsafeRawBufferPointer(start: buffer, count: size)
            case .retry where retries < StatusPolicy.maximumRetries:
                retries += 1
            case .skipEntry:
                throw error(.dataFailed, status: status, entryPath: currentPath)
            case .retry, .stopArchive:
                throw error(.fatal, status: status, entryPath: currentPath)
            }
        }
    }

    /// The entry's fields, copied now (libarchive reuses the entry).
    private func copyInfo(_ entry: OpaquePointer) -> ArchiveEntryInfo {
        var path = Self.pathname(of: entry)
        if isDiskWalk, path.hasPrefix(diskRoot) {
            path.removeFirst(diskRoot.count)
        }
        let kind: ArchiveEntryInfo.Kind
        if archive_entry_hardlink(entry) != nil {
            kind = .hardlink
        } else {
            switch archive_entry_filetype(entry) & 0o170000 {
            case 0o100000: kind = .regular
            case 0o040000: kind = .directory
            case 0o120000: kind = .symlink
            default: kind = .other
            }
        }
        let size = archive_entry_size_is_set(entry) != 0 ? archive_entry_size(entry) : nil
        var zipLinkData: [UInt8]?
        if kind == .symlink, isZip, let target = archive_entry_symlink(entry) {
            zipLinkData = Array(UnsafeRawBufferPointer(start: target, count: strlen(target)))
        }
        return ArchiveEntryInfo(
            path: path, kind: kind, size: size, isEncrypted: archive_entry_is_encrypted(entry) != 0, zipLinkData: zipLinkData)
    }

    /// The member name as UTF-8 where the archive records it so (pax, zip), whatever the process locale; raw bytes
    /// otherwise. A plain ASCII name is taken as stored: asking for UTF-8 costs a charset conversion per member.
    private static func pathname(of entry: OpaquePointer) -> String {
        if let stored = archive_entry_pathname(entry) {
            let bytes = UnsafeRawBufferPointer(start: stored, count: strlen(stored))
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        }
        guard let raw = archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
    }

    private func errorMessage() -> String {
        if let failure = bridge?.failure ?? seekableBridge?.failure { return failure.message }
        guard let raw = archive_error_string(handle) else { return "unknown libarchive error" }
        return String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
    }

    private func error(_ code: ArchiveError.Code, status: Int32, entryPath: String? = nil) -> ArchiveError {
        ArchiveError(code: code, status: status, message: errorMessage(), entryPath: entryPath)
    }
}
