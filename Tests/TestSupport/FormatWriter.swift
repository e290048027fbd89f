import CArchive

/// Writes an archive in any format and filter libarchive's writer knows by name (`7zip`, `newc`, `odc`, `xar`,
/// `arsvr4`, `gnutar` …; `zstd`, `lz4`, `lzip`, `compress` …), regular files only: for content-sniffing tests of
/// formats the `ArchiveBuilder` enum does not list.
public enum FormatWriter {
    public static func build(format: String, filter: String? = nil, files: [(String, [UInt8])]) -> [UInt8] {
        let archive = archive_write_new()!
        defer { archive_write_free(archive) }
        precondition(archive_write_set_format_by_name(archive, format) == ARCHIVE_OK, "libarchive cannot write \(format)")
        if let filter {
            precondition(archive_write_add_filter_by_name(archive, filter) == ARCHIVE_OK, "libarchive cannot write \(filter)")
        }
        archive_write_set_bytes_in_last_block(archive, 1)
        let sink = Sink()
        archive_write_open(
            archive, Unmanaged.passUnretained(sink).toOpaque(), nil,
            { _, context, buffer, length in
                Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue().bytes += UnsafeRawBufferPointer(
                    start: buffer, count: length)
                return length
            }, nil)
        for (path, content) in files {
            let entry = archive_entry_new()!
            defer { archive_entry_free(entry) }
            archive_entry_set_pathname(entry, path)
            archive_entry_set_filetype(entry, 0o100000)
            archive_entry_set_perm(entry, 0o644)
            archive_entry_set_size(entry, la_int64_t(content.count))
            archive_entry_set_mtime(entry, 499_162_500, 0)
            archive_write_header(archive, entry)
            content.withUnsafeBytes { _ = archive_write_data(archive, $0.baseAddress, $0.count) }
        }
        archive_write_close(archive)
        return sink.bytes
    }

    private final class Sink {
        var bytes: [UInt8] = []
    }
}
