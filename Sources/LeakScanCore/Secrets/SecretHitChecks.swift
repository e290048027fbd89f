/// The checks on a hit that need its source path (a gitleaks rule's `path`, allowlists with `paths`, regexes or stop
/// words) and the path-only rules, with every pattern compiled once per run.
final class SecretHitChecks: @unchecked Sendable {
    // `Regex` values are immutable and safe to share between threads; the type is not declared `Sendable`.
    private struct CompiledAllowlist {
        let list: SecretAllowlist
        let regexes: [Regex<AnyRegexOutput>]
        let paths: [Regex<AnyRegexOutput>]
    }

    private let globalAllowlists: [CompiledAllowlist]
    private let ruleChecks: [String: (path: Regex<AnyRegexOutput>?, allowlists: [CompiledAllowlist])]
    private let pathOnly: [(rule: PathOnlyRule, path: Regex<AnyRegexOutput>?, allowlists: [CompiledAllowlist])]

    init(rules: [SecretRule], extras: SecretScanExtras) {
        func compiled(_ list: SecretAllowlist) -> CompiledAllowlist {
            CompiledAllowlist(
                list: list, regexes: list.regexes.compactMap { try? SecretRegex.compile($0) },
                paths: list.paths.compactMap { try? SecretRegex.compile($0) })
        }
        globalAllowlists = extras.allowlists.map(compiled)
        var checks: [String: (path: Regex<AnyRegexOutput>?, allowlists: [CompiledAllowlist])] = [:]
        for rule in rules {
            guard let ruleChecks = rule.checks else { continue }
            checks[rule.id] = (
                ruleChecks.pathPattern.flatMap { try? SecretRegex.compile($0) }, ruleChecks.allowlists.map(compiled)
            )
        }
        ruleChecks = checks
        pathOnly = extras.pathOnlyRules.map { rule in
            (rule, try? SecretRegex.compile(rule.pathPattern), rule.allowlists.map(compiled))
        }
    }

    func admitted(_ hits: [SecretHit], path: String) -> [SecretHit] {
        var kept: [SecretHit] = []
        for var hit in hits {
            let checks = ruleChecks[hit.ruleID]
            if let pattern = checks?.path, !SecretRegex.occurs(pattern, in: path) { continue }
            let applicable = globalAllowlists.filter { $0.list.ruleIDs.isEmpty || $0.list.ruleIDs.contains(hit.ruleID) }
            if (applicable + (checks?.allowlists ?? [])).contains(where: { Self.allows($0, hit, path: path) }) { continue }
            hit.matchText = nil
            hit.lineText = nil
            kept.append(hit)
        }
        for rule in pathOnly {
            guard let pattern = rule.path, SecretRegex.occurs(pattern, in: path) else { continue }
            let hit = SecretHit(ruleID: rule.rule.id, kind: .secret, level: rule.rule.level, line: 1, column: 1, secret: "")
            let applicable = globalAllowlists.filter { $0.list.ruleIDs.isEmpty || $0.list.ruleIDs.contains(hit.ruleID) }
            if (applicable + rule.allowlists).contains(where: { Self.allowsPath($0, path: path) }) { continue }
            kept.append(hit)
        }
        return kept.sorted()
    }

    /// gitleaks' `checkFindingAllowed` and path check: OR of what is given, or AND of every kind given.
    private static func allows(_ allowlist: CompiledAllowlist, _ hit: SecretHit, path: String) -> Bool {
        let list = allowlist.list
        let target =
            switch list.regexTarget {
            case .secret: hit.secret
            case .match: hit.matchText ?? hit.secret
            case .line: hit.lineText ?? hit.secret
            }
        let regexAllows = !target.isEmpty && allowlist.regexes.contains { SecretRegex.occurs($0, in: target) }
        let lowered = hit.secret.lowercased()
        let stopwordAllows = !lowered.isEmpty && list.stopwords.contains { lowered.contains($0) }
        let pathAllows = allowlist.paths.contains { SecretRegex.occurs($0, in: path) }
        switch list.condition {
        case .or:
            return regexAllows || stopwordAllows || pathAllows
        case .and:
            var checks: [Bool] = []
            if !list.paths.isEmpty { checks.append(pathAllows) }
            if !list.regexes.isEmpty { checks.append(regexAllows) }
            if !list.stopwords.isEmpty { checks.append(stopwordAllows) }
            return !checks.isEmpty && checks.allSatisfy { $0 }
        }
    }

    /// For a path-only finding (no text): gitleaks' `checkCommitOrPathAllowed` — an AND list with regexes or stop
    /// words never applies.
    private static func allowsPath(_ allowlist: CompiledAllowlist, path: String) -> Bool {
        let pathAllows = allowlist.paths.contains { SecretRegex.occurs($0, in: path) }
        if allowlist.list.condition == .and, !allowlist.list.regexes.isEmpty || !allowlist.list.stopwords.isEmpty {
            return false
        }
        return pathAllows
    }
}
