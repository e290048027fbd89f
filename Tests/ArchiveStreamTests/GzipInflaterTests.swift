// ISA-L's inflater and its header parser exist only in builds with the `ISAL` trait (the default).
#if ISAL
    import ArchiveStream
    import TestSupport
    import Testing

    @Suite struct GzipInflaterTests {
        static let members: [ArchiveBuilder.Member] = [
            .text("package/a.js", String(repeating: "console.log('leak-scan');\n", count: 2000)),
            .file("package/noise.bin", SeededGenerator.noise(count: 70_000, seed: 9)),
        ]
        static let tar = ArchiveBuilder.build(.tar, Self.members)
        static let tgz = ArchiveBuilder.build(.tar, filter: .gzip, Self.members)

        /// Length and a checksum, so a failed comparison prints two short values instead of two large arrays.
        static func digest(_ bytes: [UInt8]) -> String {
            "\(bytes.count) bytes, sum \(bytes.reduce(UInt64(0)) { $0 &* 31 &+ UInt64($1) })"
        }

        /// Inflates everything, returning the bytes and the error that stopped it (bytes before an error are kept).
        static func inflate(_ compressed: [UInt8], chunkSize: Int, outputSize: Int = 4096) -> ([UInt8], ArchiveError?) {
            ProducerDrain.drain(GzipInflater(input: ChunkedByteSource(compressed, chunkSize: chunkSize)), outputSize: outputSize)
        }

        @Test(arguments: [1, 7, 512, 65_536, 1 << 20])
        func inflatesToTheTarAtEveryInputChunking(chunkSize: Int) {
            let (output, error) = Self.inflate(Self.tgz, chunkSize: chunkSize)
            #expect(error == nil)
            #expect(Self.digest(output) == Self.digest(Self.tar))
        }

        @Test func concatenatedMembersAndZeroPaddingAreOneStream() {
            let second = ArchiveBuilder.build(.tar, filter: .gzip, [.text("b.js", "b")])
            let (output, error) = Self.inflate(Self.tgz + second + [UInt8](repeating: 0, count: 1000), chunkSize: 333)
            #expect(error == nil)
            #expect(Self.digest(output) == Self.digest(Self.tar + ArchiveBuilder.build(.tar, [.text("b.js", "b")])))
        }

        @Test func trailingDataThatIsNotGzipIsAnError() {
            let (output, error) = Self.inflate(Self.tgz + Array("garbage".utf8), chunkSize: 4096)
            #expect(Self.digest(output) == Self.digest(Self.tar))
            #expect(error?.message == "data after the end of the gzip stream is not gzip")
        }

        @Test func corruptCRCIsAnErrorAfterTheData() {
            var damaged = Self.tgz
            damaged[damaged.count - 8] ^= 0xFF
            let (output, error) = Self.inflate(damaged, chunkSize: 4096)
            #expect(Self.digest(output) == Self.digest(Self.tar))
            #expect(error?.message == "gzip CRC-32 or length check failed: the data is corrupt")
        }

        @Test(arguments: [10, 100, 5_000, 40_000])
        func truncationIsReportedAfterEverythingBeforeIt(keeping: Int) {
            let (output, error) = Self.inflate(Array(Self.tgz.prefix(keeping)), chunkSize: 1000)
            #expect(error?.message == "gzip stream is truncated")
            #expect(output.count < Self.tar.count)
            #expect(Self.digest(Array(Self.tar.prefix(output.count))) == Self.digest(output))
        }

        @Test func prefetchingSourceHandsOverTheSameBytesAndStopsEarlyWithoutHanging() throws {
            let source = PrefetchingByteSource(
                producer: GzipInflater(input: ChunkedByteSource(Self.tgz, chunkSize: 1000)), slotCount: 2, slotSize: 1024)
            var output: [UInt8] = []
            while true {
                let block = try source.nextBlock()
                if block.isEmpty { break }
                output += block
            }
            #expect(Self.digest(output) == Self.digest(Self.tar))
            let abandoned = PrefetchingByteSource(
                producer: GzipInflater(input: ChunkedByteSource(Self.tgz, chunkSize: 1000)), slotCount: 2, slotSize: 1024)
            #expect(try abandoned.nextBlock().count == 1024)
        }
    }
#endif
