/// What a member's name says about how to scan it. Content decides whether something is a map; the name only
/// decides whether the `sourceMappingURL` search runs and whether a member is opened as a nested archive.
public enum MemberKind {
    private static let scriptExtensions: Set<String> = [
        "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts", "css", "scss", "less", "html", "htm", "vue", "svelte",
    ]
    private static let archiveExtensions: Set<String> = [
        "tgz", "tar", "tbz2", "txz", "zip", "whl", "jar", "war", "ear", "aar", "vsix", "nupkg", "deb", "crx", "xpi", "egg",
        "apk", "ipa",
    ]
    /// Compressions that make an archive only after `.tar` (`x.tar.gz`, not `x.js.gz`).
    private static let tarCompressions: Set<String> = ["gz", "bz2", "xz", "zst"]

    /// Scripts and stylesheets (and extension-less files, often `bin/` launchers) can carry `sourceMappingURL` comments.
    public static func mayCarrySourceMappingURL(_ path: String) -> Bool {
        guard let fileExtension = lowercasedExtension(of: path) else { return true }
        return scriptExtensions.contains(fileExtension)
    }

    /// Members whose names say they are archives are opened and scanned in turn.
    public static func isNestedArchive(_ path: String) -> Bool {
        guard let fileExtension = lowercasedExtension(of: path) else { return false }
        if archiveExtensions.contains(fileExtension) { return true }
        return tarCompressions.contains(fileExtension) && path.lowercased().hasSuffix(".tar." + fileExtension)
    }

    /// The file name's extension in lower case; nil when the name has no dot or only a leading one (`.npmrc`).
    static func lowercasedExtension(of path: String) -> String? {
        let bytes = path.utf8
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        guard let dot = bytes[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else { return nil }
        let lowered = bytes[bytes.index(after: dot)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return String(decoding: lowered, as: UTF8.self)
    }
}
