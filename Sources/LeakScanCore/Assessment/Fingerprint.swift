/// Fingerprints of findings: 128 bits from two XXH64 lanes (different seeds) over the rule id and the location inside
/// the artifact, so `pkg-1.0.tgz!package/cli.js.map` and `pkg-1.1.tgz!package/cli.js.map` match across releases.
/// An inline map is named by its ordinal in the member ("inline #2"), never by its byte offset, which moves whenever
/// code before it changes; a nested map by the `sourcesContent` entries that hold it. A fingerprint names a finding for allowlists and baselines; it is not a security boundary (whoever can craft a
/// collision can edit the policy file), so a fast non-cryptographic hash serves and keeps BoringSSL out of the build.
enum Fingerprint {
    /// A secret adds its rule, its source path and a hash of the secret (never its line: lines move between releases).
    static func of(
        rule: Rule, location: Location, inlineOrdinal: Int? = nil, containingEntries: [String] = [],
        secret: Finding.SecretFinding? = nil
    ) -> String {
        let inline = inlineOrdinal.map { ["inline #\($0)"] } ?? []
        let nested = containingEntries.map { "entry \($0)" }
        let secretParts =
            secret.map { secret -> [String] in
                var hasher = XXH64(seed: 0)
                Array(secret.secret.utf8).withUnsafeBytes { hasher.update($0) }
                return ["secret \(secret.ruleID)", "source \(secret.sourcePath)", "hash \(hasher.finalize())"]
            } ?? []
        let parts = [rule.rawValue] + location.chain.dropFirst() + inline + nested + secretParts
        let key = Array(parts.joined(separator: "\u{0}").utf8)
        var low = XXH64(seed: 0)
        var high = XXH64(seed: 0x6C65_616B_2D73_6361)
        key.withUnsafeBytes {
            low.update($0)
            high.update($0)
        }
        return ContentDigest(hash: high.finalize(), escapedLength: low.finalize()).hex
    }
}
