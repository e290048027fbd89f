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
        var query = ""
        if let mark = joined.firstIndex(of: "?") {
            query = String(joined[mark...])
            joined = String(joined[..<mark])
        }
        if let length = schemeLength(of: joined) {
            joined.removeFirst(length)
        }
        var segments: [Substring] = []
        for segment in joined.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/") + query
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
    public static func isFirstParty(_ normalizedPath: String) -> Bool {
        !normalizedPath.utf8.split(separator: UInt8(ascii: "/")).contains { $0.elementsEqual("node_modules".utf8) }
    }

    /// Length of a leading `scheme:` (plus `//` when present), or nil when the string does not start with one.
    static func schemeLength(of path: String) -> Int? {
        let bytes = Array(path.utf8.prefix(64))
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
