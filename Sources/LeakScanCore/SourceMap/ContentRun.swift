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

    /// A one-character escape after `\`: the byte it stands for; nil for `\u` and invalid escapes, which the byte states
    /// handle.
    @inline(__always)
    mutating func escape(_ escaped: UInt8) -> UInt8? {
        guard let decoded = JSONEscape.simple(escaped) else { return nil }
        if decoded == 0x0A {
            lines &+= 1
            endsWithNewline = true
        } else {
            endsWithNewline = false
        }
        bytes &+= 1
        clearsSurrogate = true
        return decoded
    }
}
