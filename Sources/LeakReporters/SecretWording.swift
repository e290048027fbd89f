package import LeakScanCore

/// The words about secrets and sensitive terms: redacted excerpts, the finding's sentence, a fix per secret rule and
/// the note when the scan ran on the slower engine.
extension Wording {
    /// `ghp_…(40 chars)`: the first few characters (at most 4, at most a quarter of the secret) and the length.
    /// Sensitive terms are the user's own words and are shown as they are, as is everything with `show`.
    package static func excerpt(_ secret: Finding.SecretFinding, rule: Rule, show: Bool) -> String {
        if show || rule == .sensitiveTermExposed { return Formatting.quoted(secret.secret) }
        // A gitleaks path-only rule matches the file itself: there is no secret text.
        if secret.secret.isEmpty { return "(the file itself)" }
        let characters = Array(secret.secret)
        let kept = min(4, characters.count / 4)
        return Formatting.quoted(String(characters.prefix(kept))) + "…(\(Formatting.count(characters.count, "char")))"
    }

    /// `src/config.ts:12:7` (line and UTF-16 column of the original file).
    package static func sourcePosition(_ secret: Finding.SecretFinding) -> String {
        "\(Formatting.quoted(secret.sourcePath)):\(secret.line):\(secret.column)"
    }

    /// The sentence for a secret finding, as every format shows it.
    static func secretMessage(_ finding: Finding, _ secret: Finding.SecretFinding, show: Bool) -> String {
        let nesting = finding.containingEntries.map { " → \(Formatting.quoted($0)) (inline)" }.joined()
        let what =
            finding.rule == .sensitiveTermExposed
            ? "sensitive term \(excerpt(secret, rule: finding.rule, show: show))"
            : "\(secret.ruleID) \(excerpt(secret, rule: finding.rule, show: show)) (unverified)"
        return "\(Formatting.quoted(finding.location.member))\(nesting) → \(sourcePosition(secret)) exposes \(what)"
    }

    /// How to deal with a leaked secret of this rule: revoke it where the vendor issues it, then stop shipping it.
    package static func secretFix(_ ruleID: String) -> String {
        let revoke =
            switch ruleID {
            case "aws-access-key-id": "Deactivate the access key in AWS IAM and rotate it"
            case "github-classic-token", "github-oauth-token", "github-app-token", "github-refresh-token",
                "github-fine-grained-token":
                "Revoke the token in GitHub (Settings → Developer settings, or the app's settings)"
            case "gitlab-token": "Revoke the token in GitLab (User settings → Access tokens)"
            case "slack-token", "slack-webhook": "Revoke the token or webhook in the Slack app's settings"
            case "stripe-live-key": "Roll the key in the Stripe dashboard (Developers → API keys)"
            case "google-api-key": "Delete or restrict the key in Google Cloud console (APIs & Services → Credentials)"
            case "npm-token": "Revoke the token on npmjs.com (Access Tokens) or with `npm token revoke`"
            case "pypi-token": "Remove the token in PyPI account settings (API tokens)"
            case "openai-api-key": "Revoke the key in the OpenAI platform (API keys)"
            case "anthropic-api-key": "Revoke the key in the Anthropic Console (API keys)"
            case "private-key": "Treat the key pair as compromised: replace it and revoke its certificates"
            case "json-web-token": "Invalidate the token (rotate its signing key if it does not expire soon)"
            case "url-credentials": "Change the password of that account and keep credentials out of URLs in source"
            case SecretRuleSetNames.term: "Remove the term from shipped sources if it must stay private"
            default: "Rotate the credential"
            }
        return revoke + "; then ship no sourcesContent (see first-party-source-exposed) so sources stay private."
    }

    /// Said once per run when the secret scan could not use Vectorscan.
    package static func engineFallback(_ fallback: SecretEngineFallback) -> String {
        let why =
            switch fallback {
            case .unsupportedCPU: "this CPU lacks SSE4.2, which Vectorscan needs"
            case .ruleRejected(let rule, let message):
                "Vectorscan rejected \(rule.map { "rule \($0)" } ?? "the rules"): \(Formatting.sanitized(message))"
            case .notBuiltIn: "this build has no Vectorscan"
            }
        return "secret scan ran on the slower pure-Swift engine (\(why)); every rule was still applied"
    }
}

/// Secret rule ids the reporters word specially.
enum SecretRuleSetNames {
    static let term = "sensitive-term"
}
