import Crypto

/// Fingerprints of findings: the first 16 bytes of SHA-256 over the rule id and the location inside the artifact,
/// so `pkg-1.0.tgz!package/cli.js.map` and `pkg-1.1.tgz!package/cli.js.map` match across releases.
enum Fingerprint {
    static func of(rule: Rule, location: Location) -> String {
        let key = ([rule.rawValue] + location.chain.dropFirst()).joined(separator: "\u{0}")
        let digest = Array(SHA256.hash(data: Array(key.utf8)))
        return ContentDigest(bytes: Array(digest.prefix(16))).hex
    }
}
