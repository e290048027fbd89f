import Foundation
import ArchiveStream
import TestSupport
import Testing

@Suite struct RandomAccessSpoolTests {
    static func fill(_ spool: RandomAccessSpool, _ bytes: [UInt8], blockSize: Int) throws {
        var start = 0
        while start < bytes.count {
            let end = min(start + blockSize, bytes.count)
            try bytes[start..<end].withUnsafeBytes { try spool.append($0) }
            start = end
        }
    }

    static func readBack(_ input: any RandomAccessInput, at offset: Int64, count: Int) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        let got = try out.withUnsafeMutableBytes { try input.read(at: offset, into: $0) }
        return Array(out.prefix(got))
    }

    @Test(arguments: [1, 1000, 4096, 70_001])
    func bytesReadBackExactlyInMemoryAndOnDisk(blockSize: Int) throws {
        let bytes = SeededGenerator.noise(count: 300_000, seed: 9)
        for limit in [1 << 20, 100_000] {
            let directory = TemporaryDirectory()
            let spool = RandomAccessSpool(memoryLimit: limit, directory: directory.path)
            try Self.fill(spool, bytes, blockSize: blockSize)
            #expect(spool.size == 300_000)
            #expect(spool.isOnDisk == (limit < bytes.count))
            for offset in [0, 1, 99_999, 100_000, 299_990] {
                #expect(
                    try Self.readBack(spool, at: Int64(offset), count: 20) == Array(bytes[offset..<min(offset + 20, bytes.count)])
                )
            }
            #expect(try Self.readBack(spool, at: 300_000, count: 5).isEmpty)
            #expect(try Self.readBack(spool, at: 0, count: 300_000) == bytes)
        }
    }

    @Test func spoolOnDiskLeavesNoNamedFile() throws {
        let directory = TemporaryDirectory()
        let spool = RandomAccessSpool(memoryLimit: 1024, directory: directory.path)
        try Self.fill(spool, SeededGenerator.noise(count: 50_000, seed: 2), blockSize: 4096)
        #expect(spool.isOnDisk)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
    }

    @Test func unusableDirectoryIsAnErrorNotACrash() {
        let spool = RandomAccessSpool(memoryLimit: 16, directory: "/nonexistent/spool")
        #expect(throws: ArchiveError.self) { try Self.fill(spool, [UInt8](repeating: 1, count: 64), blockSize: 64) }
    }

    /// A piped zip behind a self-extractor stub, fed in every block size: the stream is spooled and read from the
    /// central directory; a piped tgz streams without a spool.
    @Test(arguments: [1, 7, 511, 512, 513, 65_536])
    func pipedZipIsSpooledAndReadFromItsCentralDirectory(chunkSize: Int) throws {
        let zip = HandZip.build(
            [.text("dist/a.js.map", "{}"), .text("dist/b.js", "b")], prefix: Array("#!/bin/sh\nexit 0\n".utf8))
        var spooled = 0
        let reader = try ArchiveReader.open(stream: ChunkedByteSource(zip, chunkSize: chunkSize)) { spooled += $0 }
        var names: [String] = []
        while let info = try reader.nextEntry() { names.append(info.path) }
        #expect(names == ["dist/a.js.map", "dist/b.js"])
        #expect(spooled == zip.count)
        #expect(reader.isZip)

        let tgz = ArchiveBuilder.build(.tar, filter: .gzip, [.text("package/a.js", "a")])
        var tgzSpooled = 0
        let tgzReader = try ArchiveReader.open(stream: ChunkedByteSource(tgz, chunkSize: chunkSize)) { tgzSpooled += $0 }
        #expect(try tgzReader.nextEntry()?.path == "package/a.js")
        #expect(tgzSpooled == 0)
    }

    @Test func directoryCheckFindsTheArchiveAfterAStubAndCountsItsEntries() throws {
        let zip = HandZip.build([.text("a", "1"), .text("b", "2")], prefix: [UInt8](repeating: 0x90, count: 1234))
        let spool = RandomAccessSpool()
        try Self.fill(spool, zip, blockSize: 100)
        let check = try ZipDirectoryCheck.run(on: spool)
        #expect(check.hasCentralDirectory)
        #expect(check.entries == 2)
        #expect(check.prependedBytes == 1234)
        #expect(check.disagreements.isEmpty)
    }

    @Test func directoryCheckCapsItsReports() throws {
        let entries = (0..<30).map { HandZip.Entry("f\($0)", [1, 2, 3], localSize: 1) }
        let spool = RandomAccessSpool()
        try Self.fill(spool, HandZip.build(entries), blockSize: 1 << 16)
        let check = try ZipDirectoryCheck.run(on: spool, maxReports: 20)
        #expect(check.disagreements.count == 21)
        #expect(
            check.disagreements.last
                == .init(member: nil, message: "10 more members whose local headers disagree with the central directory"))
    }
}
