// ISA-L's inflater and its header parser exist only in builds with the `ISAL` trait (the default).
#if ISAL
    import ArchiveStream
    import TestSupport
    import Testing

    /// gzip headers with every optional field (FEXTRA, FNAME, FCOMMENT, FHCRC), fed to the inflater split at every byte of
    /// the header and in blocks shorter than its fields: the output never depends on where the read blocks fall.
    @Suite struct GzipHeaderTests {
        static let tar = GzipInflaterTests.tar
        /// The raw deflate data and trailer of a gzip member (libarchive writes a bare 10-byte header).
        static let deflateAndTrailer = Array(GzipInflaterTests.tgz.dropFirst(10))

        /// A gzip member of `tar` with the given optional fields; `headerCRC` writes FHCRC (`corruptCRC` writes it wrong).
        static func member(
            extra: Int = 0, name: Int = 0, comment: Int = 0, headerCRC: Bool = false, corruptCRC: Bool = false
        ) -> [UInt8] {
            var flags: UInt8 = 0
            if headerCRC { flags |= 2 }
            if extra > 0 { flags |= 4 }
            if name > 0 { flags |= 8 }
            if comment > 0 { flags |= 16 }
            var header: [UInt8] = [0x1F, 0x8B, 8, flags, 0x12, 0x34, 0x56, 0x78, 0, 3]
            if extra > 0 {
                header += [UInt8(extra & 0xFF), UInt8(extra >> 8)]
                header += (0..<extra).map { UInt8(truncatingIfNeeded: $0 * 7) }
            }
            if name > 0 { header += (0..<name).map { UInt8(0x61 + $0 % 26) } + [0] }
            if comment > 0 { header += (0..<comment).map { UInt8(0x41 + $0 % 26) } + [0] }
            if headerCRC {
                let crc = CRC32.checksum(header)
                header += [UInt8(crc & 0xFF) ^ (corruptCRC ? 1 : 0), UInt8(crc >> 8 & 0xFF)]
            }
            return header + deflateAndTrailer
        }

        /// Inflates `bytes` handed out in blocks that end at `splits`, returning the output and the error that stopped it.
        static func inflate(_ bytes: [UInt8], splits: [Int]) -> ([UInt8], ArchiveError?) {
            ProducerDrain.drain(GzipInflater(input: SplitByteSource(bytes, splits: splits)), outputSize: 1 << 16)
        }

        static let everyField = member(extra: 300, name: 1_500, comment: 700, headerCRC: true)
        static let headerLength = everyField.count - deflateAndTrailer.count

        @Test func headerWithEveryFieldSplitAtEveryByteInflatesToTheSameTar() {
            var failures: [String] = []
            for split in 1...(Self.headerLength + 1) {
                let (output, error) = Self.inflate(Self.everyField, splits: [split])
                if error != nil || output != Self.tar {
                    failures.append("split at \(split): \(error?.message ?? "different output")")
                }
            }
            #expect(failures.isEmpty, "\(failures.prefix(5))")
        }

        @Test(arguments: [1, 2, 3, 9, 10, 11, 100, 512, 1_000])
        func fieldsLongerThanABlockInflateToTheSameTar(blockSize: Int) {
            let splits = Array(stride(from: blockSize, to: Self.everyField.count, by: blockSize))
            let (output, error) = Self.inflate(Self.everyField, splits: splits)
            #expect(error == nil)
            #expect(GzipInflaterTests.digest(output) == GzipInflaterTests.digest(Self.tar))
        }

        @Test(arguments: [(300, 0, 0), (0, 70_000, 0), (0, 0, 70_000), (65_535, 0, 0)])
        func eachLongFieldAloneInflates(extra: Int, name: Int, comment: Int) {
            let bytes = Self.member(extra: extra, name: name, comment: comment)
            let (output, error) = Self.inflate(bytes, splits: Array(stride(from: 1 << 15, to: bytes.count, by: 1 << 15)))
            #expect(error == nil)
            #expect(GzipInflaterTests.digest(output) == GzipInflaterTests.digest(Self.tar))
        }

        @Test func secondMemberHeaderSplitAtEveryByteInflates() {
            let second = Self.member(extra: 20, name: 40, comment: 10, headerCRC: true)
            let stream = Self.everyField + second
            var failures: [String] = []
            for offset in 0...(second.count - Self.deflateAndTrailer.count + 1) {
                let (output, error) = Self.inflate(stream, splits: [Self.everyField.count + offset])
                if error != nil || output != Self.tar + Self.tar {
                    failures.append("split at +\(offset): \(error?.message ?? "different output")")
                }
            }
            #expect(failures.isEmpty, "\(failures.prefix(5))")
        }

        @Test func wrongHeaderCRCIsAnError() {
            let (output, error) = Self.inflate(Self.member(name: 30, headerCRC: true, corruptCRC: true), splits: [17])
            #expect(output.isEmpty)
            #expect(error?.message == "gzip header CRC-16 mismatch: the header is corrupt")
        }

        @Test func reservedFlagsAndOtherMethodsAreErrors() {
            var reserved = Self.member()
            reserved[3] = 0x20
            #expect(Self.inflate(reserved, splits: []).1?.message == "invalid gzip header: reserved flag bits set")
            var method = Self.member()
            method[2] = 7
            #expect(Self.inflate(method, splits: []).1?.message == "unsupported gzip compression method 7")
        }

        @Test(arguments: [5, 10, 12, 400, 1_900])
        func headerCutShortIsTruncated(keeping: Int) {
            let (output, error) = Self.inflate(Array(Self.everyField.prefix(keeping)), splits: [3])
            #expect(output.isEmpty)
            #expect(error?.message == "gzip stream is truncated")
        }

        /// The same member read through the whole artifact path (libarchive on top), split every way in the header.
        @Test func realGzipWithAStoredNameMatchesGzipItself() throws {
            let directory = TemporaryDirectory()
            let longName = String(repeating: "n", count: 200) + ".tar"
            let path = directory.write(longName, Self.tar)
            let compressed = try ToolOutput.run(["gzip", "-c", "-N", path])
            #expect(compressed[3] & 8 == 8)
            let expected = try ToolOutput.decompress(compressed, with: "gzip")
            for split in stride(from: 1, through: 240, by: 1) {
                let (output, error) = Self.inflate(compressed, splits: [split])
                #expect(error == nil && output == expected, "split at \(split)")
            }
        }
    }

    /// Hands out `bytes` in blocks ending at the given offsets.
    final class SplitByteSource: ByteSource {
        private let bytes: [UInt8]
        private var ends: [Int]
        private var position = 0
        private var block: [UInt8] = []
        let failure: ArchiveError? = nil

        init(_ bytes: [UInt8], splits: [Int]) {
            self.bytes = bytes
            ends = splits.filter { $0 > 0 && $0 < bytes.count } + [bytes.count]
        }

        func nextBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
            guard position < bytes.count, let end = ends.first else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            ends.removeFirst()
            block = Array(bytes[position..<end])
            position = end
            return block.withUnsafeBytes { UnsafeRawBufferPointer(start: $0.baseAddress, count: $0.count) }
        }
    }
#endif
