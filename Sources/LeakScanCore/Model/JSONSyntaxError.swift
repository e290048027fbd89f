/// Why the tokenizer stopped reading a map's JSON (the position travels beside it).
public enum JSONSyntaxError: Hashable, Sendable {
    case expectedKey
    case expectedColon
    case expectedCommaOrClosingBracket
    case unexpectedByte(UInt8)
    case mismatchedBracket(UInt8)
    case badUnicodeEscape
    /// Bytes after the complete JSON value.
    case trailingData
}
