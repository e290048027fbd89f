/// Source-map JSON text for tests, written by hand so escapes and layout are exactly what the test wants.
public enum MapText {
    /// A v3 map with the given sources and `sourcesContent` entries (nil is `null`); strings are escaped minimally.
    public static func map(sources: [String?], contents: [String?]?, sourceRoot: String? = nil) -> String {
        var fields = [#""version":3"#, #""file":"out.js""#]
        if let sourceRoot { fields.append(#""sourceRoot":\#(quote(sourceRoot))"#) }
        fields.append(#""sources":[\#(sources.map { $0.map(quote) ?? "null" }.joined(separator: ","))]"#)
        if let contents {
            fields.append(#""sourcesContent":[\#(contents.map { $0.map(quote) ?? "null" }.joined(separator: ","))]"#)
        }
        fields.append(#""names":[],"mappings":"AAAA,SAASA;AACA""#)
        return "{" + fields.joined(separator: ",") + "}"
    }

    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Base64 of `text` (standard alphabet, padded).
    public static func base64(_ text: String) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let bytes = Array(text.utf8)
        var out = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0..<4 {
                out.append(position <= chunk.count ? alphabet[Int(value >> (18 - 6 * UInt32(position)) & 63)] : "=")
            }
            index += 3
        }
        return out
    }
}
