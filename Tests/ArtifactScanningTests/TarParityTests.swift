import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// npm tarballs as node-tar reads them: hand-built divergent tars are scanned, extracted with npm's own node-tar, and
/// what node-tar wrote is counted independently (Python's json). leak-scan reports exactly that, or INCOMPLETE naming
/// the divergence where libarchive and node-tar read the stream differently.
@Suite struct TarParityTests {
    enum Outcome: Sendable, CustomStringConvertible {
        /// leak-scan's unique-by-path counts equal node-tar's, and the scan is complete.
        case exact
        /// The scan is incomplete, with a "tar readers disagree" diagnostic.
        case incomplete
        /// leak-scan reads everything node-tar writes and more (members past node-tar's end), complete.
        case superset

        var description: String {
            switch self {
            case .exact: "exact"
            case .incomplete: "incomplete"
            case .superset: "superset"
            }
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var tar: [UInt8]
        var outcome: Outcome
        var description: String { name }
    }

    static func map(_ name: String, lines: Int = 2) -> String {
        MapText.map(
            sources: ["src/\(name).ts"], contents: [(1...lines).map { "line \($0) of \(name)" }.joined(separator: "\n") + "\n"])
    }

    static var cases: [Case] {
        let a = HandTar.file("package/dist/a.js.map", text: map("a"))
        let b = HandTar.file("package/dist/b.js.map", text: map("b", lines: 5))
        let hiddenInner = HandTar.file("package/dist/hidden.js.map", text: map("hidden", lines: 7))
        return [
            Case(name: "plain", tar: HandTar.file("package/package.json", text: "{}") + a + HandTar.end, outcome: .exact),
            Case(name: "zero block in the middle", tar: a + HandTar.zeroBlock + b + HandTar.end, outcome: .exact),
            Case(name: "members after the end marker", tar: a + HandTar.end + b + HandTar.end, outcome: .superset),
            Case(
                name: "pax global header with a size",
                tar: HandTar.pax([("size", "1024")], global: true) + a + b + HandTar.end, outcome: .incomplete),
            Case(
                name: "link name on a file hides a header in its body",
                tar: HandTar.header("package/dist/cover.txt", size: hiddenInner.count, linkName: "x") + hiddenInner + a
                    + HandTar.end,
                outcome: .incomplete),
            Case(
                name: "pax path and GNU long name disagree",
                tar: HandTar.pax([("path", "package/dist/pax.js.map")]) + HandTar.longName("package/dist/gnu.js.map")
                    + HandTar.file("package/dist/short", text: map("named")) + HandTar.end,
                outcome: .incomplete),
            Case(
                name: "hard link with a body in ustar",
                tar: a
                    + HandTar.header(
                        "package/dist/link.js.map", size: hiddenInner.count, type: "1", linkName: "package/dist/a.js.map")
                    + hiddenInner + b + HandTar.end,
                outcome: .superset),
            Case(
                name: "pax size applied to the long-name header after it",
                tar: HandTar.pax([("size", "1536")]) + HandTar.longName("package/dist/long.js.map") + a + b + HandTar.end,
                outcome: .incomplete),
            // node-tar 6 skips a pax header with a link name ("linkpath forbidden"); 7 applies it (parse.ts, 7.0.0+).
            Case(
                name: "link name on a pax header",
                tar: HandTar.pax([("path", "package/dist/renamed.js.map")], linkName: "x") + a + b + HandTar.end,
                outcome: .incomplete),
            // node-tar 6 drops a zero pax size; 7 keeps it and reads the file's body as headers (pax.ts, 7.0.0+).
            Case(
                name: "pax size of zero over a hidden member",
                tar: HandTar.pax([("size", "0")]) + HandTar.header("package/dist/cover.js", size: hiddenInner.count)
                    + hiddenInner + a + HandTar.end,
                outcome: .incomplete),
            // node-tar 6 and libarchive agree; 7 skips the header (empty path) and writes less: nothing hidden.
            Case(name: "empty pax path", tar: HandTar.pax([("path", "")]) + a + b + HandTar.end, outcome: .exact),
            // Only node-tar 7.5.16+ (header.ts `exForFields = isNormalFS ? ex : undefined`) skips the nameless unknown
            // entry and writes the member hidden in its body under the pax path.
            Case(
                name: "unknown type without a name after a pax path",
                tar: HandTar.pax([("path", "package/dist/cover.bin")]) + HandTar.header("", size: hiddenInner.count, type: "Z")
                    + hiddenInner + a + HandTar.end,
                outcome: .incomplete),
            // A local pax size wins over the global one in node-tar 7 and libarchive; node-tar 6 lets the global win.
            Case(
                name: "pax global and local sizes",
                tar: HandTar.pax([("size", "1024")], global: true) + HandTar.pax([("size", String(a.count - 512))]) + a + b
                    + HandTar.end,
                outcome: .incomplete),
        ]
    }

    @Test(
        .enabled(if: ConsumerCounter.hasNodeTar && ConsumerTool.exists("python3"), "needs node, npm (its node-tar) and python3"),
        arguments: cases)
    func nodeTarParity(_ example: Case) throws {
        let directory = TemporaryDirectory()
        let tgz = directory.write("pkg.tgz", ArchiveBuilder.build(.raw, filter: .gzip, [.file("pkg.tar", example.tar)]))
        let tar = directory.write("pkg.tar", example.tar)
        try ConsumerCounter.extractWithNodeTar(tgz, into: directory.path + "/out")
        let consumer = try ConsumerCounter.count(directory.path + "/out")
        // The same stream gzipped (an npm tarball) and plain, top level.
        for report in [ArtifactScanner().scan(.path(tgz)), ArtifactScanner().scan(.path(tar))] {
            try Self.check(report, example, consumer: consumer)
        }
    }

    static func check(_ report: ArtifactReport, _ example: Case, consumer: ConsumerCounter.Count) throws {
        let scanned = ConsumerCounter.Count(files: report.totals.uniqueByPath.files, lines: report.totals.uniqueByPath.lines)
        let disagreements = report.diagnostics.filter { $0.message.hasPrefix("tar readers disagree: ") }
        switch example.outcome {
        case .exact:
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
            #expect(scanned == consumer)
        case .superset:
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
            #expect(
                scanned.files > consumer.files && scanned.lines > consumer.lines, "leak-scan \(scanned), node-tar \(consumer)")
        case .incomplete:
            #expect(report.isIncomplete)
            #expect(disagreements.count == 1, "\(report.diagnostics)")
        }
    }
}
