/// Counters kept in registers while the tokenizer runs through a `sourcesContent` string, written back once per chunk.
struct ContentRun {
    var bytes = 0
    var lines = 0
    var endsWithNewline: Bool
    /// Any decoded byte ends a pending UTF-16 high surrogate.
    var clearsSurrogate = false

    init(endsWithNewline: Bool) {
        self.endsWithNewline = endsWithNewline
    }

    /// `count` bytes without quotes or backslashes (none when `count` ≤ 0).
    @inline(__always)
    mutating func plain(_ count: Int) {
        guard count > 0 else { return }
        bytes &+= count
        endsWithNewline = false
        clearsSurrogate = true
    }

    /// A one-character escape after `\`; false for `\u` and invalid escapes, which the byte states handle.
    @inline(__always)
    mutating func escape(_ escaped: UInt8) -> Bool {
        if escaped == UInt8(ascii: "n") {
            lines &+= 1
            endsWithNewline = true
        } else if JSONEscape.simple(escaped) != nil {
            endsWithNewline = false
        } else {
            return false
        }
        bytes &+= 1
        clearsSurrogate = true
        return true
    }
}
