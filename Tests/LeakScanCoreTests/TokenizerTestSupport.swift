import LeakScanCore

/// Runs a fresh tokenizer over the given chunks.
func tokenize(_ chunks: [ArraySlice<UInt8>]) -> SourceMapSummary? {
    var tokenizer = SourceMapTokenizer()
    for chunk in chunks {
        chunk.withUnsafeBytes { tokenizer.consume($0) }
    }
    return tokenizer.finish()
}

func tokenize(_ text: String) -> SourceMapSummary? {
    tokenize([Array(text.utf8)[...]])
}

/// The counting rule applied to a decoded string: newlines, plus one for a non-empty unterminated last line.
func expectedLines(_ text: String) -> Int {
    let bytes = Array(text.utf8)
    let newlines = bytes.filter { $0 == 0x0A }.count
    return newlines + (!bytes.isEmpty && bytes.last != 0x0A ? 1 : 0)
}
