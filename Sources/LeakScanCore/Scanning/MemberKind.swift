/// What a member's name says about how to scan it. Content decides what is a map, a container or a compressed stream;
/// the name is a fast path for opening containers, decides brotli (which has no magic number), and maps precompressed
/// copies to the paths they stand for.
///
/// Made once per member from one backward pass over the name; extensions are compared as packed lower-case integers
/// (a short linear scan) rather than as allocated, hashed strings.
public struct MemberKind {
    /// The name says archive (`.tgz`, `.zip`, `.tar.gz` …): the member is opened and scanned in turn.
    public let isNestedArchive: Bool
    /// The name says compressed single file or compressed archive: `.gz`, `.br`, `.zst`, `.xz` ….
    public let hasCompressionSuffix: Bool
    /// For a precompressed copy (`dist/a.js.map.gz`, `.br`, `.zst`), the path it stands for (`dist/a.js.map`): a
    /// reference to that path resolves to it, as a web server serves it.
    public let precompressedOriginal: String?

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

    public init(_ path: String) {
        var path = path
        let (nested, compressed, precompressedDot): (Bool, Bool, Int?) = path.withUTF8 { name in
            guard let dot = Self.extensionDot(name) else { return (false, false, nil) }
            let key = Self.packedExtension(name[(dot + 1)...])
            let compressed = Self.compressionExtensions.contains(key)
            let precompressed = compressed && Self.precompressedExtensions.contains(key) ? dot : nil
            if Self.archiveExtensions.contains(key) { return (true, compressed, precompressed) }
            guard Self.tarCompressions.contains(key), let innerDot = Self.extensionDot(name[..<dot]) else {
                return (false, compressed, precompressed)
            }
            return (Self.packedExtension(name[(innerDot + 1)..<dot]) == Self.tarKey, compressed, precompressed)
        }
        isNestedArchive = nested
        hasCompressionSuffix = compressed
        precompressedOriginal = precompressedDot.map { String(decoding: Array(path.utf8)[..<$0], as: UTF8.self) }
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
