extension StringProtocol where SubSequence == Substring {
    /// The text without leading and trailing whitespace (newlines included).
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
