public import LeakScanCore
import FoundationEssentials
import TOMLKit

/// The subset of a `.gitleaks.toml` that leak-scan runs, as secret rules, global allowlists and path-only rules, so a
/// team's existing gitleaks rules apply to the sources a release leaks. Anything it cannot honour is an error naming
/// the rule, never a rule silently skipped.
public struct GitleaksConfig: Equatable, Sendable {
    /// The file's `[[rules]]` with a `regex`, in file order.
    public var rules: [SecretRule]
    /// Global allowlists, path-only rules, and `gitleaks:allow` comments honoured.
    public var extras: SecretScanExtras
    /// `[extend] disabledRules`: ids of built-in or file rules that do not run.
    public var disabledRules: Set<String>

    /// How far back a file rule's match may start from its end (`SecretRule.reach`): gitleaks matches whole
    /// fragments, and its own private-key rule spans a PEM block (an RSA-8192 key is about 6.4 KB).
    public static let ruleReach = 8 * 1024

    /// Reads and checks the file at `path`.
    public static func load(path: String) throws(GitleaksConfigError) -> GitleaksConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GitleaksConfigError(path: path, message: "cannot read the file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Checks `text` (the file's contents; `path` names it in errors).
    public static func parse(_ text: String, path: String) throws(GitleaksConfigError) -> GitleaksConfig {
        func fail(_ message: String) -> GitleaksConfigError { GitleaksConfigError(path: path, message: message) }
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw fail("not TOML: \(error.description) (line \(error.source.begin.line))")
        } catch {
            throw fail("not TOML")
        }
        let reader = TableReader(fail: fail)
        try reader.checkKeys(
            root, allowed: ["title", "description", "minVersion", "extend", "rules", "allowlist", "allowlists"], in: "")

        var disabled: Set<String> = []
        if let extend = try reader.table(root, "extend", in: "") {
            try reader.checkKeys(extend, allowed: ["useDefault", "disabledRules", "path", "url"], in: "[extend] ")
            if try reader.bool(extend, "useDefault", in: "[extend] ") == true {
                throw fail(
                    "[extend] useDefault = true: gitleaks' default rules are not part of leak-scan (its own built-in "
                        + "rules always run); remove useDefault")
            }
            for key in ["path", "url"] where extend[key] != nil {
                throw fail("[extend] \(key) is not supported: merge the extended file's rules into this one")
            }
            disabled = Set(try reader.strings(extend, "disabledRules", in: "[extend] "))
        }

        var rules: [SecretRule] = []
        var pathOnly: [PathOnlyRule] = []
        var seen: Set<String> = []
        for (index, value) in try reader.tables(root, "rules", in: "").enumerated() {
            guard let id = try reader.string(value, "id", in: "[[rules]] #\(index + 1) "), !id.isEmpty else {
                throw fail("[[rules]] #\(index + 1) has no id")
            }
            guard seen.insert(id).inserted else { throw fail("rule \(id): the id is used twice") }
            let place = "rule \(id): "
            try reader.checkKeys(
                value,
                allowed: [
                    "id", "description", "regex", "secretGroup", "entropy", "keywords", "path", "tags", "allowlist",
                    "allowlists",
                ], in: place)
            let allowlists = try reader.allowlists(value, in: place, global: false)
            let pathPattern = try reader.string(value, "path", in: place).map { path throws(GitleaksConfigError) in
                try GitleaksRegex.translate(path, in: place + "path: ", fail: fail)
            }
            guard let regex = try reader.string(value, "regex", in: place), !regex.isEmpty else {
                guard let pathPattern else { throw fail(place + "has neither regex nor path") }
                pathOnly.append(PathOnlyRule(id: id, pathPattern: pathPattern, allowlists: allowlists))
                continue
            }
            let (pattern, groups) = try GitleaksRegex.translated(regex, in: place + "regex: ", fail: fail)
            let secretGroup = try reader.int(value, "secretGroup", in: place) ?? 0
            guard (0...groups).contains(secretGroup) else {
                throw fail(place + "secretGroup \(secretGroup) but the regex has \(groups) capture group(s)")
            }
            let checks = SecretRuleChecks(
                secretIsFirstNonEmptyGroup: secretGroup == 0 && groups > 0,
                minimumEntropy: try reader.double(value, "entropy", in: place) ?? 0,
                keywords: try reader.strings(value, "keywords", in: place).map { $0.lowercased() }.filter { !$0.isEmpty },
                pathPattern: pathPattern, allowlists: allowlists)
            var rule = SecretRule(id: id, pattern: pattern, secretGroup: secretGroup, anchors: [], checks: checks)
            rule.reach = Self.ruleReach
            rules.append(rule)
        }

        let globals = try reader.allowlists(root, in: "", global: true)
        return GitleaksConfig(
            rules: rules.filter { !disabled.contains($0.id) },
            extras: SecretScanExtras(
                allowlists: globals, pathOnlyRules: pathOnly.filter { !disabled.contains($0.id) },
                honorsAllowComments: true),
            disabledRules: disabled)
    }
}

