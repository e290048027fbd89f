import CSquashfs

/// Reads squashfs 4 images (snap packages, AppImage payloads) with libsquashfs, from bytes held for random access (a
/// file, or a spooled member): the super block, then one directory listing at a time, each entry a member read as it
/// is listed. Only the open listing, the directories still to list and the inode numbers of those listed are held, so
/// memory does not grow with the number of files and `--max-entries` stops the walk before more entries are read.
/// Each directory entry of a file is a member, so hard links (entries sharing one inode) are read under every name, as
/// `unsquashfs` writes them; symbolic links are members without data, never followed.
public final class SquashfsReader: MemberReader {
    /// What the C read callback reaches: the input, and the first failure it met (libsquashfs only sees an I/O code).
    private final class InputContext {
        let input: any RandomAccessInput
        var failure: ArchiveError?

        init(input: any RandomAccessInput) {
            self.input = input
        }
    }

    /// A directory still to list: its inode (owned, freed once opened) and its path in the image.
    private struct PendingDirectory {
        var inode: UnsafeMutablePointer<sqfs_inode_generic_t>
        var path: String
    }

    /// One directory entry of the image, in listing order.
    private struct Member {
        var path: String
        var kind: ArchiveEntryInfo.Kind
        var inode: UnsafeMutablePointer<sqfs_inode_generic_t>?
        var size: Int64?
    }

    private let context: InputContext
    private var file: UnsafeMutablePointer<sqfs_file_t>?
    private var compressor: UnsafeMutablePointer<sqfs_compressor_t>?
    private var idTable: OpaquePointer?
    private var directoryReader: OpaquePointer?
    private var dataReader: OpaquePointer?
    /// The super block, where the directory reader keeps pointing to it (libsquashfs stores the pointer, not a copy).
    private let superBlockStorage: UnsafeMutablePointer<sqfs_super_t> = {
        let storage = UnsafeMutablePointer<sqfs_super_t>.allocate(capacity: 1)
        storage.initialize(to: sqfs_super_t())
        return storage
    }()
    /// Directories still to list, the next one last (depth first, each directory's subdirectories in listing order).
    private var pendingDirectories: [PendingDirectory] = []
    /// Subdirectories met in the open listing, queued when it ends.
    private var listedSubdirectories: [PendingDirectory] = []
    /// The path of the directory whose listing is open in `directoryReader`, nil between listings.
    private var openListing: String?
    /// Inode numbers of the directories listed: a directory listed twice is a loop (or a lie) and ends the walk.
    private var listedDirectories: Set<UInt32> = []
    /// The inode of the member being read, owned until the next entry.
    private var currentInode: UnsafeMutablePointer<sqfs_inode_generic_t>?
    private var isOpen = false
    private var current: Member?
    private var offset: Int64 = 0
    private var buffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    public private(set) var warnings: [String] = []
    public var warningSource: String { "libsquashfs" }
    public var containerFormat: String { "squashfs" }
    public var isRawStream: Bool { false }
    public var isCompressedStream: Bool { false }
    public var inputBytes: Int64 { context.input.size }

    public init(input: any RandomAccessInput) {
        context = InputContext(input: input)
    }

    deinit {
        sqfs_free(currentInode)
        for directory in pendingDirectories + listedSubdirectories { sqfs_free(directory.inode) }
        for object in [
            UnsafeMutableRawPointer(dataReader), UnsafeMutableRawPointer(directoryReader),
            UnsafeMutableRawPointer(idTable), UnsafeMutableRawPointer(compressor), UnsafeMutableRawPointer(file),
        ] {
            leak_scan_sqfs_destroy(object)
        }
        buffer.deallocate()
        superBlockStorage.deallocate()
    }

    /// True when `head` starts with the squashfs 4 magic (`hsqs`, little-endian), the only version libsquashfs reads.
    public static func recognises(_ head: UnsafeRawBufferPointer) -> Bool {
        head.count >= 4 && head[0] == 0x68 && head[1] == 0x73 && head[2] == 0x71 && head[3] == 0x73
    }

