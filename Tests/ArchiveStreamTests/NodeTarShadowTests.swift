import ArchiveStream
import Foundation
import TestSupport
import Testing

/// The files each node-tar rule set writes from hand-built tars where node-tar 6 (npm 10) and node-tar 7 (npm 11) part:
/// the shadow is fed whole, byte by byte and split at every offset; node-tar 6's reading is checked against npm's own
/// node-tar, node-tar 7's against its parser transpiled from TypeScript (Tests/Fixtures/node-tar-7; npm 11 cannot be
/// installed offline) and the source lines named in each case.
@Suite struct NodeTarShadowTests {
    /// What one rule set reads: the files it writes (path, size), or that its reading cannot be followed.
    enum Reading: Equatable, CustomStringConvertible {
        case files([ConsumerCounter.NodeTarFile])
        case unpredictable

        var description: String {
            switch self {
            case .files(let files): "\(files)"
            case .unpredictable: "unpredictable"
            }
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var tar: [UInt8]
        /// node-tar 6, node-tar 7.0–7.5.15, node-tar 7.5.18+.
        var expected: [Reading]
        var description: String { name }
    }

    static let rules: [NodeTarRules] = [.nodeTar6, .nodeTar7Early, .nodeTar7]

    static func map(_ name: String, lines: Int = 2) -> [UInt8] {
        Array(
            MapText.map(
                sources: ["src/\(name).ts"],
                contents: [(1...lines).map { "line \($0) of \(name)" }.joined(separator: "\n") + "\n"]
            ).utf8)
    }

    static func file(_ path: String, _ size: Int) -> ConsumerCounter.NodeTarFile {
        ConsumerCounter.NodeTarFile(path: path, size: Int64(size))
    }

    static var cases: [Case] {
        let aMap = map("a")
        let a = HandTar.file("package/dist/a.js.map", aMap)
        let hiddenMap = map("hidden", lines: 7)
        let hidden = HandTar.file("package/dist/hidden.js.map", hiddenMap)
        let fileA = file("package/dist/a.js.map", aMap.count)
        let all: Reading = .files([fileA])
        return [
            Case(name: "plain ustar", tar: a + HandTar.end, expected: [all, all, all]),
            // parse.ts (7.0.0+) `!/^(Global)?ExtendedHeader$/.test(type) && header.linkpath`: 7 applies the pax header;
            // 6 warns "linkpath forbidden", skips it and reads its body as a (bad) header.
            Case(
                name: "link name on a pax header",
                tar: HandTar.pax([("path", "package/dist/renamed.js.map")], linkName: "x") + a + HandTar.end,
                expected: [
                    all, .files([file("package/dist/renamed.js.map", aMap.count)]),
                    .files([file("package/dist/renamed.js.map", aMap.count)]),
                ]),
            // pax.ts (7.0.0+) `this.size = obj.size` keeps a zero size (6: `obj.size || null` drops it), header.ts slurps
            // it: the file is empty and its body is read as headers, which shows the member hidden there.
            Case(
                name: "pax size of zero",
                tar: HandTar.pax([("size", "0")]) + HandTar.header("package/dist/cover.js", size: hidden.count) + hidden
                    + a + HandTar.end,
                expected: [
                    .files([file("package/dist/cover.js", hidden.count), fileA]),
                    .files([file("package/dist/cover.js", 0), file("package/dist/hidden.js.map", hiddenMap.count), fileA]),
                    .files([file("package/dist/cover.js", 0), file("package/dist/hidden.js.map", hiddenMap.count), fileA]),
                ]),
            // 7 keeps an empty path (`this.path = obj.path`), parse.ts then warns "path is required" and skips the header.
            Case(
                name: "empty pax path", tar: HandTar.pax([("path", "")]) + a + HandTar.end,
                expected: [all, .files([]), .files([])]),
            // Before 7.5.18 (pax.ts `/^[0-9]+$/.test(v) ? +v`) the path is a number and `this.path.slice(-1)` throws in
            // `new Header`: the header is skipped. 7.5.18+ keeps it a string (`case 'path': set[k] = v`).
            Case(
                name: "all-digit pax path", tar: HandTar.pax([("path", "12345")]) + a + HandTar.end,
                expected: [.files([]), .files([]), .files([file("12345", aMap.count)])]),
            // pax.ts (7.5.17+) `kv.join('=').replace(/\0.*/, '')`.
            Case(
                name: "NUL in a pax path",
                tar: HandTar.pax([("path", "package/dist/real.js.map\u{0}.txt")]) + a + HandTar.end,
                expected: [
                    .files([file("package/dist/real.js.map\u{0}.txt", aMap.count)]),
                    .files([file("package/dist/real.js.map\u{0}.txt", aMap.count)]),
                    .files([file("package/dist/real.js.map", aMap.count)]),
                ]),
            // header.ts (7.5.16+) `exForFields = isNormalFS ? ex : undefined`: an unknown type with an empty name keeps no
            // path, parse.ts skips it ("path is required") without clearing the pending pax path, and reads its body:
            // the member hidden there gets the pax path. 6 and early 7 name the unknown entry, ignore it and skip its
            // body.
            Case(
                name: "unknown type without a name after a pax path",
                tar: HandTar.pax([("path", "package/dist/cover.bin")]) + HandTar.header("", size: hidden.count, type: "Z")
                    + hidden + a + HandTar.end,
                expected: [all, all, .files([file("package/dist/cover.bin", hiddenMap.count), fileA])]),
            // header.ts (7.5.16+): the pending pax size is not applied to the long-name header (6 and early 7 apply it,
            // reading 1,536 bytes as the name), then applies to the file.
            Case(
                name: "pax size before a long name",
                tar: HandTar.pax([("size", "1536")]) + HandTar.longName("package/dist/long.js.map") + a + HandTar.end,
                expected: [.files([]), .files([]), .files([file("package/dist/long.js.map", 1536)])]),
            // header.ts (7.0.0+) "Apply global before local, so it overrides": the file's own pax size wins over the
            // global one; 6 slurps the global header last. (7.5.16+ does not apply either to the pax header itself.)
            Case(
                name: "pax global and local sizes",
                tar: HandTar.pax([("size", "512")], global: true) + HandTar.pax([("size", String(aMap.count))]) + a
                    + HandTar.end,
                expected: [
                    .files([file("package/dist/a.js.map", 512)]),
                    .files([fileA]),
                    .files([fileA]),
                ]),
            // header.ts (7.5.18+) `notNegative(...)`: a negative size reads as none.
            Case(
                name: "negative base-256 size",
                tar: HandTar.withSizeField(
                    HandTar.header("package/dist/neg.js", size: 0), [0xFF] + [UInt8](repeating: 0xFF, count: 9) + [0xFE, 0x00])
                    + a + HandTar.end,
                expected: [.unpredictable, .unpredictable, .files([file("package/dist/neg.js", 0), fileA])]),
        ]
    }

