import ArchiveStream
import TestSupport
import Testing

/// zlib, the gzip inflater of builds without ISA-L, run in every build so both engines stay tested on Linux.
@Suite struct ZlibInflaterTests {
    static let members: [ArchiveBuilder.Member] = [
        .text("package/a.js", String(repeating: "console.log('leak-scan');\n", count: 2000)),
        .file("package/noise.bin", SeededGenerator.noise(count: 70_000, seed: 9)),
    ]
    static let tar = ArchiveBuilder.build(.tar, Self.members)
    static let tgz = ArchiveBuilder.build(.tar, filter: .gzip, Self.members)

    static func inflate(_ compressed: [UInt8], chunkSize: Int, outputSize: Int = 4096) -> ([UInt8], ArchiveError?) {
        ProducerDrain.drain(
            ZlibInflater(input: ChunkedByteSource(compressed, chunkSize: chunkSize)), outputSize: outputSize)
    }

    @Test(arguments: [1, 7, 512, 65_536, 1 << 20])
    func inflatesToTheTarAtEveryInputChunking(chunkSize: Int) {
        let (output, error) = Self.inflate(Self.tgz, chunkSize: chunkSize)
        #expect(error == nil)
        #expect(output == Self.tar)
    }

    @Test(arguments: [1, 100, 4096])
    func everyOutputBufferSizeGivesTheSameBytes(outputSize: Int) {
        let (output, error) = Self.inflate(Self.tgz, chunkSize: 1000, outputSize: outputSize)
        #expect(error == nil)
        #expect(output == Self.tar)
    }

    @Test func concatenatedMembersAndZeroPaddingAreOneStream() {
        let second = ArchiveBuilder.build(.tar, filter: .gzip, [.text("b.js", "b")])
        let (output, error) = Self.inflate(Self.tgz + second + [UInt8](repeating: 0, count: 1000), chunkSize: 333)
        #expect(error == nil)
        #expect(output == Self.tar + ArchiveBuilder.build(.tar, [.text("b.js", "b")]))
    }

    @Test func trailingDataThatIsNotGzipIsAnError() {
        let (output, error) = Self.inflate(Self.tgz + Array("garbage".utf8), chunkSize: 4096)
        #expect(output == Self.tar)
        #expect(error?.message == "data after the end of the gzip stream is not gzip")
    }

    @Test func corruptCRCIsAnErrorAfterTheData() {
        var damaged = Self.tgz
        damaged[damaged.count - 8] ^= 0xFF
        let (output, error) = Self.inflate(damaged, chunkSize: 4096)
        #expect(output == Self.tar)
        #expect(error?.message == "gzip CRC-32 or length check failed: the data is corrupt")
    }

    @Test(arguments: [10, 100, 5_000, 40_000])
    func truncationIsAnErrorAfterEverythingBeforeIt(keeping: Int) {
        let (output, error) = Self.inflate(Array(Self.tgz.prefix(keeping)), chunkSize: 1000)
        #expect(error?.message == "gzip stream is truncated")
        #expect(output.count < Self.tar.count)
        #expect(Array(Self.tar.prefix(output.count)) == output)
    }

    @Test func damagedDeflateDataIsAnError() {
        var damaged = Self.tgz
        for index in stride(from: 40, to: 400, by: 7) { damaged[index] ^= 0x5A }
        let (_, error) = Self.inflate(damaged, chunkSize: 4096)
        #expect(error != nil)
    }

    @Test func anEmptyInputIsAnError() {
        let (output, error) = Self.inflate([], chunkSize: 1)
        #expect(output.isEmpty)
        #expect(error != nil)
    }
}
