import Foundation
import TestSupport
import Testing

/// `--format json` names each artifact's container format, size and SHA-256, taken from the bytes as the scan read
/// them: checked against `sha256sum` and the file size for every way an artifact's bytes come in.
@Suite(.enabled(if: ConsumerTool.exists("sha256sum"), "needs sha256sum"))
struct ArtifactIdentityTests {
    static let map = MapText.map(sources: ["src/a.ts"], contents: ["one\ntwo\n"])

    struct Identity: Decodable, Equatable {
        var name: String
        var format: String?
        var size: Int64?
        var sha256: String?
    }

    struct Report: Decodable {
        var artifacts: [Identity]
    }

    static func identities(_ arguments: [String], stdin: Data? = nil, in directory: String) throws -> [Identity] {
        let result = try CLIRunner.run(["--format", "json"] + arguments, stdin: stdin, in: directory)
        return try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)).artifacts
    }

    static func sha256sum(_ path: String, in directory: String) throws -> String {
        String(try ConsumerTool.run("sha256sum", [path], in: directory).stdout.prefix(64))
    }

    static func expected(_ name: String, format: String, in directory: TemporaryDirectory) throws -> Identity {
        let size = try FileManager.default.attributesOfItem(atPath: directory.path + "/" + name)[.size] as? Int ?? -1
        return Identity(name: name, format: format, size: Int64(size), sha256: try sha256sum(name, in: directory.path))
    }

    @Test func everyContainerKindNamesItsFormatSizeAndDigest() throws {
        let directory = TemporaryDirectory()
        let members: [ArchiveBuilder.Member] = [
            .text("package/dist/a.js", "a()\n//# sourceMappingURL=a.js.map\n"), .text("package/dist/a.js.map", Self.map),
        ]
        // Noise makes the compressed files span several read blocks of 128 KiB and 1 MiB.
        var random = SeededGenerator(seed: 17)
        let noise = (0..<(3 << 18)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let artifacts: [(name: String, bytes: [UInt8], format: String)] = [
            ("p.tgz", ArchiveBuilder.build(.tar, filter: .gzip, members + [.file("package/noise.bin", noise)]), "tar.gzip"),
            ("p.tar", ArchiveBuilder.build(.tar, members), "tar"),
            ("p.tar.xz", ArchiveBuilder.build(.tar, filter: .xz, members), "tar.xz"),
            ("p.whl", ArchiveBuilder.build(.zip, members + [.file("package/noise.bin", noise)]), "zip"),
            ("p.deb", ArchiveBuilder.debianPackage(data: members), "ar"),
            ("app.asar", AsarBuilder.build([.file("dist/a.js.map", Array(Self.map.utf8))]), "asar"),
            ("a.js.map", Array(Self.map.utf8), "file"),
            ("a.js.map.bz2", ArchiveBuilder.build(.raw, filter: .bzip2, [.text("a.js.map", Self.map)]), "bzip2"),
        ]
        for artifact in artifacts { _ = directory.write(artifact.name, artifact.bytes) }
        let actual = try Self.identities(artifacts.map(\.name), in: directory.path)
        let expected = try artifacts.map { try Self.expected($0.name, format: $0.format, in: directory) }
        #expect(actual == expected)
        // One artifact alone has its gzip inflated ahead on a second thread, where its bytes are hashed.
        #expect(try Self.identities(["p.tgz"], in: directory.path) == [expected[0]])
    }

    @Test func standardInputFromAPipeAndFromAFile() throws {
        let directory = TemporaryDirectory()
        let zip = ArchiveBuilder.build(.zip, [.text("dist/a.js.map", Self.map)])
        let tgz = ArchiveBuilder.build(.tar, filter: .gzip, [.text("package/dist/a.js.map", Self.map)])
        _ = directory.write("p.zip", zip)
        _ = directory.write("p.tgz", tgz)
        for (name, format) in [("p.zip", "zip"), ("p.tgz", "tar.gzip")] {
            var expected = try Self.expected(name, format: format, in: directory)
            expected.name = "<stdin>"
            let bytes = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/" + name))
            #expect(try Self.identities(["-"], stdin: bytes, in: directory.path) == [expected], "\(name) on a pipe")
            let redirected = try ConsumerTool.shell(
                "'\(CLIRunner.binary)' --format json - < \(name)", in: directory.path)
            let fromFile = try JSONDecoder().decode(Report.self, from: Data(redirected.stdout.utf8)).artifacts
            #expect(fromFile == [expected], "\(name) redirected from a file")
        }
    }

    /// A pipe that crossed a limit is not read on (it might never end): its size and digest are unknown. The input fits
    /// in the pipe's buffer, so the test's write completes although leak-scan stops reading.
    @Test func pipeStoppedAtALimitHasNoDigest() throws {
        let directory = TemporaryDirectory()
        let tar = ArchiveBuilder.build(
            .tar, (0..<3).map { .file("package/\($0).bin", [UInt8](repeating: 7, count: 8 << 10)) })
        let result = try CLIRunner.run(["--format", "json", "--max-entries", "1", "-"], stdin: Data(tar), in: directory.path)
        #expect(result.status == 2)
        let artifacts = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)).artifacts
        #expect(artifacts == [Identity(name: "<stdin>", format: "tar", size: nil, sha256: nil)])
    }

    @Test func bytesAfterTheArchiveAndAFolderAndAMissingFile() throws {
        let directory = TemporaryDirectory()
        // Bytes past the gzip member's end are not read by the scan: the digest still covers the whole file.
        let tgz = ArchiveBuilder.build(.tar, filter: .gzip, [.text("package/dist/a.js.map", Self.map)])
        _ = directory.write("trailing.tgz", tgz + [UInt8](repeating: 0, count: 4_096))
        _ = directory.write("folder/dist/a.js.map", Array(Self.map.utf8))
        let actual = try Self.identities(["trailing.tgz", "folder", "missing.tgz"], in: directory.path)
        #expect(
            actual == [
                try Self.expected("trailing.tgz", format: "tar.gzip", in: directory),
                Identity(name: "folder", format: "directory", size: nil, sha256: nil),
                Identity(name: "missing.tgz", format: nil, size: nil, sha256: nil),
            ])
    }
}
