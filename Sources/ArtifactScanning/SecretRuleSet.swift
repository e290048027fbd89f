public import LeakScanCore
import SecretMatching

/// The rules of a run's secret scan: the built-in rules on by default, those a policy enables, and the user's
/// sensitive terms (from policies and `--terms`), matched by the best engine the machine can run.
public enum SecretRuleSet {
    /// The built-in rules on by default; compiled once per process, on first use.
    public static let builtIn = SecretEngines.scanning(rules: BuiltinSecretRules.enabled)

    /// The id of every sensitive-term finding's secret rule.
    public static let termRuleID = "sensitive-term"

    /// Built-in rules on by default plus those named in `enabling`, and one rule per term.
    public static func scanning(enabling: Set<String>, terms: [String]) -> SecretScanning {
        if enabling.isEmpty, terms.isEmpty { return builtIn }
        let rules = BuiltinSecretRules.all.filter { $0.isOnByDefault || enabling.contains($0.id) } + termRules(terms)
        return SecretEngines.scanning(rules: rules)
    }

    /// A term matches as a whole word, ignoring ASCII case (`Capybara`, `capybara`, `CAPYBARA`).
    static func termRules(_ terms: [String]) -> [SecretRule] {
        Array(Set(terms)).sorted().filter { !$0.isEmpty }.map { term in
            SecretRule(
                id: termRuleID, level: .error, pattern: "(?i)" + wordBounded(escaped(term)), anchors: [term],
                anchorsIgnoreCase: true, kind: .sensitiveTerm)
        }
    }

    private static func wordBounded(_ pattern: String) -> String {
        #"\b"# + pattern + #"\b"#
    }

    /// `term` with every character that is not a letter, digit or underscore escaped.
    static func escaped(_ term: String) -> String {
        var out = ""
        for scalar in term.unicodeScalars {
            let isWord = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
            if isWord || !scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\" + String(scalar)
            }
        }
        return out
    }
}
