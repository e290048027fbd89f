import Synchronization

/// The capturing second pass: each rule's pattern as a Swift `Regex`, run only over the small windows an engine
/// reported, to find where a match starts and which part of it is the secret. A rule's regex is compiled the first
/// time an engine reports it (compiling all of them took ~14 M instructions, and most artifacts confirm no rule).
final class SecretCaptures: Sendable {
    private let patterns: [String]
    /// Rules whose pattern holds characters past ASCII: matched on the real text (by scalars), not on the ASCII stand-in.
    let matchesUnicode: [Bool]
    /// One slot per rule, published once by whichever thread compiles it first (a lost race compiles twice, once kept).
    private let slots: [RegexSlot]

    /// A compiled pattern, nil when it does not compile as a Swift `Regex`. `Regex` values are immutable and safe to
    /// use from several threads; the type is not declared `Sendable`.
    private final class CompiledRegex: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>?

        init(_ regex: Regex<AnyRegexOutput>?) {
            self.regex = regex
        }
    }

    private final class RegexSlot: Sendable {
        let compiled = AtomicLazyReference<CompiledRegex>()
    }

    init(rules: [SecretRule]) {
        patterns = rules.map(\.pattern)
        matchesUnicode = rules.map { !$0.pattern.utf8.allSatisfy { $0 < 0x80 } }
        slots = rules.map { _ in RegexSlot() }
    }

    private func regex(ofRule rule: Int) -> Regex<AnyRegexOutput>? {
        let slot = slots[rule]
        if let compiled = slot.compiled.load() { return compiled.regex }
        let pattern = patterns[rule]
        let regex = try? matchesUnicode[rule] ? SecretRegex.compileForUnicodeText(pattern) : SecretRegex.compile(pattern)
        return slot.compiled.storeIfNil(CompiledRegex(regex)).regex
    }

    /// The secret group that means "the first group that matched something" (gitleaks' `secretGroup = 0`).
    static let firstNonEmptyGroup = -1

    /// Matches of rule `rule` in `window`: the byte range of each whole match and of its secret group.
    func matches(rule: Int, secretGroup: Int, in window: String) -> [(match: Range<Int>, secret: Range<Int>)] {
        guard let regex = regex(ofRule: rule) else { return [] }
        let utf8 = window.utf8
        var found: [(match: Range<Int>, secret: Range<Int>)] = []
        func offsets(_ range: Range<String.Index>) -> Range<Int> {
            utf8.distance(
                from: utf8.startIndex, to: range.lowerBound)..<utf8.distance(
                    from: utf8.startIndex, to: range.upperBound)
        }
        for match in window.matches(of: regex) {
            let whole = match.range
            var group = whole
            if secretGroup == Self.firstNonEmptyGroup {
                for index in 1..<max(1, match.output.count) {
                    if let range = match.output[index].range, !range.isEmpty {
                        group = range
                        break
                    }
                }
            } else if secretGroup < match.output.count {
                group = match.output[secretGroup].range ?? whole
            }
            found.append((offsets(whole), offsets(group)))
        }
        return found
    }
}

/// How every pattern of the secret scan is compiled as a Swift `Regex`: `\b`, `\w`, `\d` and `\s` in their ASCII
/// sense (as in Vectorscan's byte mode and Go's RE2).
public enum SecretRegex {
    public static func compile(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        try Regex(pattern).wordBoundaryKind(.simple).asciiOnlyCharacterClasses()
    }

    /// For a pattern with characters past ASCII, run on the real text: by Unicode scalars so byte offsets stay exact.
    /// (Swift 6.3's `\b` never matches with both `.simple` boundaries and scalar semantics, so the default kind.)
    static func compileForUnicodeText(_ pattern: String) throws -> Regex<AnyRegexOutput> {
        try Regex(pattern).asciiOnlyCharacterClasses().matchingSemantics(.unicodeScalar)
    }

    /// True when `pattern` matches somewhere in `text`.
    static func occurs(_ regex: Regex<AnyRegexOutput>, in text: String) -> Bool {
        (try? regex.firstMatch(in: text)) != nil
    }

    /// `literal` as a pattern that matches it (characters past ASCII kept, each with its other case as an
    /// alternative so byte-mode engines fold it too; ASCII punctuation escaped).
    public static func escapedLiteral(_ literal: String) -> String {
        var out = ""
        for scalar in literal.unicodeScalars {
            if scalar.isASCII {
                let isWord = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
                out += isWord ? String(scalar) : "\\" + String(scalar)
                continue
            }
            let cases = Set([String(scalar).lowercased(), String(scalar).uppercased(), String(scalar)])
                .filter { $0.unicodeScalars.count == 1 }.sorted()
            out += cases.count > 1 ? "(?:" + cases.joined(separator: "|") + ")" : String(scalar)
        }
        return out
    }
}
