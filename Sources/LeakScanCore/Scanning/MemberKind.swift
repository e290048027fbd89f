/// What a member's name says about how to scan it. Content decides whether something is a map; the name only
/// decides whether the `sourceMappingURL` search runs and whether a member is opened as a nested archive.
public enum MemberKind {
    private static let scriptExtensions: Set<String> = [
        "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "cts", "css", "scss", "less", "html", "htm", "vue", "svelte",
    ]
    private static let archiveSuffixes = [
        ".tgz", ".tar", ".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst", ".tbz2", ".txz", ".zip", ".whl", ".jar", ".war",
        ".ear", ".aar", ".vsix", ".nupkg", ".deb", ".crx", ".xpi", ".egg", ".apk", ".ipa",
    ]

    /// Scripts and stylesheets (and extension-less files, often `bin/` launchers) can carry `sourceMappingURL` comments.
    public static func mayCarrySourceMappingURL(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return true }
        return scriptExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// Members whose names say they are archives are opened and scanned in turn.
    public static func isNestedArchive(_ path: String) -> Bool {
        let lower = path.lowercased()
        return archiveSuffixes.contains { lower.hasSuffix($0) }
    }
}
