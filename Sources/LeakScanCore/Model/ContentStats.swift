/// What one non-null `sourcesContent` string exposes, measured from its escaped bytes.
public struct ContentStats: Hashable, Sendable {
    /// `\n` count, plus one when the text is non-empty and does not end in `\n` (CRLF counts once, lone CR never).
    public var lines: Int
    /// UTF-8 length of the decoded string.
    public var bytes: Int
    public var digest: ContentDigest

    public init(lines: Int, bytes: Int, digest: ContentDigest) {
        self.lines = lines
        self.bytes = bytes
        self.digest = digest
    }
}
