#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The path rules of the counting contract: how `sources` names become comparable, and what counts as first-party.
public enum SourcePath {
    /// Joins `sourceRoot`, drops a URL scheme (`webpack://`, `file://` …), turns `\` into `/`, collapses `.` and `..`,
    /// drops leading `/`; a `?query` is kept as written.
    public static func normalize(_ source: String, sourceRoot: String? = nil) -> String {
        if sourceRoot?.isEmpty ?? true, isAlreadyNormal(source) { return source }
        var joined = source
        if let root = sourceRoot, !root.isEmpty, schemeLength(of: source) == nil {
            joined = root.hasSuffix("/") ? root + source : root + "/" + source
        }
        return joined.withUTF8(normalized)
    }

    /// The slow path of `normalize` in one pass and one allocation (the result): every source of a bundler's map
    /// (`webpack://…`, `../src/…`) comes through here, thousands per map.
    private static func normalized(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let queryStart = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
        let pathStart = schemeLength(of: UnsafeBufferPointer(rebasing: bytes[..<queryStart])) ?? 0
        // Segments joined by one `/` plus the query are never longer than the input.
        return String(unsafeUninitializedCapacity: max(bytes.count, 1)) { output in
            var count = 0
            var index = pathStart
            while index < queryStart {
                var end = index
                while end < queryStart, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "\\") { end += 1 }
                let length = end - index
                if length == 2, bytes[index] == UInt8(ascii: "."), bytes[index + 1] == UInt8(ascii: ".") {
                    // `..` drops the previous segment (and the `/` before it); at the top it is dropped itself.
                    var cut = count
                    while cut > 0, output[cut - 1] != UInt8(ascii: "/") { cut -= 1 }
                    count = max(cut - 1, 0)
                } else if length > 0, !(length == 1 && bytes[index] == UInt8(ascii: ".")) {
                    if count > 0 {
                        output[count] = UInt8(ascii: "/")
                        count += 1
                    }
                    for offset in index..<end {
                        output[count] = bytes[offset]
                        count += 1
                    }
                }
                index = end + 1
            }
            for offset in queryStart..<bytes.count {
                output[count] = bytes[offset]
                count += 1
            }
            return count
        }
    }

    /// True for the common case that needs no work: relative, `/`-separated, no scheme, query, empty, `.` or `..`
    /// segment — checked in one pass over the bytes, so member names and clean `sources` cost no allocation.
    static func isAlreadyNormal(_ path: String) -> Bool {
        var previous = UInt8(ascii: "/")
        var dotsInSegment = 0
        var segmentLength = 0
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                return false
            case UInt8(ascii: "/"):
                if previous == UInt8(ascii: "/") || dotsInSegment == segmentLength { return false }
                dotsInSegment = 0
                segmentLength = 0
            case UInt8(ascii: "."):
                dotsInSegment += 1
                segmentLength += 1
            default:
                segmentLength += 1
            }
            previous = byte
        }
        return segmentLength > 0 && dotsInSegment != segmentLength
    }

    /// Third-party code lives under a `node_modules` segment; everything else is the project's own.
    ///
    /// The test runs on the resource: the path after the last webpack loader prefix (`…!`), without its `?query` or
    /// `#fragment`. A map that itself sits under a `node_modules/` directory of its container (`mapMember`, the member
    /// or script that holds it) attributes all its sources to that package. `node_modules/@scope/…` with the enclosing
    /// npm package's own scope (`ownScope`, e.g. `@acme`) is first-party: same owner.
    public static func isFirstParty(_ normalizedPath: String, mapMember: String = "", ownScope: String? = nil) -> Bool {
        withBytes(normalizedPath) { path in
            if hasThirdPartySegment(resource(of: path), ownScope: ownScope) { return false }
            return withBytes(mapMember) { member in
                guard let directory = directory(of: member), directory.contains(UInt8(ascii: "n")) else { return true }
                return !hasThirdPartySegment(directory, ownScope: ownScope)
            }
        }
    }

    /// Runs `body` over the UTF-8 bytes of `string` in place (a native string is contiguous; others are copied once).
    /// Attribution runs for every exposed source of every map: walking a buffer costs a few instructions per byte where
    /// `String.UTF8View`'s generic collection algorithms cost tens.
    @inline(__always)
    static func withBytes<Result>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var string = string
        return string.withUTF8(body)
    }

    /// The resource part of a path: after the last loader prefix (`…!`), before any `?query` or `#fragment`.
    static func resource(of path: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        if let bang = path.lastIndex(of: UInt8(ascii: "!")) { start = bang + 1 }
        var end = start
        while end < path.count, path[end] != UInt8(ascii: "?"), path[end] != UInt8(ascii: "#") { end += 1 }
        return UnsafeBufferPointer(rebasing: path[start..<end])
    }

    /// The directory part of a member name (before its last `/`), nil for a name at the top.
    static func directory(of member: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let slash = member.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return UnsafeBufferPointer(rebasing: member[..<slash])
    }

    private static let nodeModules = Array("node_modules".utf8)

    /// True when `segment` is exactly `node_modules`.
    @inline(__always)
    static func isNodeModules(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
        segment.count == nodeModules.count
            && nodeModules.withUnsafeBufferPointer { memcmp($0.baseAddress!, segment.baseAddress!, segment.count) == 0 }
    }

    /// Calls `body` with each non-empty `/`-separated segment of `path` until it returns false.
    @inline(__always)
    static func forEachSegment(_ path: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
        var start = 0
        while start < path.count {
            var end = start
            while end < path.count, path[end] != UInt8(ascii: "/") { end += 1 }
            if end > start, !body(UnsafeBufferPointer(rebasing: path[start..<end])) { return }
            start = end + 1
        }
    }

    /// True when a `node_modules` segment is followed by anything but the own scope (or ends the path).
    private static func hasThirdPartySegment(_ path: UnsafeBufferPointer<UInt8>, ownScope: String?) -> Bool {
        var afterNodeModules = false
        var thirdParty = false
        forEachSegment(path) { segment in
            if afterNodeModules {
                guard let ownScope, segment.elementsEqual(ownScope.utf8) else {
                    thirdParty = true
                    return false
                }
                afterNodeModules = false
            }
            if isNodeModules(segment) { afterNodeModules = true }
            return true
        }
        return thirdParty || afterNodeModules
    }

    /// Length of a leading `scheme:` (plus `//` when present), or nil when the string does not start with one.
    static func schemeLength(of path: String) -> Int? {
        withBytes(path) { schemeLength(of: $0) }
    }

    /// The same over bytes; a scheme (and its `//`) must end within the first 64 bytes.
    static func schemeLength(of path: UnsafeBufferPointer<UInt8>) -> Int? {
        let bytes = UnsafeBufferPointer(rebasing: path.prefix(64))
        guard let first = bytes.first, isLetter(first) else { return nil }
        var index = 1
        while index < bytes.count, isSchemeByte(bytes[index]) {
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "/") {
            index += 2
        }
        return index
    }

    /// A letter, digit, `+`, `-` or `.`: what follows a scheme's first letter.
    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
