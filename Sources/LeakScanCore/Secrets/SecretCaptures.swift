/// The capturing second pass: each rule's pattern as a Swift `Regex`, run only over the small windows an engine
/// reported, to find where a match starts and which part of it is the secret.
final class SecretCaptures: @unchecked Sendable {
    // `Regex` values are immutable and safe to use from several threads; the type is not declared `Sendable`.
    private let regexes: [Regex<AnyRegexOutput>?]

    init(rules: [SecretRule]) {
        regexes = rules.map { rule in
            (try? Regex(rule.pattern))?.wordBoundaryKind(.simple).asciiOnlyCharacterClasses()
        }
    }

    /// Matches of rule `rule` in `window` (bytes, any value past ASCII stands for a non-word character): the byte
    /// range of each whole match and of its secret group.
    func matches(rule: Int, secretGroup: Int, in window: String) -> [(match: Range<Int>, secret: Range<Int>)] {
        guard let regex = regexes[rule] else { return [] }
        let utf8 = window.utf8
        var found: [(match: Range<Int>, secret: Range<Int>)] = []
        for match in window.matches(of: regex) {
            let whole = match.range
            let group = secretGroup < match.output.count ? match.output[secretGroup].range ?? whole : whole
            func offsets(_ range: Range<String.Index>) -> Range<Int> {
                utf8.distance(
                    from: utf8.startIndex, to: range.lowerBound)..<utf8.distance(
                        from: utf8.startIndex, to: range.upperBound)
            }
            found.append((offsets(whole), offsets(group)))
        }
        return found
    }
}
