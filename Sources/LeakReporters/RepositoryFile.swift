import LeakScanCore

/// The repository file a finding belongs on, as code scanning and annotations need: the package's `package.json` (line 1)
/// for a packed package, the scanned file itself in a folder, the archive as given; the chain inside an archive is the
/// `member`.
struct RepositoryFile {
    var path: String
    var line: Int?
    /// Inside `path` itself (a file of a scanned folder), never inside an archive member.
    var byteOffset: Int?
    /// The chain inside the file when the file is an archive (`pkg.tgz!package/a.js.map`).
    var member: String?

    init(_ location: Location, origin: ArtifactReport.Origin) {
        let inside = location.chain.dropFirst()
        switch origin {
        case .packedPackage(let directory):
            path = Self.joined(directory, "package.json")
            line = 1
            member = inside.isEmpty ? nil : location.description
        case .directory(let directory):
            guard let first = inside.first else {
                path = directory
                return
            }
            path = Self.joined(directory, first)
            if inside.count == 1 {
                byteOffset = location.byteOffset
            } else {
                member = inside.joined(separator: "!")
            }
        case .file(let file):
            path = file
            member = inside.isEmpty ? nil : location.description
        case .standardInput:
            path = "stdin"
            member = inside.isEmpty ? nil : location.description
        }
    }

    /// `dir/file`, without a doubled slash or a leading `./`.
    static func joined(_ directory: String, _ file: String) -> String {
        var base = directory
        while base.hasSuffix("/") && base.count > 1 { base.removeLast() }
        if base == "." || base.isEmpty { return file }
        if base.hasPrefix("./") { base.removeFirst(2) }
        return base + "/" + file
    }

    /// A URI reference for SARIF: relative paths stay relative (to the repository root code scanning resolves them
    /// against), absolute ones become `file://` URIs. Every byte outside RFC 3986's unreserved set, `/`, `@` and `+`
    /// is percent-encoded, so spaces, `!`, `#`, `?` and non-ASCII names survive as path characters.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"), UInt8(ascii: "@"),
                UInt8(ascii: "+"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
