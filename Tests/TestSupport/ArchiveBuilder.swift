import CArchive

/// Builds small archives in memory with libarchive's writer, so tests never need binary fixtures.
public enum ArchiveBuilder {
    public enum Format: Sendable {
        /// `raw` writes one member's bytes as they are (through the filter): a plain `.gz` of some data.
        case tar, zip, ar, raw
    }

    public enum Filter: Sendable {
        case none, gzip, bzip2, xz
    }

    public enum Member: Sendable {
        case file(String, [UInt8])
        case directory(String)
        case symlink(String, target: String)
        case hardlink(String, target: String)
        /// A member of `count` zero bytes, written in blocks so bombs never sit in memory.
        case zeros(String, count: Int)
        /// A file whose name is raw bytes (not necessarily UTF-8).
        case rawName([UInt8], [UInt8])

        public static func text(_ path: String, _ content: String) -> Member {
            .file(path, Array(content.utf8))
        }
    }

    /// `passphrase` encrypts zip members with traditional PKWARE encryption.
    public static func build(_ format: Format, filter: Filter = .none, passphrase: String? = nil, _ members: [Member]) -> [UInt8]
    {
        let archive = archive_write_new()!
        defer { archive_write_free(archive) }
        switch format {
        case .tar: archive_write_set_format_pax_restricted(archive)
        case .zip: archive_write_set_format_zip(archive)
        case .ar: archive_write_set_format_ar_svr4(archive)
        case .raw: archive_write_set_format_raw(archive)
        }
        switch filter {
        case .none: archive_write_add_filter_none(archive)
        case .gzip: archive_write_add_filter_gzip(archive)
        case .bzip2: archive_write_add_filter_bzip2(archive)
        case .xz: archive_write_add_filter_xz(archive)
        }
        archive_write_set_bytes_in_last_block(archive, 1)
        if let passphrase {
            archive_write_set_options(archive, "zip:encryption=zipcrypt")
            archive_write_set_passphrase(archive, passphrase)
        }
        let sink = Sink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        archive_write_open(
            archive, context, nil,
            { _, context, buffer, length in
                let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
                sink.bytes += UnsafeRawBufferPointer(start: buffer, count: length)
                return length
            }, nil)
        for member in members {
            let entry = archive_entry_new()!
            defer { archive_entry_free(entry) }
            archive_entry_set_mtime(entry, 499_162_500, 0)
            switch member {
            case .file(let path, let content):
                archive_entry_set_pathname(entry, path)
                archive_entry_set_filetype(entry, 0o100000)
                archive_entry_set_perm(entry, 0o644)
                archive_entry_set_size(entry, la_int64_t(content.count))
                archive_write_header(archive, entry)
                content.withUnsafeBytes { _ = archive_write_data(archive, $0.baseAddress, $0.count) }
            case .zeros(let path, let count):
                archive_entry_set_pathname(entry, path)
                archive_entry_set_filetype(entry, 0o100000)
                archive_entry_set_perm(entry, 0o644)
                archive_entry_set_size(entry, la_int64_t(count))
                archive_write_header(archive, entry)
                let block = [UInt8](repeating: 0, count: 1 << 20)
                var left = count
                while left > 0 {
                    let size = min(left, block.count)
                    block.withUnsafeBytes { _ = archive_write_data(archive, $0.baseAddress, size) }
                    left -= size
                }
            case .rawName(let name, let content):
                (name + [0]).withUnsafeBufferPointer {
                    archive_entry_copy_pathname(
                        entry, $0.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) })
                }
                archive_entry_set_filetype(entry, 0o100000)
                archive_entry_set_perm(entry, 0o644)
                archive_entry_set_size(entry, la_int64_t(content.count))
                archive_write_header(archive, entry)
                content.withUnsafeBytes { _ = archive_write_data(archive, $0.baseAddress, $0.count) }
            case .directory(let path):
                archive_entry_set_pathname(entry, path)
                archive_entry_set_filetype(entry, 0o040000)
                archive_entry_set_perm(entry, 0o755)
                archive_write_header(archive, entry)
            case .symlink(let path, let target):
                archive_entry_set_pathname(entry, path)
                archive_entry_set_filetype(entry, 0o120000)
                archive_entry_set_symlink(entry, target)
                archive_write_header(archive, entry)
            case .hardlink(let path, let target):
                archive_entry_set_pathname(entry, path)
                archive_entry_set_filetype(entry, 0o100000)
                archive_entry_set_hardlink(entry, target)
                archive_write_header(archive, entry)
            }
        }
        archive_write_close(archive)
        return sink.bytes
    }

    /// A Debian package: `debian-binary`, `control.tar.gz` and `data.tar.xz` in an ar archive.
    public static func debianPackage(data members: [Member]) -> [UInt8] {
        let control = build(.tar, filter: .gzip, [.text("./control", "Package: demo\nVersion: 1.0\n")])
        let data = build(.tar, filter: .xz, members)
        return build(.ar, [.text("debian-binary", "2.0\n"), .file("control.tar.gz", control), .file("data.tar.xz", data)])
    }

    private final class Sink {
        var bytes: [UInt8] = []
    }
}
