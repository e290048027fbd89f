public import FoundationEssentials
public import LeakScanCore

/// Reads a policy: `.leak-scan.json` or the `"leakScan"` key of `package.json`, in JSONC (comments and trailing commas
/// allowed, as in `tsconfig.json`); versioned, strict about keys, every allowlist entry with a `reason`. Every error
/// names the file, line and column.
///
///     {"version": 1,
///      "fail": {"firstPartyLinesOver": 0, "thirdParty": false, "namesOnly": false},
///      "allow": [{"path": "package/dist/vendor/*.map", "reason": "vendored, published upstream"},
///                {"fingerprint": "3f2a…", "reason": "accepted in review #12"}]}
public enum PolicyFile {
    public static let fileName = ".leak-scan.json"
    /// The key of `package.json` that may hold the policy instead.
    public static let packageKey = "leakScan"

    /// A problem with a policy file: the file, where in it (when known), and what is wrong.
    public struct Problem: Error, CustomStringConvertible {
        public var path: String
        public var line: Int?
        public var column: Int?
        public var message: String

        init(path: String, at position: JSONCValue.Position? = nil, message: String) {
            self.path = path
            line = position?.line
            column = position?.column
            self.message = message
        }

        public var description: String {
            guard let line, let column else { return "\(path): \(message)" }
            return "\(path):\(line):\(column): \(message)"
        }
    }

    /// The policy in `path`, or the nearest one from `directory` up to its git root (a `.leak-scan.json`, else a
    /// `package.json` with a `"leakScan"` key, in each folder), or the default policy. Looking up from the package
    /// folder, not the working directory, makes a pre-push hook run at the repository root and `prepublishOnly` run in
    /// the package agree.
    public static func load(explicit path: String?, from directory: String) throws(Problem) -> Policy {
        if let path { return try read(path) }
        for folder in searchFolders(from: directory) {
            let candidate = folder + "/" + fileName
            if FileManager.default.fileExists(atPath: candidate) { return try read(candidate) }
            let manifest = folder + "/package.json"
            if FileManager.default.fileExists(atPath: manifest), let policy = try readPackageKey(manifest) { return policy }
        }
        return Policy()
    }

