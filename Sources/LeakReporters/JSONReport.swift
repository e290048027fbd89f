public import LeakScanCore

/// The machine-readable report (`--format json`, schema in `Docs/report.schema.json`). Also read back as a baseline
/// and by `leak-scan diff`. Bump `schemaVersion` on any incompatible change.
public struct JSONReport: Codable, Hashable, Sendable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    public var tool: Tool
    public var verdict: Verdict
    public var exitCode: Int32
    public var artifacts: [Artifact]
    /// Over every artifact, de-duplicated across them.
    public var totals: ExposureTotals

    public struct Tool: Codable, Hashable, Sendable {
        public var name: String
        public var version: String
    }

    public struct Artifact: Codable, Hashable, Sendable {
        public var name: String
        public var verdict: Verdict
        public var incomplete: Bool
        public var maps: [Map]
        public var references: [Reference]
        public var notes: [Message]
        public var diagnostics: [Message]
        /// Flags of the limits that stopped part of the scan (`--max-bytes` …).
        public var limitsHit: [String]
        public var totals: ExposureTotals
        public var statistics: ScanStatistics
        /// Every finding, suppressed ones included (with the reason).
        public var findings: [Finding]
    }

    public struct Map: Codable, Hashable, Sendable {
        public var location: Location
        public var kind: MapFinding.Kind
        /// Byte offset of an inline map inside its script (0 for map files).
        public var offset: Int
        public var sources: Int
        public var namesOnly: Int
        public var exposed: ExposureCount
        public var firstParty: ExposureCount
        public var thirdParty: ExposureCount
        public var notes: [String]
        /// For a `nested` map: the `sourcesContent` entries that hold it, outermost first (absent otherwise).
        public var containingEntries: [String]?
    }

    public struct Reference: Codable, Hashable, Sendable {
        public var location: Location
        public var url: String
        public var status: LeakScanCore.Reference.Status
        public var effective: Bool
    }

    public struct Message: Codable, Hashable, Sendable {
        public var location: Location
        public var message: String
    }

    public init(_ scan: ScanAssessment) {
        schemaVersion = Self.currentSchemaVersion
        tool = Tool(name: ToolInfo.name, version: ToolInfo.version)
        verdict = scan.verdict
        exitCode = scan.exitCode
        artifacts = scan.artifacts.map(Self.artifact)
        totals = scan.report.totals
    }

    static func artifact(_ assessment: ArtifactAssessment) -> Artifact {
        let report = assessment.artifact
        return Artifact(
            name: report.name, verdict: assessment.verdict, incomplete: report.isIncomplete,
            maps: report.maps.map(Self.map),
            references: report.references.map {
                Reference(location: $0.location, url: $0.url, status: $0.status, effective: $0.isEffective)
            },
            notes: report.notes.map { Message(location: $0.location, message: $0.message) },
            diagnostics: report.diagnostics.map { Message(location: $0.location, message: $0.message) },
            limitsHit: Array(Set(report.diagnostics.compactMap(\.limit))).sorted(),
            totals: report.totals, statistics: report.statistics, findings: assessment.findings)
    }

    static func map(_ finding: MapFinding) -> Map {
        let totals = finding.totals
        return Map(
            location: finding.location, kind: finding.kind, offset: finding.offset, sources: finding.summary.sourcesCount,
            namesOnly: finding.summary.namesOnly, exposed: totals.raw, firstParty: totals.firstParty,
            thirdParty: totals.thirdParty, notes: finding.summary.notes,
            containingEntries: finding.containingEntries.isEmpty ? nil : finding.containingEntries)
    }
}
