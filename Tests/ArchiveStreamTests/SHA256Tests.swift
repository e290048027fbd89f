import ArchiveStream
import Foundation
import TestSupport
import Testing

/// The hand-written SHA-256 against FIPS 180-4's example vectors, fed whole, byte by byte and split at every offset,
/// and against `sha256sum` at every length around the padding boundaries.
@Suite struct SHA256Tests {
    static func digest(_ chunks: [ArraySlice<UInt8>]) -> String {
        var hasher = SHA256()
        for chunk in chunks { chunk.withUnsafeBytes { hasher.update($0) } }
        return hasher.hexDigest()
    }

    /// FIPS 180-4 / NIST CSRC example values (SHA256.pdf, SHA2_Additional.pdf).
    static let vectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ]

    @Test(arguments: 0..<4) func nistVectorAtEverySplit(index: Int) {
        let (message, expected) = Self.vectors[index]
        let bytes = Array(message.utf8)
        #expect(Self.digest([bytes[...]]) == expected)
        #expect(SplitFeeder.firstMismatch(of: bytes, run: Self.digest) == nil)
    }

    @Test func oneMillionLetterAInUnevenBlocks() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var hasher = SHA256()
        var offset = 0
        var size = 1
        while offset < bytes.count {
            let end = min(offset + size, bytes.count)
            bytes[offset..<end].withUnsafeBytes { hasher.update($0) }
            offset = end
            size = size * 3 % 1_000 + 1
        }
        #expect(hasher.byteCount == 1_000_000)
        #expect(hasher.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(.enabled(if: ConsumerTool.exists("sha256sum"), "needs sha256sum"))
    func everyLengthAroundThePaddingBoundariesMatchesSha256sum() throws {
        var random = SeededGenerator(seed: 256)
        let pool = (0..<200).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let directory = TemporaryDirectory()
        var expected: [String] = []
        var actual: [String] = []
        for length in Array(0...130) + [191, 192, 193] {
            let path = directory.write("m\(length)", Array(pool.prefix(length)))
            let line = try ConsumerTool.run("sha256sum", [path], in: directory.path).stdout
            expected.append(String(line.prefix(64)))
            actual.append(Self.digest([pool.prefix(length)]))
        }
        #expect(actual == expected)
    }

    /// The hardware path (x86 SHA extensions, when this CPU has them) and the portable code agree on every length up to
    /// four blocks and on uneven splits of a large input.
    @Test(.enabled(if: SHA256.hardwareAvailable, "this CPU has no SHA extensions"))
    func hardwareAndPortableCodeAgree() {
        var random = SeededGenerator(seed: 512)
        let bytes = (0..<(1 << 20)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        func digest(_ count: Int, hardware: Bool, step: Int) -> String {
            var hasher = SHA256(hardware: hardware)
            var offset = 0
            while offset < count {
                let end = min(offset + step, count)
                bytes[offset..<end].withUnsafeBytes { hasher.update($0) }
                offset = end
            }
            return hasher.hexDigest()
        }
        let lengths = Array(0...256) + [1 << 20]
        #expect(lengths.filter { digest($0, hardware: true, step: 100) != digest($0, hardware: false, step: 64) } == [])
        #expect(digest(1 << 20, hardware: true, step: 4_099) == digest(1 << 20, hardware: false, step: 1 << 20))
    }

    @Test func portableCodeMatchesTheVectorsToo() {
        for (message, expected) in Self.vectors {
            var hasher = SHA256(hardware: false)
            Array(message.utf8).withUnsafeBytes { hasher.update($0) }
            #expect(hasher.hexDigest() == expected)
        }
    }

    @Test func finalizeLeavesTheHasherUsable() {
        var hasher = SHA256()
        Array("ab".utf8).withUnsafeBytes { hasher.update($0) }
        _ = hasher.finalize()
        Array("c".utf8).withUnsafeBytes { hasher.update($0) }
        #expect(hasher.hexDigest() == Self.vectors[1].digest)
    }
}

/// The artifact digest fed by reads at offsets: only bytes continuing the hashed prefix count, and `complete` hashes
/// the rest once, whatever order the reader took.
@Suite struct InputDigestTests {
    final class Bytes: RandomAccessInput {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        var size: Int64 { Int64(bytes.count) }
        func read(at offset: Int64, into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
            guard offset < size else { return 0 }
            let count = min(buffer.count, bytes.count - Int(offset))
            bytes[Int(offset)..<(Int(offset) + count)].withUnsafeBytes { buffer.copyMemory(from: $0) }
            return count
        }
    }

    static let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
    static let expected = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"

    @Test func readsOutOfOrderAndRereadsAreHashedOnceInOrder() throws {
        let input = DigestingInput(Bytes(Self.message), digest: InputDigest())
        var buffer = [UInt8](repeating: 0, count: 10)
        try buffer.withUnsafeMutableBytes { out in
            // The end first (a zip's central directory), then the start twice, then a jump past a gap.
            _ = try input.read(at: 50, into: out)
            _ = try input.read(at: 0, into: out)
            _ = try input.read(at: 5, into: out)
            _ = try input.read(at: 30, into: out)
        }
        #expect(input.digest.hashedBytes == 15)
        try input.digest.complete(from: Bytes(Self.message))
        #expect(input.digest.hashedBytes == Int64(Self.message.count))
        #expect(input.digest.hexDigest == Self.expected)
    }

    @Test func streamRemainderIsHashedUpToTheLimit() throws {
        let whole = InputDigest()
        #expect(try whole.complete(fromStream: ChunkedByteSource(Self.message, chunkSize: 7), limit: 1_000))
        #expect(whole.hexDigest == Self.expected)
        let capped = InputDigest()
        #expect(try !capped.complete(fromStream: ChunkedByteSource(Self.message, chunkSize: 7), limit: 20))
    }
}