    /// `directory` and its parents up to the folder holding `.git`; only `directory` itself outside a repository.
    static func searchFolders(from directory: String) -> [String] {
        var folders: [String] = []
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            folders.append(url.path)
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return folders }
            if url.path == "/" { return [folders[0]] }
            url.deleteLastPathComponent()
        }
    }

    public static func read(_ path: String) throws(Problem) -> Policy {
        try parse(try contents(path), path: path)
    }

    static func contents(_ path: String) throws(Problem) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(path: path, message: "cannot read the file")
        }
        return data
    }

    /// The `"leakScan"` policy of a `package.json`, or nil when it has none. A manifest that is not JSON holds no
    /// policy: packing it fails on its own, with the package manager's message.
    static func readPackageKey(_ path: String) throws(Problem) -> Policy? {
        guard let root = try? JSONCValue.parse(Array(try contents(path))), let policy = root[packageKey] else { return nil }
        return try parse(policy, path: path, place: "\"\(packageKey)\"")
    }

    public static func parse(_ data: Data, path: String) throws(Problem) -> Policy {
        try parse(try document(data, path: path), path: path, place: "the top level")
    }

    static func document(_ data: Data, path: String) throws(Problem) -> JSONCValue {
        do {
            return try JSONCValue.parse(Array(data))
        } catch {
            throw Problem(path: path, at: error.position, message: error.message)
        }
    }

    static func parse(_ root: JSONCValue, path: String, place: String) throws(Problem) -> Policy {
        guard let members = root.members else {
            throw Problem(path: path, at: root.position, message: "\(place) must be an object")
        }
        try checkKeys(members, allowed: ["version", "fail", "allow", "secrets", "terms"], in: place, path: path)
        guard root["version"]?.wholeNumber == 1 else {
            throw Problem(
                path: path, at: root["version"]?.position ?? root.position,
                message: "\"version\" must be 1 (the only policy version this leak-scan reads)")
        }
        var policy = Policy()
        if let fail = root["fail"] {
            guard let failMembers = fail.members else {
                throw Problem(path: path, at: fail.position, message: "\"fail\" must be an object")
            }
            try checkKeys(failMembers, allowed: ["firstPartyLinesOver", "thirdParty", "namesOnly"], in: "\"fail\"", path: path)
            if let value = fail["firstPartyLinesOver"] {
                guard let lines = value.wholeNumber, lines >= 0 else {
                    throw Problem(
                        path: path, at: value.position, message: "\"fail.firstPartyLinesOver\" must be a whole number ≥ 0")
                }
                policy.maxFirstPartyLines = lines
            }
            policy.failOnThirdParty = try flag(fail, "thirdParty", path: path) ?? false
            policy.failOnNamesOnly = try flag(fail, "namesOnly", path: path) ?? false
        }
        if let secrets = root["secrets"] { try readSecrets(secrets, into: &policy, path: path) }
        if let terms = root["terms"] { policy.terms = try strings(terms, name: "terms", path: path) }
        if let allow = root["allow"] {
            guard let entries = allow.array else {
                throw Problem(path: path, at: allow.position, message: "\"allow\" must be a list of objects")
            }
            for (index, entry) in entries.enumerated() {
                policy.allow.append(try allowEntry(entry, index: index, path: path))
            }
        }
        return policy
    }

    static func allowEntry(_ entry: JSONCValue, index: Int, path: String) throws(Problem) -> Policy.AllowEntry {
        let place = "\"allow[\(index)]\""
        guard let members = entry.members else {
            throw Problem(path: path, at: entry.position, message: "\(place) must be an object")
        }
        try checkKeys(members, allowed: ["path", "fingerprint", "rule", "reason"], in: place, path: path)
        guard let reason = entry["reason"]?.string, !reason.allSatisfy(\.isWhitespace) else {
            throw Problem(
                path: path, at: entry.position, message: "\(place) needs a \"reason\" saying why the exposure is accepted")
        }
        let glob = entry["path"]?.string
        let fingerprint = entry["fingerprint"]?.string
        let rule = entry["rule"]?.string
        guard glob != nil || fingerprint != nil || rule != nil else {
            throw Problem(
                path: path, at: entry.position, message: "\(place) needs a \"path\" glob, a \"fingerprint\" or a \"rule\"")
        }
        return Policy.AllowEntry(pathGlob: glob, fingerprint: fingerprint, rule: rule, reason: reason)
    }

    /// `"secrets": {"levels": {"<secret rule id or secret-exposed>": "error|warning|note"}, "enable": ["<rule id>"],
    /// "gitleaksConfig": "<.gitleaks.toml, relative to the policy file>"}`.
    static func readSecrets(_ secrets: JSONCValue, into policy: inout Policy, path: String) throws(Problem) {
        guard let members = secrets.members else {
            throw Problem(path: path, at: secrets.position, message: "\"secrets\" must be an object")
        }
        try checkKeys(members, allowed: ["levels", "enable", "gitleaksConfig"], in: "\"secrets\"", path: path)
        if let config = secrets["gitleaksConfig"] {
            guard let file = config.string, !file.isEmpty else {
                throw Problem(path: path, at: config.position, message: "\"secrets.gitleaksConfig\" must be a file path")
            }
            policy.gitleaksConfig =
                file.hasPrefix("/")
                ? file : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(file).path
        }
        let known = Set(
            BuiltinSecretRules.all.map(\.id) + [
                SecretRuleSet.termRuleID, Rule.secretExposed.rawValue,
                Rule.sensitiveTermExposed.rawValue,
            ])
        if let levels = secrets["levels"] {
            guard let entries = levels.members else {
                throw Problem(path: path, at: levels.position, message: "\"secrets.levels\" must be an object")
            }
            for entry in entries {
                if !known.contains(entry.key) {
                    // Possibly a rule of the gitleaks file, which is read later (it may come from the command line).
                    policy.secretLevelsOfOtherRules[entry.key] =
                        Problem(
                            path: path, at: entry.keyPosition,
                            message:
                                "unknown secret rule \"\(entry.key)\" in \"secrets.levels\" (neither built in nor in the gitleaks config)"
                        ).description
                }
                guard let word = entry.value.string, let level = Rule.Level(rawValue: word) else {
                    throw Problem(
                        path: path, at: entry.value.position,
                        message: "\"secrets.levels.\(entry.key)\" must be \"error\", \"warning\" or \"note\"")
                }
                policy.secretLevels[entry.key] = level
            }
        }
        if let enable = secrets["enable"] {
            let ids = try strings(enable, name: "secrets.enable", path: path)
            if let unknown = ids.first(where: { id in !BuiltinSecretRules.all.contains { $0.id == id } }) {
                throw Problem(
                    path: path, at: enable.position, message: "unknown secret rule \"\(unknown)\" in \"secrets.enable\"")
            }
            policy.enabledSecretRules = Set(ids)
        }
    }

    /// A list of non-empty strings.
    static func strings(_ value: JSONCValue, name: String, path: String) throws(Problem) -> [String] {
        guard let items = value.array else {
            throw Problem(path: path, at: value.position, message: "\"\(name)\" must be a list of strings")
        }
        var strings: [String] = []
        for item in items {
            guard let string = item.string, !string.isEmpty else {
                throw Problem(path: path, at: item.position, message: "\"\(name)\" must be a list of non-empty strings")
            }
            strings.append(string)
        }
        return strings
    }

    static func flag(_ object: JSONCValue, _ key: String, path: String) throws(Problem) -> Bool? {
        guard let value = object[key] else { return nil }
        guard let flag = value.bool else {
            throw Problem(path: path, at: value.position, message: "\"fail.\(key)\" must be true or false")
        }
        return flag
    }

    static func checkKeys(
        _ members: [(key: String, keyPosition: JSONCValue.Position, value: JSONCValue)], allowed: Set<String>, in place: String,
        path: String
    ) throws(Problem) {
        if let unknown = members.first(where: { !allowed.contains($0.key) }) {
            throw Problem(
                path: path, at: unknown.keyPosition,
                message:
                    "unknown key \"\(unknown.key)\" in \(place) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
        }
    }
}
