public import LeakScanCore
import SecretMatching

/// The rules of a run's secret scan: the built-in rules on by default, those a policy enables, the user's sensitive
/// terms (from policies and `--terms`) and a gitleaks file's rules, matched by the best engine the machine can run.
public enum SecretRuleSet {
    /// The built-in rules on by default; compiled once per process, on first use.
    public static let builtIn = SecretEngines.scanning(rules: BuiltinSecretRules.enabled)

    /// The id of every sensitive-term finding's secret rule.
    public static let termRuleID = "sensitive-term"
    /// What starts a term that is a regular expression rather than a word (`re:capy(bara)?-v\d+`).
    public static let termPatternPrefix = "re:"

    /// Built-in rules on by default plus those named in `enabling`, minus the gitleaks file's `disabledRules`; one rule
    /// per term; the gitleaks file's rules.
    public static func scanning(
        enabling: Set<String>, terms: [String], gitleaks: GitleaksConfig? = nil
    ) throws(InvalidTerm) -> SecretScanning {
        if enabling.isEmpty, terms.isEmpty, gitleaks == nil { return builtIn }
        let disabled = gitleaks?.disabledRules ?? []
        let builtIns = BuiltinSecretRules.all.filter {
            ($0.isOnByDefault || enabling.contains($0.id)) && !disabled.contains($0.id)
        }
        let rules = builtIns + (try termRules(terms)) + (gitleaks?.rules ?? [])
        return SecretEngines.scanning(rules: rules, extras: gitleaks?.extras ?? SecretScanExtras())
    }

    /// A term matches ignoring case: a word as a whole word (`Capybara`, `capybara`, `CAPYBARA`; `Überprojekt`; a CJK
    /// name anywhere, as CJK has no spaces), a `re:` term as its regular expression.
    static func termRules(_ terms: [String]) throws(InvalidTerm) -> [SecretRule] {
        var rules: [SecretRule] = []
        for term in Array(Set(terms)).sorted() where !term.isEmpty {
            if term.hasPrefix(termPatternPrefix) {
                let source = String(term.dropFirst(termPatternPrefix.count))
                let pattern: String
                do {
                    pattern = try GitleaksRegex.translate(source, in: "") { GitleaksConfigError(path: "", message: $0) }
                } catch {
                    throw InvalidTerm(term: term, message: error.message)
                }
                guard !source.isEmpty, let compiled = try? SecretRegex.compile(pattern), "".firstMatch(of: compiled) == nil else {
                    throw InvalidTerm(term: term, message: "matches empty text")
                }
                rules.append(
                    SecretRule(
                        id: termRuleID, level: .error, pattern: "(?i)" + pattern, anchors: [], kind: .sensitiveTerm))
            } else {
                rules.append(
                    SecretRule(
                        id: termRuleID, level: .error, pattern: "(?i)" + wordBounded(term), anchors: [term],
                        anchorsIgnoreCase: true, kind: .sensitiveTerm))
            }
        }
        return rules
    }

    /// The escaped term, with `\b` on each side whose end character is an ASCII letter, digit or underscore (a `\b`
    /// next to any other character would never match in the engines' ASCII sense of words).
    private static func wordBounded(_ term: String) -> String {
        func isASCIIWord(_ character: Character?) -> Bool {
            guard let scalar = character?.unicodeScalars.first, character?.isASCII == true else { return false }
            return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_"
        }
        let escaped = SecretRegex.escapedLiteral(term)
        return (isASCIIWord(term.first) ? #"\b"# : "") + escaped + (isASCIIWord(term.last) ? #"\b"# : "")
    }

    /// A `re:` term that cannot be matched: the term and why.
    public struct InvalidTerm: Error, Equatable, Sendable {
        public var term: String
        public var message: String

        public init(term: String, message: String) {
            self.term = term
            self.message = message
        }
    }
}
