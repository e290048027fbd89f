package import LeakScanCore

/// The machine-readable report (`--format json`, schema in `Docs/report.schema.json`). Also read back as a baseline
/// and by `leak-scan diff`. Bump `schemaVersion` on any incompatible change.
package struct JSONReport: Codable, Hashable, Sendable {
    package static let currentSchemaVersion = 1

    package var schemaVersion: Int
    package var tool: Tool
    package var verdict: Verdict
    package var exitCode: Int32
    package var artifacts: [Artifact]
    /// Over every artifact, de-duplicated across them.
    package var totals: ExposureTotals

    package struct Tool: Codable, Hashable, Sendable {
        package var name: String
        package var version: String
    }

    package struct Artifact: Codable, Hashable, Sendable {
        package var name: String
        /// The detected container format (`tar.gzip`, `zip`, `asar`, `directory`, `file`); absent when unopenable.
        /// Optional, as are `size` and `sha256`, so that reports written before they existed still read as baselines.
        package var format: String?
        /// Bytes of the artifact as read; absent for a folder or an unreadable input.
        package var size: Int64?
        /// SHA-256 of those bytes (`sha256sum`'s hex); absent when not every byte could be read.
        package var sha256: String?
        package var verdict: Verdict
        package var incomplete: Bool
        package var maps: [Map]
        package var references: [Reference]
        package var notes: [Message]
        package var diagnostics: [Message]
        /// Flags of the limits that stopped part of the scan (`--max-bytes` …).
        package var limitsHit: [String]
        package var totals: ExposureTotals
        /// First-party exposure by directory (two levels), largest first: where the leak is. Optional only so that
        /// reports written before it existed still read as baselines.
        package var directories: [DirectoryExposure]?
        package var statistics: ScanStatistics
        /// Every finding, suppressed ones included (with the reason).
        package var findings: [Finding]
        /// With `--list-sources` only: the exposed sources, at most `--max-listed-sources` of them.
        package var sources: [SourceListing.Entry]?
        /// With `--list-sources` only: exposed sources beyond the cap.
        package var sourcesNotListed: Int?
    }

    package struct Map: Codable, Hashable, Sendable {
        package var location: Location
        package var kind: MapFinding.Kind
        /// Byte offset of an inline map inside its script (0 for map files).
        package var offset: Int
        package var sources: Int
        package var namesOnly: Int
        package var exposed: ExposureCount
        package var firstParty: ExposureCount
        package var thirdParty: ExposureCount
        package var notes: [String]
        /// For a `nested` map: the `sourcesContent` entries that hold it, outermost first (absent otherwise).
        package var containingEntries: [String]?
    }

    package struct Reference: Codable, Hashable, Sendable {
        package var location: Location
        package var url: String
        package var status: LeakScanCore.Reference.Status
        package var effective: Bool
    }

    package struct Message: Codable, Hashable, Sendable {
        package var location: Location
        package var message: String
    }

    /// A finding as JSON carries it: its values plus the worded message (read back by baselines and `diff`).
    package struct Finding: Codable, Hashable, Sendable {
        package var rule: Rule
        package var level: Rule.Level
        package var location: Location
        package var message: String
        package var exposed: ExposureCount?
        package var firstParty: ExposureCount?
        package var inlineOrdinal: Int?
        package var fingerprint: String
        package var suppression: String?
        /// For a secret or sensitive-term finding: where it is in the original source and a redacted excerpt.
        package var secret: Secret?

        package var isActive: Bool { suppression == nil }

        init(_ finding: LeakScanCore.Finding, showSecrets: Bool) {
            rule = finding.rule
            level = finding.level
            location = finding.location
            message = Wording.message(finding, showSecrets: showSecrets)
            secret = finding.secret.map {
                Secret(
                    rule: $0.ruleID, source: $0.sourcePath, line: $0.line, column: $0.column,
                    excerpt: Wording.excerpt($0, rule: finding.rule, show: showSecrets),
                    containingEntries: finding.containingEntries.isEmpty ? nil : finding.containingEntries)
            }
            exposed = finding.exposed
            firstParty = finding.firstParty
            inlineOrdinal = finding.inlineOrdinal
            fingerprint = finding.fingerprint
            suppression = finding.suppression.map(Wording.suppression)
        }
    }

    /// A secret as JSON carries it: the secret rule, the original source's path, its 1-based line and 1-based column
    /// in UTF-16 code units, and the excerpt (redacted unless `--show-secrets`).
    package struct Secret: Codable, Hashable, Sendable {
        package var rule: String
        package var source: String
        package var line: Int
        package var column: Int
        package var excerpt: String
        package var containingEntries: [String]?
    }

    /// The exposure this report accepted, for `--baseline`.
    package var baseline: Baseline {
        Baseline(exposure: artifacts.flatMap(\.findings).map { ($0.fingerprint, $0.exposed?.lines ?? 0) })
    }

    /// `listedSources`: list exposed sources, at most this many per artifact (`--list-sources`); nil lists none.
    package init(_ scan: ScanAssessment, showSecrets: Bool = false, listedSources: Int? = nil) {
        schemaVersion = Self.currentSchemaVersion
        tool = Tool(name: ToolInfo.name, version: ToolInfo.version)
        verdict = scan.verdict
        exitCode = scan.exitCode
        artifacts = scan.artifacts.map { assessment in
            var artifact = Self.artifact(assessment, showSecrets: showSecrets)
            if let listedSources {
                let listing = SourceListing(assessment.artifact, limit: listedSources)
                artifact.sources = listing.entries
                artifact.sourcesNotListed = listing.notListed
            }
            return artifact
        }
        totals = scan.report.totals
    }

    static func artifact(_ assessment: ArtifactAssessment, showSecrets: Bool) -> Artifact {
        let report = assessment.artifact
        return Artifact(
            name: report.name, format: report.input.format, size: report.input.size, sha256: report.input.sha256,
            verdict: assessment.verdict, incomplete: report.isIncomplete,
            maps: report.maps.map(Self.map),
            references: report.references.map {
                Reference(location: $0.location, url: $0.url, status: $0.status, effective: $0.isEffective)
            },
            notes: report.notes.map { Message(location: $0.location, message: Wording.note($0.kind)) },
            diagnostics: report.diagnostics.map { Message(location: $0.location, message: Wording.problem($0.problem)) },
            limitsHit: Array(Set(report.diagnostics.compactMap(\.limit?.flag))).sorted(),
            totals: report.totals, directories: report.directories, statistics: report.statistics,
            findings: assessment.findings.map { Finding($0, showSecrets: showSecrets) })
    }

    static func map(_ finding: MapFinding) -> Map {
        let totals = finding.totals
        return Map(
            location: finding.location, kind: finding.kind, offset: finding.location.byteOffset ?? 0,
            sources: finding.summary.sourcesCount,
            namesOnly: finding.summary.namesOnly, exposed: totals.raw, firstParty: totals.firstParty,
            thirdParty: totals.thirdParty, notes: finding.summary.notes.map(Wording.mapNote),
            containingEntries: finding.containingEntries.isEmpty ? nil : finding.containingEntries)
    }
}
