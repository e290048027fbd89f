/// One secret found in a decoded `sourcesContent` entry, at its position in that original file.
public struct SecretHit: Hashable, Sendable, Comparable {
    /// The `SecretRule.id` that matched.
    public var ruleID: String
    public var kind: SecretRule.Kind
    /// The rule's level (before any policy).
    public var level: Rule.Level
    /// 1-based line (counted by `\n`) of the match's first character in the decoded entry.
    public var line: Int
    /// 1-based column in UTF-16 code units (the unit of source maps, JavaScript strings and SARIF's `utf16CodeUnits`).
    public var column: Int
    /// The secret itself (the rule's secret group). Reports redact it unless asked not to.
    public var secret: String
    /// The whole match and the line(s) it is on, kept only while allowlists still have to look at them (gitleaks).
    var matchText: String?
    var lineText: String?

    public init(ruleID: String, kind: SecretRule.Kind, level: Rule.Level, line: Int, column: Int, secret: String) {
        self.ruleID = ruleID
        self.kind = kind
        self.level = level
        self.line = line
        self.column = column
        self.secret = secret
    }

    public static func < (lhs: SecretHit, rhs: SecretHit) -> Bool {
        (lhs.line, lhs.column, lhs.ruleID) < (rhs.line, rhs.column, rhs.ruleID)
    }
}
