#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shell-style globs for allowlist paths (`*`, `?`, `[…]`; `**` spans directories because `*` does here).
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        fnmatch(pattern, path, 0) == 0
    }
}
