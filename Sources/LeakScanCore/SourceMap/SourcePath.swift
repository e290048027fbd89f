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
        let bytes = Array(joined.utf8)
        let queryStart = bytes.firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
        let pathStart = schemeLength(of: bytes[..<queryStart]) ?? 0
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var segmentStarts: [Int] = []
        for segment in bytes[pathStart..<queryStart].split(whereSeparator: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
        ) {
            if segment.elementsEqual(".".utf8) { continue }
            if segment.elementsEqual("..".utf8) {
                if let start = segmentStarts.popLast() { normalized.removeSubrange(max(start - 1, 0)...) }
                continue
            }
            if !normalized.isEmpty { normalized.append(UInt8(ascii: "/")) }
            segmentStarts.append(normalized.count)
            normalized += segment
        }
        normalized += bytes[queryStart...]
        return String(decoding: normalized, as: UTF8.self)
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
        // Bytes, not characters: names may be kilobytes long, and `!`, `?` and `#` are ASCII.
        let path = normalizedPath.utf8
        var resource = path[...]
        if let bang = path.lastIndex(of: UInt8(ascii: "!")) { resource = path[path.index(after: bang)...] }
        if let cut = resource.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            resource = resource[..<cut]
        }
        if hasThirdPartySegment(resource, ownScope: ownScope) { return false }
        guard mapMember.utf8.contains(UInt8(ascii: "n")), let slash = mapMember.utf8.lastIndex(of: UInt8(ascii: "/")) else {
            return true
        }
        return !hasThirdPartySegment(mapMember.utf8[..<slash], ownScope: ownScope)
    }

    /// True when a `node_modules` segment is followed by anything but the own scope.
    private static func hasThirdPartySegment<Path: Collection<UInt8>>(_ path: Path, ownScope: String?) -> Bool {
        var afterNodeModules = false
        for segment in path.split(separator: UInt8(ascii: "/")) {
            if afterNodeModules {
                guard let ownScope, segment.elementsEqual(ownScope.utf8) else { return true }
                afterNodeModules = false
            }
            if segment.elementsEqual("node_modules".utf8) { afterNodeModules = true }
        }
        return afterNodeModules
    }

    /// Length of a leading `scheme:` (plus `//` when present), or nil when the string does not start with one.
    static func schemeLength(of path: String) -> Int? {
        schemeLength(of: Array(path.utf8.prefix(64))[...])
    }

    static func schemeLength(of path: ArraySlice<UInt8>) -> Int? {
        let bytes = Array(path.prefix(64))
        guard let first = bytes.first, isLetter(first) else { return nil }
        var index = 1
        while index < bytes.count, isLetter(bytes[index]) || isDigit(bytes[index]) || "+-.".utf8.contains(bytes[index]) {
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        index += 1
        if index + 1 < bytes.count + 1, bytes[index...].starts(with: "//".utf8) {
            index += 2
        }
        return index
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
