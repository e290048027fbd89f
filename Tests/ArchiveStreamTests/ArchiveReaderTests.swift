import Foundation
import ArchiveStream
import TestSupport
import Testing

@Suite struct ArchiveReaderTests {
    /// Reads every member of an archive file: (path, kind, bytes read), or the error that stopped it.
    static func readAll(_ path: String) throws(ArchiveError) -> [(String, ArchiveEntryInfo.Kind, Int)] {
        let reader = try ArchiveReader.open(path: path)
        var members: [(String, ArchiveEntryInfo.Kind, Int)] = []
        while let info = try reader.nextEntry() {
            var total = 0
            while true {
                let block = try reader.readBlock()
                if block.isEmpty { break }
                total += block.count
            }
            members.append((info.path, info.kind, total))
        }
        return members
    }

    static let members: [ArchiveBuilder.Member] = [
        .directory("package/"), .text("package/a.js", "hello"), .symlink("package/link", target: "a.js"),
    ]

    @Test(arguments: [
        (ArchiveBuilder.Format.tar, ArchiveBuilder.Filter.gzip), (.tar, .xz), (.tar, .bzip2), (.tar, .none), (.zip, .none),
    ])
    func readsMembersOfEveryFormat(format: ArchiveBuilder.Format, filter: ArchiveBuilder.Filter) throws {
        let directory = TemporaryDirectory()
        let path = directory.write("artifact", ArchiveBuilder.build(format, filter: filter, Self.members))
        let read = try Self.readAll(path)
        #expect(read.map(\.0) == ["package/", "package/a.js", "package/link"])
        #expect(read.map(\.1) == [.directory, .regular, .symlink])
        #expect(read.map(\.2) == [0, 5, 0])
    }

    @Test func emptyArchiveHasNoMembers() throws {
        let directory = TemporaryDirectory()
        #expect(try Self.readAll(directory.write("empty.tgz", ArchiveBuilder.build(.tar, filter: .gzip, []))).isEmpty)
        #expect(try Self.readAll(directory.write("empty-file", [])).isEmpty)
    }

    @Test func nonArchiveFileReadsAsOneRawMember() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("plain.js", Array("console.log(1)\n".utf8))
        let reader = try ArchiveReader.open(path: path)
        let info = try #require(try reader.nextEntry())
        #expect(reader.isRawStream)
        #expect(info.kind == .regular)
        #expect(try reader.readBlock().count == 15)
    }

    @Test func truncatedGzipIsAnErrorWithLibarchivesMessage() throws {
        let directory = TemporaryDirectory()
        let content = SeededGenerator.noise(count: 300_000, seed: 7)
        let full = ArchiveBuilder.build(.tar, filter: .gzip, [.file("package/big.bin", content)])
        let path = directory.write("cut.tgz", Array(full.prefix(200_000)))
        #expect {
            _ = try Self.readAll(path)
        } throws: { error in
            (error as? ArchiveError)?.code == .fatal && (error as? ArchiveError)?.message.contains("runcated") == true
        }
    }

    @Test func nestedArchiveStreamsFromItsOuterMember() throws {
        let inner = ArchiveBuilder.build(.zip, [.text("inner/x.txt", "nested!")])
        let directory = TemporaryDirectory()
        let path = directory.write("outer.tgz", ArchiveBuilder.build(.tar, filter: .gzip, [.file("pkg/inner.zip", inner)]))
        let outer = try ArchiveReader.open(path: path)
        #expect(try outer.nextEntry()?.path == "pkg/inner.zip")
        var pulled = 0
        let nested = try ArchiveReader.open(source: MemberByteSource(outer: outer) { pulled += $0 })
        #expect(try nested.nextEntry()?.path == "inner/x.txt")
        #expect(try nested.readBlock().count == 7)
        #expect(pulled > 0)
    }

    @Test func directoryWalkDoesNotFollowSymlinks() throws {
        let directory = TemporaryDirectory()
        directory.write("tree/a/b.txt", Array("x".utf8))
        try FileManagerLink.create(at: directory.path + "/tree/a/loop", to: "..")
        let reader = try ArchiveReader.openDirectory(path: directory.path + "/tree")
        var seen: [String: ArchiveEntryInfo.Kind] = [:]
        while let info = try reader.nextEntry() { seen[info.path] = info.kind }
        #expect(seen["a/b.txt"] == .regular)
        #expect(seen["a/loop"] == .symlink)
        #expect(seen.count <= 4)
    }
}
