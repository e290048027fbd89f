import LeakScanCore

/// What changed between two releases' findings, matched by fingerprint: new, gone and grown exposure.
package struct ReleaseDiff: Sendable {
    package struct Change: Sendable, Hashable {
        package var finding: JSONReport.Finding
        /// Files and lines added (new, grown) or removed (gone).
        package var files: Int
        package var lines: Int
    }

    package let oldName: String
    package let newName: String
    package private(set) var new: [Change] = []
    package private(set) var gone: [Change] = []
    package private(set) var grown: [Change] = []
    /// Names of the sides that could not be fully read: no comparison of them can claim "no change".
    package let incompleteSides: [String]

    package init(old: JSONReport, new: JSONReport, oldName: String, newName: String) {
        self.oldName = oldName
        self.newName = newName
        incompleteSides = [(old, oldName), (new, newName)].filter { $0.0.artifacts.contains(where: \.incomplete) }.map(\.1)
        let before = Dictionary(Self.exposures(old).map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(Self.exposures(new).map { ($0.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
        for (key, finding) in after.sorted(by: { $0.value.location < $1.value.location }) {
            let now = finding.exposed ?? ExposureCount()
            guard let earlier = before[key] else {
                self.new.append(Change(finding: finding, files: now.files, lines: now.lines))
                continue
            }
            let then = earlier.exposed ?? ExposureCount()
            if now.lines > then.lines || now.files > then.files {
                grown.append(Change(finding: finding, files: now.files - then.files, lines: now.lines - then.lines))
            }
        }
        for (key, finding) in before.sorted(by: { $0.value.location < $1.value.location }) where after[key] == nil {
            let then = finding.exposed ?? ExposureCount()
            gone.append(Change(finding: finding, files: then.files, lines: then.lines))
        }
    }

    /// Findings about exposure (maps and references), not scan problems.
    static func exposures(_ report: JSONReport) -> [JSONReport.Finding] {
        report.artifacts.flatMap(\.findings).filter { $0.rule != .scanIncomplete }
    }

    /// New or grown exposure that fails under the policy the new report was made with.
    package var introducesFailure: Bool {
        (new + grown).contains { $0.finding.isActive && $0.finding.level == .error }
    }

    package func render() -> String {
        var lines: [String] = []
        for change in new {
            lines.append("new in \(newName): \(describe(change, sign: "+"))")
        }
        for change in grown {
            lines.append("grown in \(newName): \(describe(change, sign: "+"))")
        }
        for change in gone {
            lines.append("gone since \(oldName): \(describe(change, sign: "-"))")
        }
        for side in incompleteSides {
            lines.append("incomplete: \(side) could not be fully read; the comparison cannot claim what is missing")
        }
        if lines.isEmpty { lines.append("no change in exposure between \(oldName) and \(newName)") }
        return lines.joined(separator: "\n") + "\n"
    }

    func describe(_ change: Change, sign: String) -> String {
        let inline = change.finding.inlineOrdinal.map { " (inline #\($0))" } ?? ""
        let inside = Formatting.quoted(change.finding.location.chain.dropFirst().joined(separator: "!")) + inline
        guard change.finding.exposed != nil else { return "\(inside) [\(change.finding.rule.rawValue)]" }
        return "\(inside), \(sign)\(Formatting.count(change.files, "file")) / \(sign)\(Formatting.count(change.lines, "line"))"
            + " [\(change.finding.rule.rawValue)]"
    }
}
