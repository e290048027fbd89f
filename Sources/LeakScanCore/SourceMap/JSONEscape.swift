/// JSON's one-character escapes, shared by every string path of the tokenizer.
enum JSONEscape {
    /// The byte `\c` stands for (`\n` → 0x0A, `\"` → `"` …), or nil for `\u` and for characters JSON does not allow.
    @inline(__always)
    static func simple(_ escaped: UInt8) -> UInt8? {
        switch escaped {
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escaped
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        default: nil
        }
    }
}