    public func nextEntry() throws(ArchiveError) -> ArchiveEntryInfo? {
        if !isOpen { try openImage() }
        current = nil
        offset = 0
        sqfs_free(currentInode)
        currentInode = nil
        while true {
            guard let directory = openListing else {
                guard let next = pendingDirectories.popLast() else { return nil }
                defer { sqfs_free(next.inode) }
                guard listedDirectories.insert(next.inode.pointee.base.inode_number).inserted else {
                    throw fatal("squashfs image is unreadable: directory \"\(next.path)\" is listed twice (a directory loop)")
                }
                try check(sqfs_dir_reader_open_dir(directoryReader, next.inode, 0), "directory \"\(next.path)\"")
                openListing = next.path
                continue
            }
            var entry: UnsafeMutablePointer<sqfs_dir_entry_t>?
            let status = sqfs_dir_reader_read(directoryReader, &entry)
            defer { sqfs_free(entry) }
            if status > 0 {
                openListing = nil
                pendingDirectories += listedSubdirectories.reversed()
                listedSubdirectories.removeAll(keepingCapacity: true)
                continue
            }
            guard status == 0, let entry else {
                throw fatal("squashfs image is unreadable: cannot read directory \"\(directory)\": \(describe(status))")
            }
            var length = 0
            let name = String(
                decoding: UnsafeRawBufferPointer(start: leak_scan_sqfs_dir_entry_name(entry, &length), count: length),
                as: UTF8.self)
            // A name that is empty, a dot entry or holds a slash would put the member outside its directory.
            guard !name.isEmpty, name != ".", name != "..", !name.contains("/"), !name.contains("\u{0}") else {
                throw fatal("squashfs image is unreadable: directory \"\(directory)\" lists the name \(name.debugDescription)")
            }
            let path = directory.isEmpty ? name : directory + "/" + name
            var inode: UnsafeMutablePointer<sqfs_inode_generic_t>?
            let inodeStatus = sqfs_dir_reader_get_inode(directoryReader, &inode)
            guard inodeStatus == 0, let inode else {
                throw ArchiveError(
                    code: .fatal, status: inodeStatus, message: "its inode cannot be read: \(describe(inodeStatus))",
                    entryPath: path)
            }
            let member: Member
            do throws(ArchiveError) {
                member = try self.member(path: path, inode: inode)
            } catch {
                sqfs_free(inode)
                throw error
            }
            if member.kind == .directory {
                listedSubdirectories.append(PendingDirectory(inode: inode, path: path))
            } else {
                currentInode = inode
            }
            current = member
            return ArchiveEntryInfo(path: member.path, kind: member.kind, size: member.size)
        }
    }

