/// A `.tgz` whose single member claims and inflates to `gibibytes` GiB of zeros while the file stays a few MiB: one
/// gzip member with the tar header, then the same 64 MiB-of-zeros gzip member repeated (concatenated members are one
/// gzip stream). Nothing of that size is ever held in memory.
public enum GzipBomb {
    public static func tarball(member name: String, gibibytes: Int) -> [UInt8] {
        let size = gibibytes << 30
        let zeros = ArchiveBuilder.build(.raw, filter: .gzip, [.zeros("zeros", count: 64 << 20)])
        var bomb = ArchiveBuilder.build(.raw, filter: .gzip, [.file("header", ustarHeader(name: name, size: size))])
        for _ in 0..<(size / (64 << 20)) {
            bomb += zeros
        }
        return bomb
    }

    /// A 512-byte ustar header for a regular file.
    static func ustarHeader(name: String, size: Int) -> [UInt8] {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) {
            for (index, byte) in text.utf8.enumerated() { header[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> String {
            let digits = String(value, radix: 8)
            return String(repeating: "0", count: width - 1 - digits.count) + digits
        }
        put(name, at: 0)
        put(octal(0o644, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put("        ", at: 148)
        put("0", at: 156)
        put("ustar", at: 257)
        put("00", at: 263)
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(octal(checksum, width: 7), at: 148)
        return header
    }
}