/// A `.gitleaks.toml` that cannot be run: the file and one sentence (naming the rule when one is at fault).
public struct GitleaksConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

/// Typed reads from TOMLKit tables, each failing with a sentence that names where the value is.
private struct TableReader {
    let fail: (String) -> GitleaksConfigError

    func checkKeys(_ table: TOMLTable, allowed: Set<String>, in place: String) throws(GitleaksConfigError) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            let known: Set<String> = ["required", "skipReport", "commits"]
            throw fail(place + (known.contains(key) ? "\(key) is not supported" : "unknown key \(key)"))
        }
    }

    func table(_ table: TOMLTable, _ key: String, in place: String) throws(GitleaksConfigError) -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let found = value.table else { throw fail(place + "\(key) must be a table") }
        return found
    }

    func tables(_ table: TOMLTable, _ key: String, in place: String) throws(GitleaksConfigError) -> [TOMLTable] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw fail(place + "\(key) must be an array of tables ([[\(key)]])") }
        var found: [TOMLTable] = []
        for element in array {
            guard let item = element.table else { throw fail(place + "\(key) must be an array of tables ([[\(key)]])") }
            found.append(item)
        }
        return found
    }

    func string(_ table: TOMLTable, _ key: String, in place: String) throws(GitleaksConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let found = value.string else { throw fail(place + "\(key) must be a string") }
        return found
    }

    func strings(_ table: TOMLTable, _ key: String, in place: String) throws(GitleaksConfigError) -> [String] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else { throw fail(place + "\(key) must be an array of strings") }
        var found: [String] = []
        for element in array {
            guard let item = element.string else { throw fail(place + "\(key) must be an array of strings") }
            found.append(item)
        }
        return found
    }

    func int(_ table: TOMLTable, _ key: String, in place: String) throws(GitleaksConfigError) -> Int? {
        guard let value = table[key] else { return nil }
        guard let found = value.int else { throw fail(place + "\(key) must be an integer") }
        return found
    }

    func double(_ table: TOMLTable, _ key: String, in place: String) throws(GitleaksConfigError) -> Double? {
        guard let value = table[key] else { return nil }
        if let found = value.double { return found }
        if let found = value.int { return Double(found) }
        throw fail(place + "\(key) must be a number")
    }

    func bool(_ table: TOMLTable, _ key: String, in place: String) throws(GitleaksConfigError) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let found = value.bool else { throw fail(place + "\(key) must be true or false") }
        return found
    }

    /// `[[allowlists]]` (or the older single `[allowlist]`) of a rule or of the file.
    func allowlists(_ table: TOMLTable, in place: String, global: Bool) throws(GitleaksConfigError) -> [SecretAllowlist] {
        var tables = try tables(table, "allowlists", in: place)
        if let legacy = try self.table(table, "allowlist", in: place) {
            guard tables.isEmpty else { throw fail(place + "[allowlist] cannot be used alongside [[allowlists]]") }
            tables = [legacy]
        }
        var lists: [SecretAllowlist] = []
        for list in tables {
            let where_ = place + "allowlist: "
            var allowed: Set<String> = ["description", "condition", "commits", "paths", "regexTarget", "regexes", "stopwords"]
            if global { allowed.insert("targetRules") }
            for key in list.keys.sorted() where !allowed.contains(key) { throw fail(where_ + "unknown key \(key)") }
            let conditionText = (try string(list, "condition", in: where_) ?? "OR").uppercased()
            let condition: SecretAllowlist.Condition
            switch conditionText {
            case "OR", "||": condition = .or
            case "AND", "&&": condition = .and
            default: throw fail(where_ + "condition must be OR or AND, not \(conditionText)")
            }
            let targetText = try string(list, "regexTarget", in: where_) ?? "secret"
            guard let target = SecretAllowlist.Target(rawValue: targetText.isEmpty ? "secret" : targetText) else {
                throw fail(where_ + "regexTarget must be secret, match or line, not \(targetText)")
            }
            var regexes: [String] = []
            for regex in try strings(list, "regexes", in: where_) {
                regexes.append(try GitleaksRegex.translate(regex, in: where_ + "regexes: ", fail: fail))
            }
            var paths: [String] = []
            for path in try strings(list, "paths", in: where_) {
                paths.append(try GitleaksRegex.translate(path, in: where_ + "paths: ", fail: fail))
            }
            let stopwords = try strings(list, "stopwords", in: where_)
            let commits = try strings(list, "commits", in: where_)
            guard !regexes.isEmpty || !paths.isEmpty || !stopwords.isEmpty || !commits.isEmpty else {
                throw fail(where_ + "must contain at least one of paths, regexes or stopwords")
            }
            lists.append(
                SecretAllowlist(
                    condition: condition, regexes: regexes, regexTarget: target, paths: paths, stopwords: stopwords,
                    ruleIDs: try strings(list, "targetRules", in: where_)))
        }
        return lists
    }
}
