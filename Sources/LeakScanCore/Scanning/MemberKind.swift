/// What a member's name says about how to scan it. Content decides what is a map, a container or a compressed stream;
/// the name is a fast path for opening containers, decides brotli (which has no magic number), and maps precompressed
/// copies to the paths they stand for.
///
/// Runs once per member, so extensions are compared as packed lower-case integers (a short linear scan) rather than
/// as allocated, hashed strings.
public enum MemberKind {
    private static let archiveExtensions: [UInt64] = keys([
        "tgz", "tar", "tbz2", "txz", "zip", "whl", "jar", "war", "ear", "aar", "vsix", "nupkg", "deb", "crx", "xpi", "egg",
        "apk", "ipa", "asar",
    ])
    /// Compressions that make an archive only after `.tar` (`x.tar.gz`, not `x.js.gz`).
    private static let tarCompressions: [UInt64] = keys(["gz", "bz2", "xz", "zst"])
    /// Suffixes of compressed single files (`x.js.map.gz`, `x.css.br`); the content decides, these only make a plain
    /// member that carries one suspicious.
    private static let compressionExtensions: [UInt64] = keys([
        "gz", "bz2", "xz", "zst", "lz4", "br", "brotli", "lz", "lzma", "z",
    ])
    /// What web servers serve in place of the uncompressed file (`gzip_static`, `brotli_static`, zstd).
    private static let precompressedExtensions: [UInt64] = keys(["gz", "br", "zst"])
    private static let tarKey = packedExtension(Array("tar".utf8)[...])

    /// Members whose names say they are archives are opened and scanned in turn.
    public static func isNestedArchive(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { name in
            guard let dot = extensionDot(name) else { return false }
            let key = packedExtension(name[(dot + 1)...])
            if archiveExtensions.contains(key) { return true }
            guard tarCompressions.contains(key), let innerDot = extensionDot(name[..<dot]) else { return false }
            return packedExtension(name[(innerDot + 1)..<dot]) == tarKey
        }
    }

    /// Names of compressed single files or compressed archives: `.gz`, `.br`, `.zst`, `.xz` ….
    public static func hasCompressionSuffix(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { name in
            guard let dot = extensionDot(name) else { return false }
            return compressionExtensions.contains(packedExtension(name[(dot + 1)...]))
        }
    }

    /// For a precompressed copy (`dist/a.js.map.gz`, `.br`, `.zst`), the path it stands for (`dist/a.js.map`): a
    /// reference to that path resolves to it, as a web server serves it.
    public static func precompressedOriginal(_ path: String) -> String? {
        var path = path
        let dotOffset: Int? = path.withUTF8 { name in
            guard let dot = extensionDot(name), precompressedExtensions.contains(packedExtension(name[(dot + 1)...])) else {
                return nil
            }
            return dot
        }
        guard let dotOffset else { return nil }
        return String(decoding: Array(path.utf8)[..<dotOffset], as: UTF8.self)
    }

    /// The index of the dot that starts the file name's extension; nil when the name has no dot or only a leading
    /// one (`.npmrc`).
    private static func extensionDot<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Name.Index? {
        let nameStart = name.lastIndex(of: UInt8(ascii: "/")).map(name.index(after:)) ?? name.startIndex
        guard let dot = name[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else { return nil }
        return dot
    }

    /// Up to eight extension bytes, lower-cased, packed into an integer; longer extensions match nothing we know.
    private static func packedExtension<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        guard bytes.count <= 8 else { return .max }
        var key: UInt64 = 0
        for byte in bytes {
            key = key << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return key
    }

    private static func keys(_ extensions: [String]) -> [UInt64] {
        extensions.map { packedExtension(Array($0.utf8)) }
    }
}
