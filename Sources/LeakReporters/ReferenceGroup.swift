import LeakScanCore

/// References collapsed by kind for the default text report: a package with hundreds of `.d.ts → .d.ts.map` comments
/// gets one line, not hundreds. Up to `listedUpTo` of a kind are still listed one by one.
enum ReferenceGroup {
    static let listedUpTo = 3

    static func lines(for references: [Reference]) -> [String] {
        var groups: [String: [Reference]] = [:]
        for reference in references {
            groups[kind(of: reference), default: []].append(reference)
        }
        var lines: [String] = []
        for key in groups.keys.sorted() {
            let members = groups[key] ?? []
            if members.count <= listedUpTo {
                lines += members.map(TextReporter.referenceLine)
            } else {
                let example = members[0]
                lines.append(
                    "  \(Formatting.count(members.count, key, key.replacingReferences)) "
                        + "(e.g. \(Wording.place(example.location)) -> \(Wording.name(example.url)); -v lists them)")
            }
        }
        return lines
    }

    /// `missing declaration-map reference (.d.ts.map)`, `present reference`, `remote reference` …: what the line counts.
    static func kind(of reference: Reference) -> String {
        let declaration =
            reference.url.hasSuffix(".d.ts.map") || reference.url.hasSuffix(".d.mts.map") || reference.url.hasSuffix(".d.cts.map")
        switch reference.status {
        case .missing: return declaration ? "declaration-map reference (.d.ts.map) not shipped" : "reference to a map not shipped"
        case .present:
            return declaration ? "declaration-map reference (.d.ts.map) to a shipped map" : "reference to a shipped map"
        case .remote: return "reference to a remote map"
        }
    }
}

extension String {
    /// The plural of a reference kind: `references` in place of `reference`.
    fileprivate var replacingReferences: String {
        var words = split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if let index = words.firstIndex(of: "reference") { words[index] = "references" }
        return words.joined(separator: " ")
    }
}