    public func readBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
        guard let member = current, let inode = member.inode, let size = member.size, offset < size else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        let wanted = UInt32(min(Int64(buffer.count), size - offset))
        let got = sqfs_data_reader_read(dataReader, inode, UInt64(offset), buffer.baseAddress, wanted)
        guard got > 0 else {
            let reason = got == 0 ? "its data ends before its declared size" : describe(got)
            throw ArchiveError(
                code: .dataFailed, status: got, message: "cannot read its data at byte \(offset): \(reason)",
                entryPath: member.path)
        }
        offset += Int64(got)
        return UnsafeRawBufferPointer(rebasing: buffer[..<Int(got)])
    }

    /// Nothing follows the image that a consumer reads.
    public func drainInput() throws(ArchiveError) {}

    // MARK: - Opening

    private func openImage() throws(ArchiveError) {
        isOpen = true
        let read: leak_scan_sqfs_read = { context, offset, buffer, size in
            guard let context, let buffer else { return SQFS_ERROR_ARG_INVALID.rawValue }
            let box = Unmanaged<InputContext>.fromOpaque(context).takeUnretainedValue()
            var done = 0
            while done < size {
                let target = UnsafeMutableRawBufferPointer(start: buffer + done, count: size - done)
                do throws(ArchiveError) {
                    let got = try box.input.read(at: Int64(offset) + Int64(done), into: target)
                    guard got > 0 else { return SQFS_ERROR_OUT_OF_BOUNDS.rawValue }
                    done += got
                } catch {
                    box.failure = box.failure ?? error
                    return SQFS_ERROR_IO.rawValue
                }
            }
            return 0
        }
        let size = context.input.size
        file = leak_scan_sqfs_input_create(Unmanaged.passUnretained(context).toOpaque(), read, UInt64(size))
        guard let file else { throw fatal("cannot allocate a squashfs reader") }
        try check(sqfs_super_read(superBlockStorage, file), "its super block")
        let superBlock = superBlockStorage.pointee
        guard superBlock.bytes_used <= UInt64(size) else {
            throw fatal("squashfs image is truncated: \(size) of the \(superBlock.bytes_used) bytes its super block declares")
        }
        // libsquashfs allocates the whole fragment table (16 bytes an entry) from this count; each fragment block takes
        // at least one byte of the image, so a larger count is a lie that would cost gigabytes.
        guard UInt64(superBlock.fragment_entry_count) <= superBlock.bytes_used else {
            throw fatal(
                "squashfs image is unreadable: its super block declares \(superBlock.fragment_entry_count) fragment blocks, "
                    + "more than its \(superBlock.bytes_used) bytes can hold")
        }
        var configuration = sqfs_compressor_config_t()
        try check(
            sqfs_compressor_config_init(
                &configuration, SQFS_COMPRESSOR(UInt32(superBlock.compression_id)), Int(superBlock.block_size),
                UInt16(SQFS_COMP_FLAG_UNCOMPRESS.rawValue)),
            "its compressor (id \(superBlock.compression_id))")
        try check(sqfs_compressor_create(&configuration, &compressor), "its compressor (id \(superBlock.compression_id))")
        if superBlock.flags & UInt16(SQFS_FLAG_COMPRESSOR_OPTIONS.rawValue) != 0 {
            try check(leak_scan_sqfs_read_compressor_options(compressor, file), "its compressor options")
        }
        idTable = sqfs_id_table_create(0)
        guard idTable != nil else { throw fatal("cannot allocate a squashfs id table") }
        try check(sqfs_id_table_read(idTable, file, superBlockStorage, compressor), "its id table")
        directoryReader = sqfs_dir_reader_create(superBlockStorage, compressor, file, 0)
        dataReader = sqfs_data_reader_create(file, Int(superBlock.block_size), compressor, 0)
        guard directoryReader != nil, dataReader != nil else { throw fatal("cannot allocate a squashfs reader") }
        try check(sqfs_data_reader_load_fragment_table(dataReader, superBlockStorage), "its fragment table")
        var root: UnsafeMutablePointer<sqfs_inode_generic_t>?
        try check(sqfs_dir_reader_get_root_inode(directoryReader, &root), "its root directory")
        guard let root else { throw fatal("squashfs image is unreadable: cannot read its root directory") }
        guard [SQFS_INODE_DIR.rawValue, SQFS_INODE_EXT_DIR.rawValue].contains(UInt32(root.pointee.base.type)) else {
            sqfs_free(root)
            throw fatal("squashfs image is unreadable: its root is not a directory")
        }
        pendingDirectories.append(PendingDirectory(inode: root, path: ""))
        buffer = .allocate(byteCount: Int(superBlock.block_size), alignment: 64)
    }

    private func member(path: String, inode: UnsafeMutablePointer<sqfs_inode_generic_t>) throws(ArchiveError) -> Member {
        switch Int32(inode.pointee.base.type) {
        case Int32(SQFS_INODE_DIR.rawValue), Int32(SQFS_INODE_EXT_DIR.rawValue):
            return Member(path: path, kind: .directory)
        case Int32(SQFS_INODE_SLINK.rawValue), Int32(SQFS_INODE_EXT_SLINK.rawValue):
            return Member(path: path, kind: .symlink)
        case Int32(SQFS_INODE_FILE.rawValue), Int32(SQFS_INODE_EXT_FILE.rawValue):
            var size: UInt64 = 0
            let status = sqfs_inode_get_file_size(inode, &size)
            guard status == 0, size <= UInt64(Int64.max) else {
                throw ArchiveError(
                    code: .headerFailed, status: status, message: "its size cannot be read: \(describe(status))",
                    entryPath: path)
            }
            return Member(path: path, kind: .regular, inode: inode, size: Int64(size))
        default:
            return Member(path: path, kind: .other)
        }
    }

    // MARK: - Errors

    private func check(_ status: Int32, _ what: String) throws(ArchiveError) {
        guard status != 0 else { return }
        throw fatal("squashfs image is unreadable: cannot read \(what): \(describe(status))")
    }

    private func fatal(_ message: String) -> ArchiveError {
        ArchiveError(code: .fatal, status: 0, message: message)
    }

    /// libsquashfs's error code in words; an input failure (the spool, a read error) is named by its own message.
    private func describe(_ status: Int32) -> String {
        if let failure = context.failure { return failure.message }
        switch status {
        case SQFS_ERROR_ALLOC.rawValue: return "out of memory"
        case SQFS_ERROR_IO.rawValue: return "input/output error"
        case SQFS_ERROR_COMPRESSOR.rawValue: return "a compressed block does not decompress"
        case SQFS_ERROR_CORRUPTED.rawValue: return "corrupted data"
        case SQFS_ERROR_UNSUPPORTED.rawValue: return "unsupported feature or compressor"
        case SQFS_ERROR_OVERFLOW.rawValue: return "a size overflows"
        case SQFS_ERROR_OUT_OF_BOUNDS.rawValue: return "a location lies outside the image"
        case SFQS_ERROR_SUPER_MAGIC.rawValue: return "no squashfs magic"
        case SFQS_ERROR_SUPER_VERSION.rawValue: return "unsupported squashfs version (only 4.0 is read)"
        case SQFS_ERROR_SUPER_BLOCK_SIZE.rawValue: return "invalid block size"
        case SQFS_ERROR_NOT_DIR.rawValue: return "a directory entry is not a directory"
        case SQFS_ERROR_LINK_LOOP.rawValue: return "a directory loop"
        case SQFS_ERROR_NOT_FILE.rawValue: return "not a regular file"
        default: return "libsquashfs error \(status)"
        }
    }
}
