public import Foundation
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
        guard let root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Problem(path: path, message: "not a JSON object")
        }
        try checkKeys(root, allowed: ["version", "fail", "allow"], in: "the top level", path: path)
        guard root["version"] as? Int == 1 else {
            throw Problem(path: path, message: "\"version\" must be 1 (the only policy version this leak-scan reads)")
        }
        var policy = Policy()
        if let fail = root["fail"] {
            guard let fail = fail as? [String: Any] else { throw Problem(path: path, message: "\"fail\" must be an object") }
            try checkKeys(fail, allowed: ["firstPartyLinesOver", "thirdParty", "namesOnly"], in: "\"fail\"", path: path)
            if let value = fail["firstPartyLinesOver"] {
                guard let lines = value as? Int, lines >= 0 else {
                    throw Problem(path: path, message: "\"fail.firstPartyLinesOver\" must be a whole number ≥ 0")
                }
                policy.maxFirstPartyLines = lines
            }
            policy.failOnThirdParty = try flag(fail, "thirdParty", path: path) ?? false
            policy.failOnNamesOnly = try flag(fail, "namesOnly", path: path) ?? false
        }
        if let allow = root["allow"] {
            guard let entries = allow as? [[String: Any]] else {
                throw Problem(path: path, message: "\"allow\" must be a list of objects")
            }
            for (index, entry) in entries.enumerated() {
                policy.allow.append(try allowEntry(entry, index: index, path: path))
            }
        }
        return policy
    }

    static func allowEntry(_ entry: [String: Any], index: Int, path: String) throws(Problem) -> Policy.AllowEntry {
        let place = "\"allow[\(index)]\""
        try checkKeys(entry, allowed: ["path", "fingerprint", "reason"], in: place, path: path)
        guard let reason = entry["reason"] as? String, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Problem(path: path, message: "\(place) needs a \"reason\" saying why the exposure is accepted")
        }
        let glob = entry["path"] as? String
        let fingerprint = entry["fingerprint"] as? String
        guard glob != nil || fingerprint != nil else {
            throw Problem(path: path, message: "\(place) needs a \"path\" glob or a \"fingerprint\"")
        }
        return Policy.AllowEntry(pathGlob: glob, fingerprint: fingerprint, reason: reason)
    }

    static func flag(_ object: [String: Any], _ key: String, path: String) throws(Problem) -> Bool? {
        guard let value = object[key] else { return nil }
        guard let flag = value as? Bool else { throw Problem(path: path, message: "\"fail.\(key)\" must be true or false") }
        return flag
    }

    static func checkKeys(_ object: [String: Any], allowed: Set<String>, in place: String, path: String) throws(Problem) {
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Problem(
                path: path,
                message: "unknown key \"\(unknown)\" in \(place) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
        }
    }
}
