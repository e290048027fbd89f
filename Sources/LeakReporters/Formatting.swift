/// Number and plural formatting shared by the human-readable reporters.
enum Formatting {
    /// `4756` → `4,756`: grouping fixed, independent of the locale, so output is deterministic.
    static func grouped(_ value: Int) -> String {
        var magnitude = value.magnitude
        var digitCount = 1
        while magnitude >= 10 {
            magnitude /= 10
            digitCount += 1
        }
        let length = (value < 0 ? 1 : 0) + digitCount + (digitCount - 1) / 3
        // Written back to front into the string's own storage (no storage at all up to 15 bytes): every report line
        // has a few of these.
        return String(unsafeUninitializedCapacity: length) { output in
            var rest = value.magnitude
            var index = length
            for written in 0..<digitCount {
                if written > 0, written % 3 == 0 {
                    index -= 1
                    output[index] = UInt8(ascii: ",")
                }
                index -= 1
                output[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            if value < 0 { output[0] = UInt8(ascii: "-") }
            return length
        }
    }

    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(value)) \(value == 1 ? singular : plural ?? singular + "s")"
    }

    /// `text` with each listed Unicode scalar replaced, in one pass (scalars, not characters: a CR inside a CRLF
    /// counts).
    static func replacing(_ replacements: [Unicode.Scalar: String], in text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let replacement = replacements[scalar] { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Untrusted text (member names, URLs, library messages) made safe for a terminal, a log or a table, the way git
    /// quotes paths: unchanged when it has no control character, quote or backslash; otherwise in double quotes with
    /// C escapes (`\n`, `\t`, `\"`, `\\`, `\033` …), so a name can neither forge a line nor reach the terminal as an
    /// escape sequence. Printable Unicode stays as it is.
    static func quoted(_ text: String) -> String {
        // Printable ASCII other than a quote or backslash needs nothing: checked on the bytes first (names are mostly
        // that), the scalars only when something else is there.
        let isPlain = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        guard !isPlain, text.unicodeScalars.contains(where: { needsQuoting($0) }) else { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0B}": out += "\\v"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            default:
                guard isControl(scalar) else {
                    out.unicodeScalars.append(scalar)
                    continue
                }
                for byte in String(scalar).utf8 {
                    let octal = String(byte, radix: 8)
                    out += "\\" + String(repeating: "0", count: 3 - octal.count) + octal
                }
            }
        }
        return out + "\""
    }

    /// Untrusted prose (a library's or package manager's message): unchanged unless it holds a control character, then
    /// quoted as `quoted` does. Quotes in an ordinary message stay readable.
    static func sanitized(_ text: String) -> String {
        text.unicodeScalars.contains(where: isControl) ? quoted(text) : text
    }

    private static func needsQuoting(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\"" || scalar == "\\" || isControl(scalar)
    }

    /// C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a terminal shows.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    /// Bytes in binary units with one decimal (`57.1 MiB`).
    static func bytes(_ value: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var scaled = Double(value)
        var unit = 0
        while scaled >= 1024, unit < units.count - 1 {
            scaled /= 1024
            unit += 1
        }
        if unit == 0 { return "\(value) B" }
        let tenths = Int((scaled * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
