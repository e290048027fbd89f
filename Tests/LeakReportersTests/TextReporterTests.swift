import LeakReporters
import LeakScanCore
import TestSupport
import Testing

@Suite struct TextReporterTests {
    static func finding(_ member: String, _ sources: [(String, Int)]) -> MapFinding {
        let exposed = sources.enumerated().map { index, source in
            ExposedSource(
                path: source.0,
                stats: ContentStats(lines: source.1, bytes: source.1 * 10, digest: ContentDigest(bytes: [UInt8(index)])))
        }
        return MapFinding(
            location: Location(["pkg.tgz", member]), kind: .file,
            summary: SourceMapSummary(sourcesCount: sources.count, exposed: exposed))
    }

    /// Digits are grouped in threes at every length (each map line and the totals group several numbers).
    @Test func numbersAreGroupedInThreesAtEveryLength() {
        for (lines, written) in [
            (0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (12_345, "12,345"), (999_999, "999,999"),
            (1_000_000, "1,000,000"), (1_234_567_890, "1,234,567,890"),
        ] {
            let artifact = ArtifactReport(
                name: "pkg.tgz", origin: .file(path: "pkg.tgz"), maps: [Self.finding("a.js.map", [("src/a.ts", lines)])],
                references: [], notes: [], diagnostics: [], statistics: ScanStatistics())
            let text = TextReporter.render(ScanAssessment(ScanReport(artifacts: [artifact])))
            #expect(text.contains("1 file / \(written) line"), "\(lines)")
            #expect(text.contains("(first-party 1 / \(written))"), "\(lines)")
        }
    }

    @Test func headlineUsesGroupedNumbersAndThePathDeduplicatedCounts() {
        let artifact = ArtifactReport(
            name: "pkg.tgz", origin: .file(path: "pkg.tgz"),
            maps: [
                Self.finding("b.js.map", [("src/a.ts", 1200), ("node_modules/x/y.js", 3)]),
                Self.finding("a.js.map", [("src/a.ts", 1000)]),
            ],
            references: [], notes: [], diagnostics: [], statistics: ScanStatistics())
        let text = TextReporter.render(ScanAssessment(ScanReport(artifacts: [artifact])))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(
            lines[0]
                == "LEAK        pkg.tgz  2 source maps expose 2 files / 1,203 lines of original source (first-party: 1 file / 1,200 lines)"
        )
        #expect(lines[1].hasPrefix("  map file   pkg.tgz!a.js.map  1 file / 1,000 lines"))
        #expect(
            lines.last
                == "  totals: 2 maps (2 with content); raw 3 files / 2,203 lines / 21.5 KiB; unique by path 2 / 1,203; unique by content 2 / 1,203; first-party 1 / 1,200; third-party 1 / 3"
        )
    }

    /// One map's nested maps collapse into one counted line past three (a note keeps its map's own line); `-v` and a
    /// holder with three or fewer list them one by one.
    @Test func nestedMapsOfOneMapCollapseIntoOneLine() {
        func nested(_ holder: String, _ entry: String, lines: Int, notes: [MapNote] = []) -> MapFinding {
            var summary = SourceMapSummary(
                sourcesCount: 1,
                exposed: [
                    ExposedSource(
                        path: entry, stats: ContentStats(lines: lines, bytes: lines, digest: ContentDigest(bytes: [UInt8(lines)]))
                    )
                ])
            summary.notes = notes
            var map = MapFinding(location: Location(["pkg.tgz", holder]), kind: .nested, summary: summary)
            map.containingEntries = [entry]
            return map
        }
        let many = (1...5).map { nested("cli.js.map", "src/c\($0).tsx", lines: $0) }
        let noted = nested("cli.js.map", "src/noted.tsx", lines: 7, notes: [.truncated(byteOffset: 9, insideContent: true)])
        let few = (1...3).map { nested("other.js.map", "lib/o\($0).ts", lines: 10) }
        let artifact = ArtifactReport(
            name: "pkg.tgz", origin: .file(path: "pkg.tgz"), maps: many + [noted] + few, references: [], notes: [],
            diagnostics: [], statistics: ScanStatistics())
        let lines = TextReporter.render(ScanAssessment(ScanReport(artifacts: [artifact]))).split(separator: "\n")
        let nestedLines = lines.filter { $0.hasPrefix("  map nested ") }
        #expect(
            nestedLines.first
                == "  map nested pkg.tgz!cli.js.map → 5 entries (inline)  5 files / 15 lines (first-party 5 / 15) (e.g. → src/c1.tsx; -v lists them)"
        )
        #expect(nestedLines.count == 1 + 1 + 3)
        #expect(nestedLines.contains { $0.contains("→ src/noted.tsx (inline)  1 file / 7 lines") })
        #expect(nestedLines.filter { $0.contains("other.js.map → lib/o") }.count == 3)
        let verbose = TextReporter.render(
            ScanAssessment(ScanReport(artifacts: [artifact])), options: RenderOptions(verbose: true))
        #expect(verbose.split(separator: "\n").filter { $0.hasPrefix("  map nested ") }.count == 9)
    }

    @Test func incompleteArtifactSaysSoAndNamesTheFlag() {
        let artifact = ArtifactReport(
            name: "x.zip", origin: .file(path: "x.zip"), maps: [], references: [], notes: [],
            diagnostics: [Diagnostic(location: Location(["x.zip", "a.zip"]), problem: .limitCrossed(.nestingDepth(3)))],
            statistics: ScanStatistics())
        let text = TextReporter.render(ScanAssessment(ScanReport(artifacts: [artifact])))
        #expect(
            text == """
                INCOMPLETE  x.zip  scan incomplete (1 problem): no leak in what was read, but a clean result cannot be claimed
                  incomplete x.zip!a.zip: nested archive not opened: deeper than 3 levels (raise with --max-depth)

                """)
    }
}