    /// Each rule set's reading after feeding `chunks`.
    static func readings(_ chunks: [ArraySlice<UInt8>]) -> [Reading] {
        let shadow = NodeTarShadow()
        for chunk in chunks { chunk.withUnsafeBytes { shadow.consume($0) } }
        return rules.map { rule in
            let reader = rule == .nodeTar6 ? shadow : shadow.followers.first { $0.rules == rule } ?? shadow
            if reader.unpredictable != nil { return .unpredictable }
            return .files(reader.unmatchedFiles.map { ConsumerCounter.NodeTarFile(path: $0.path, size: $0.size) })
        }
    }

    @Test(arguments: cases)
    func eachRuleSetWritesTheFilesItsSourceSays(_ example: Case) {
        #expect(Self.readings([example.tar[...]]) == example.expected)
        #expect(SplitFeeder.firstMismatch(of: example.tar, run: Self.readings) == nil)
    }

    @Test(
        .enabled(if: ConsumerCounter.hasNodeTar, "needs node and npm (its node-tar 6)"),
        arguments: cases.filter { $0.expected[0] != .unpredictable })
    func nodeTar6ReadingMatchesNpmsNodeTar(_ example: Case) throws {
        let directory = TemporaryDirectory()
        let tar = directory.write("pkg.tar", example.tar)
        #expect(try Reading.files(ConsumerCounter.listFilesWithNodeTar(tar)) == example.expected[0])
    }

    /// node-tar 7.5.15 (the early rules) and 7.5.21 (the current ones), transpiled from their TypeScript and run.
    @Test(.enabled(if: ConsumerCounter.hasNodeTar, "needs node and npm (minipass, minizlib)"), arguments: cases)
    func nodeTar7ReadingMatchesTranspiledNodeTar7(_ example: Case) throws {
        let directory = TemporaryDirectory()
        let tar = directory.write("pkg.tar", example.tar)
        for (index, version) in [(1, "v7.5.15"), (2, "v7.5.21")] where example.expected[index] != .unpredictable {
            #expect(
                try Reading.files(ConsumerCounter.listFilesWithNodeTar7(tar, version: version)) == example.expected[index],
                "\(version)")
        }
    }

    @Test func followersStartOnlyAtAMetadataHeader() {
        let plain = HandTar.file("package/a.js", Array("x".utf8)) + HandTar.end
        let shadow = NodeTarShadow()
        plain.withUnsafeBytes { shadow.consume($0) }
        #expect(shadow.followers.isEmpty)
        let withPax =
            HandTar.file("package/a.js", Array("x".utf8)) + HandTar.pax([("path", "package/b.js")])
            + HandTar.file("package/c.js", Array("y".utf8)) + HandTar.end
        let forked = NodeTarShadow()
        withPax.withUnsafeBytes { forked.consume($0) }
        #expect(forked.followers.map(\.rules) == [.nodeTar7Early, .nodeTar7])
        for reader in [forked] + forked.followers {
            #expect(reader.unmatchedFiles.map(\.path) == ["package/a.js", "package/b.js"])
            #expect(reader.unmatchedFiles.map(\.dataOffset) == [512, 5 * 512])
        }
    }
}
