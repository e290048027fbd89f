import ArchiveStream
import TestSupport
import Testing

/// The head read ahead for content sniffing hands every byte back in order, whatever the block sizes, even though
/// a reader reuses its block buffer on every read (as libarchive and the inflate ring do).
@Suite struct MemberHeadTests {
    /// Hands out the blocks of one member from a single reused buffer, scribbling over the previous block first.
    final class ReusingReader: MemberReader {
        private var blocks: [[UInt8]]
        private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
        var reads = 0
        init(_ blocks: [[UInt8]]) { self.blocks = blocks }
        deinit { buffer.deallocate() }
        func nextEntry() throws(ArchiveError) -> ArchiveEntryInfo? { nil }
        func readBlock() throws(ArchiveError) -> UnsafeRawBufferPointer {
            reads += 1
            buffer.initializeMemory(as: UInt8.self, repeating: 0xEE)
            guard !blocks.isEmpty else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            let block = blocks.removeFirst()
            buffer.copyBytes(from: block)
            return UnsafeRawBufferPointer(rebasing: buffer[0..<block.count])
        }
        var isRawStream: Bool { false }
        var isCompressedStream: Bool { false }
        var inputBytes: Int64 { 0 }
        var warnings: [String] { [] }
        var warningSource: String { "test" }
        var containerFormat: String { "test" }
        func drainInput() throws(ArchiveError) {}
    }

    static let member = (0..<700).map { UInt8(truncatingIfNeeded: $0 * 13 + 1) }

    static func replay(_ head: MemberHead, then reader: ReusingReader) throws -> [UInt8] {
        var bytes: [UInt8] = []
        head.forEachBlock { bytes += $0 }
        while !head.reachedEnd {
            let block = try reader.readBlock()
            if block.isEmpty { break }
            bytes += block
        }
        return bytes
    }

    @Test func everyTwoBlockSplitGivesTheSameBytesAndPrefix() throws {
        var failures: [Int] = []
        for split in 1..<Self.member.count {
            let reader = ReusingReader([Array(Self.member[..<split]), Array(Self.member[split...])])
            var counted = 0
            let head = try MemberHead.read(from: reader, declaredSize: 700) { counted += $0 }
            let prefix = head.withContiguousPrefix { Array($0.prefix(ContentSniffer.headLength)) }
            let all = try Self.replay(head, then: reader)
            if prefix != Array(Self.member.prefix(512)) || all != Self.member || counted != (split >= 512 ? split : 700) {
                failures.append(split)
            }
        }
        #expect(failures.isEmpty)
    }

    @Test func shortMemberEndsAtItsDeclaredSizeWithoutAnotherRead() throws {
        let reader = ReusingReader([Array(Self.member[..<100])])
        let head = try MemberHead.read(from: reader, declaredSize: 100) { _ in }
        #expect(head.reachedEnd)
        #expect(reader.reads == 1)
        #expect(head.copied.isEmpty)
        let unknownSize = ReusingReader([Array(Self.member[..<100])])
        let read = try MemberHead.read(from: unknownSize) { _ in }
        #expect(read.reachedEnd)
        #expect(unknownSize.reads == 2)
        #expect(try Self.replay(read, then: unknownSize) == Array(Self.member[..<100]))
    }

    @Test func memberThatGivesMoreThanItDeclaredIsReadToItsEnd() throws {
        let reader = ReusingReader([Array(Self.member[..<50]), Array(Self.member[50...])])
        let head = try MemberHead.read(from: reader, declaredSize: 10) { _ in }
        #expect(try Self.replay(head, then: reader) == Self.member)
    }
}
