/// The built-in rules, written here from the vendors' published token formats (prefixes, alphabets and lengths).
/// Every pattern is bounded (no match longer than `SecretEntryScanner.maxMatchLength`) and ASCII.
public enum BuiltinSecretRules {
    /// All built-in rules, including those off by default.
    public static let all: [SecretRule] = [
        SecretRule(
            id: "aws-access-key-id", pattern: #"\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b"#,
            anchors: ["AKIA", "ASIA", "ABIA", "ACCA"]),
        SecretRule(id: "github-classic-token", pattern: #"\bghp_[A-Za-z0-9]{36}\b"#, anchors: ["ghp_"]),
        SecretRule(id: "github-oauth-token", pattern: #"\bgho_[A-Za-z0-9]{36}\b"#, anchors: ["gho_"]),
        SecretRule(id: "github-app-token", pattern: #"\bgh[su]_[A-Za-z0-9]{36}\b"#, anchors: ["ghs_", "ghu_"]),
        SecretRule(id: "github-refresh-token", pattern: #"\bghr_[A-Za-z0-9]{36,76}\b"#, anchors: ["ghr_"]),
        SecretRule(
            id: "github-fine-grained-token", pattern: #"\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b"#,
            anchors: ["github_pat_"]),
        SecretRule(id: "gitlab-token", pattern: #"\bglpat-[A-Za-z0-9_-]{20,64}"#, anchors: ["glpat-"]),
        SecretRule(id: "slack-token", pattern: #"\bxox[abeoprs]-[A-Za-z0-9-]{10,250}"#, anchors: ["xox"]),
        SecretRule(
            id: "slack-webhook",
            pattern: #"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{20,120}"#,
            anchors: ["hooks.slack.com/"]),
        SecretRule(id: "stripe-live-key", pattern: #"\b(?:sk|rk)_live_[A-Za-z0-9]{24,247}"#, anchors: ["k_live_"]),
        SecretRule(id: "google-api-key", pattern: #"\bAIza[0-9A-Za-z_-]{35}"#, anchors: ["AIza"]),
        SecretRule(id: "npm-token", pattern: #"\bnpm_[A-Za-z0-9]{36}\b"#, anchors: ["npm_"]),
        SecretRule(id: "pypi-token", pattern: #"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,400}"#, anchors: ["pypi-AgEI"]),
        SecretRule(
            id: "openai-api-key",
            pattern: #"\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}"#,
            anchors: ["T3BlbkFJ"]),
        SecretRule(
            id: "anthropic-api-key", pattern: #"\bsk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,120}AA\b"#,
            anchors: ["sk-ant-"]),
        SecretRule(
            id: "private-key", pattern: #"-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----"#,
            anchors: ["-----BEGIN "]),
        SecretRule(
            id: "json-web-token",
            pattern: #"\beyJ[A-Za-z0-9_-]{8,400}\.eyJ[A-Za-z0-9_-]{8,400}\.[A-Za-z0-9_-]{16,200}"#,
            anchors: ["eyJ"]),
        SecretRule(
            id: "url-credentials",
            pattern:
                #"\b[A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:@/'"`$<>{}()]{1,64}:([^\s:@/'"`$<>{}()*]{3,128})@[A-Za-z0-9.-]{1,253}"#,
            secretGroup: 1, anchors: ["://"]),
        SecretRule(
            id: "generic-password-assignment",
            level: .warning,
            pattern:
                #"(?i)\b(?:password|passwd|secret|api_?key|access_?token)["']?\s{0,4}[:=]\s{0,4}["']([^"'\s]{8,128})["']"#,
            secretGroup: 1, anchors: ["password", "passwd", "secret", "apikey", "api_key", "access_token", "accesstoken"],
            anchorsIgnoreCase: true, isOnByDefault: false),
    ]

    /// The rules on by default.
    public static var enabled: [SecretRule] { all.filter(\.isOnByDefault) }
}
