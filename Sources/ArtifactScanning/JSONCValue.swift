/// A JSON value and where it starts (1-based line and column), from JSON with comments and trailing commas — JSONC,
/// as `tsconfig.json` is written. Hand-written because no parser here keeps positions: `JSONDecoder` (also with JSON5)
/// reports syntax errors only, and a policy error must point at the offending key or value.
struct JSONCValue {
    var kind: Kind
    var position: Position

    enum Kind {
        /// Members in file order, each key with its own position.
        case object([(key: String, keyPosition: Position, value: JSONCValue)])
        case array([JSONCValue])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    struct Position: Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var description: String { "\(line):\(column)" }
    }

    struct SyntaxError: Error {
        var position: Position
        var message: String
    }

    var members: [(key: String, keyPosition: Position, value: JSONCValue)]? {
        if case .object(let members) = kind { members } else { nil }
    }

    /// The value of `key` (the last one when a key repeats, as `JSON.parse` does).
    subscript(key: String) -> JSONCValue? {
        members?.last { $0.key == key }?.value
    }

    var array: [JSONCValue]? {
        if case .array(let elements) = kind { elements } else { nil }
    }

    var string: String? {
        if case .string(let text) = kind { text } else { nil }
    }

    var bool: Bool? {
        if case .bool(let flag) = kind { flag } else { nil }
    }

    /// The number when it is a whole number that fits an `Int`.
    var wholeNumber: Int? {
        guard case .number(let number) = kind, number.rounded() == number, abs(number) < 0x1p62 else { return nil }
        return Int(number)
    }

    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONCValue {
        var parser = JSONCParser(bytes: bytes)
        return try parser.document()
    }
}

/// Recursive descent over bytes, depth-capped (a policy file is small; hostile nesting gets an error, not a crash).
private struct JSONCParser {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0
    var depth = 0
    static let maxDepth = 64

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    var position: JSONCValue.Position { JSONCValue.Position(line: line, column: index - lineStart + 1) }

    func error(_ message: String) -> JSONCValue.SyntaxError { JSONCValue.SyntaxError(position: position, message: message) }

    mutating func document() throws(JSONCValue.SyntaxError) -> JSONCValue {
        let root = try value()
        try skipTrivia()
        guard index == bytes.count else { throw error("unexpected text after the JSON value") }
        return root
    }

    mutating func value() throws(JSONCValue.SyntaxError) -> JSONCValue {
        try skipTrivia()
        let start = position
        guard index < bytes.count else { throw error("unexpected end of the file") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONCValue(kind: try object(), position: start)
        case UInt8(ascii: "["): return JSONCValue(kind: try array(), position: start)
        case UInt8(ascii: "\""): return JSONCValue(kind: .string(try string()), position: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONCValue(kind: .bool(true), position: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONCValue(kind: .bool(false), position: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONCValue(kind: .null, position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONCValue(kind: .number(try number()), position: start)
        default: throw error("expected a value")
        }
    }

    mutating func object() throws(JSONCValue.SyntaxError) -> JSONCValue.Kind {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [(key: String, keyPosition: JSONCValue.Position, value: JSONCValue)] = []
        while true {
            try skipTrivia()
            guard index < bytes.count else { throw error("unexpected end of the file inside an object") }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted key or '}'") }
            let keyPosition = position
            let key = try string()
            try skipTrivia()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
            index += 1
            members.append((key, keyPosition, try value()))
            try skipTrivia()
            guard index < bytes.count else { throw error("unexpected end of the file inside an object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] != UInt8(ascii: "}") {
                throw error("expected ',' or '}'")
            }
        }
    }

    mutating func array() throws(JSONCValue.SyntaxError) -> JSONCValue.Kind {
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONCValue] = []
        while true {
            try skipTrivia()
            guard index < bytes.count else { throw error("unexpected end of the file inside a list") }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            elements.append(try value())
            try skipTrivia()
            guard index < bytes.count else { throw error("unexpected end of the file inside a list") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] != UInt8(ascii: "]") {
                throw error("expected ',' or ']'")
            }
        }
    }

    mutating func enter() throws(JSONCValue.SyntaxError) {
        depth += 1
        guard depth <= Self.maxDepth else { throw error("nested deeper than \(Self.maxDepth) levels") }
    }

    mutating func string() throws(JSONCValue.SyntaxError) -> String {
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { break }
                let escaped = bytes[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { throw error("bad \\u escape") }
                    index += 4
                    out += Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                default: throw error("bad escape")
                }
                continue
            case 0x00..<0x20:
                throw error("control character inside a string")
            default:
                out.append(byte)
            }
            index += 1
        }
        throw error("unterminated string")
    }

    mutating func number() throws(JSONCValue.SyntaxError) -> Double {
        let start = index
        while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
        guard let number = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
            index = start
            throw error("bad number")
        }
        return number
    }

    mutating func literal(_ word: String) throws(JSONCValue.SyntaxError) {
        guard bytes[index...].starts(with: word.utf8) else { throw error("expected a value") }
        index += word.utf8.count
    }

    /// Whitespace, `// line` and `/* block */` comments.
    mutating func skipTrivia() throws(JSONCValue.SyntaxError) {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                let opening = error("unterminated comment")
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
                    if bytes[index] == UInt8(ascii: "\n") {
                        line += 1
                        lineStart = index + 1
                    }
                    index += 1
                }
                guard index + 1 < bytes.count else { throw opening }
                index += 2
            default:
                return
            }
        }
    }
}
