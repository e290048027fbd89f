public import FoundationEssentials
public import LeakScanCore

/// Reads a policy file (`.leak-scan.json`): versioned, strict about keys, every allowlist entry with a `reason`.
///
///     {"version": 1,
///      "fail": {"firstPartyLinesOver": 0, "thirdParty": false, "namesOnly": false},
///      "allow": [{"path": "package/dist/vendor/*.map", "reason": "vendored, published upstream"},
///                {"fingerprint": "3f2a…", "reason": "accepted in review #12"}]}
public enum PolicyFile {
    public static let fileName = ".leak-scan.json"

    /// A problem with a policy file, naming the file and the key.
    public struct Problem: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// The policy in `path`, or the one found in the working directory or the git root, or the default policy.
    public static func load(explicit path: String?, from directory: String) throws(Problem) -> Policy {
        if let path { return try read(path) }
        for candidate in searchPaths(from: directory) where FileManager.default.fileExists(atPath: candidate) {
            return try read(candidate)
        }
        return Policy()
    }

    static func searchPaths(from directory: String) -> [String] {
        var paths = [directory + "/" + fileName]
        var url = URL(fileURLWithPath: directory)
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) {
                paths.append(url.appendingPathComponent(fileName).path)
                break
            }
            url.deleteLastPathComponent()
        }
        return paths
    }

    public static func read(_ path: String) throws(Problem) -> Policy {
        guard let data = FileManager.default.contents(atPath: path) else { throw Problem(path: path, message: "cannot read the file") }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws(Problem) -> Policy {
        guard let root = (try? JSONDecoder().decode(JSONValue.self, from: data))?.object else {
            throw Problem(path: path, message: "not a JSON object")
        }
        try checkKeys(root, allowed: ["version", "fail", "allow"], in: "the top level", path: path)
        guard root["version"]?.wholeNumber == 1 else {
            throw Problem(path: path, message: "\"version\" must be 1 (the only policy version this leak-scan reads)")
        }
        var policy = Policy()
        if let fail = root["fail"] {
            guard let fail = fail.object else { throw Problem(path: path, message: "\"fail\" must be an object") }
            try checkKeys(fail, allowed: ["firstPartyLinesOver", "thirdParty", "namesOnly"], in: "\"fail\"", path: path)
            if let value = fail["firstPartyLinesOver"] {
                guard let lines = value.wholeNumber, lines >= 0 else {
                    throw Problem(path: path, message: "\"fail.firstPartyLinesOver\" must be a whole number ≥ 0")
                }
                policy.maxFirstPartyLines = lines
            }
            policy.failOnThirdParty = try flag(fail, "thirdParty", path: path) ?? false
            policy.failOnNamesOnly = try flag(fail, "namesOnly", path: path) ?? false
        }
        if let allow = root["allow"] {
            guard let entries = allow.array?.compactMap(\.object), entries.count == allow.array?.count else {
                throw Problem(path: path, message: "\"allow\" must be a list of objects")
            }
            for (index, entry) in entries.enumerated() {
                policy.allow.append(try allowEntry(entry, index: index, path: path))
            }
        }
        return policy
    }

    static func allowEntry(_ entry: [String: JSONValue], index: Int, path: String) throws(Problem) -> Policy.AllowEntry {
        let place = "\"allow[\(index)]\""
        try checkKeys(entry, allowed: ["path", "fingerprint", "reason"], in: place, path: path)
        guard let reason = entry["reason"]?.string, !reason.allSatisfy(\.isWhitespace) else {
            throw Problem(path: path, message: "\(place) needs a \"reason\" saying why the exposure is accepted")
        }
        let glob = entry["path"]?.string
        let fingerprint = entry["fingerprint"]?.string
        guard glob != nil || fingerprint != nil else {
            throw Problem(path: path, message: "\(place) needs a \"path\" glob or a \"fingerprint\"")
        }
        return Policy.AllowEntry(pathGlob: glob, fingerprint: fingerprint, reason: reason)
    }

    static func flag(_ object: [String: JSONValue], _ key: String, path: String) throws(Problem) -> Bool? {
        guard let value = object[key] else { return nil }
        guard let flag = value.bool else { throw Problem(path: path, message: "\"fail.\(key)\" must be true or false") }
        return flag
    }

    static func checkKeys(_ object: [String: JSONValue], allowed: Set<String>, in place: String, path: String) throws(Problem) {
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Problem(
                path: path,
                message: "unknown key \"\(unknown)\" in \(place) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
        }
    }
}
