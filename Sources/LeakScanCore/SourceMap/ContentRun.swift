/// Counters kept in registers while the tokenizer runs through a `sourcesContent` string, written back once per chunk:
/// decoded bytes (also where the next one goes in the decoded output), lines, and where the last line ended.
struct ContentRun {
    private(set) var decoded = 0
    private(set) var lines = 0
    /// `decoded` just after the last `\n` escape; -1 when there was none.
    private var newlineEnd = -1

    /// `count` bytes without quotes or backslashes (`count` ≥ 0).
    @inline(__always)
    mutating func plain(_ count: Int) {
        decoded &+= count
    }

    /// A one-character escape after `\`: the byte it stands for; nil for `\u` and invalid escapes, which the byte states
    /// handle.
    @inline(__always)
    mutating func escape(_ escaped: UInt8) -> UInt8? {
        if escaped == UInt8(ascii: "n") {
            lines &+= 1
            decoded &+= 1
            newlineEnd = decoded
            return 0x0A
        }
        guard let byte = JSONEscape.simple(escaped) else { return nil }
        decoded &+= 1
        return byte
    }

    /// Whether the text ends in a newline after this run, given whether it did before.
    func endsWithNewline(before: Bool) -> Bool {
        decoded == 0 ? before : newlineEnd == decoded
    }
}
