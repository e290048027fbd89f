#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The pure-Swift engine: finds each rule's literal anchors with `memmem` and reports a window around every hit for
/// the capturing pass. Slower than Vectorscan (one pass per anchor) but runs everywhere; used where Vectorscan
/// cannot (a CPU without SSE4.2, a build without it, a rule it rejects). A rule without anchors (a user's gitleaks
/// rule) gets a window over every piece: the capturing pass then searches all of the text, slowly but completely.
public struct AnchorMatchEngine: SecretMatchEngine {
    public let name = "swift-anchors"
    public let fallback: SecretEngineFallback?
    /// Each anchor spelling with the rules it stands for.
    let anchors: [(bytes: [UInt8], rules: [Int])]
    /// ASCII anchors matched in any case: lowercased, searched in a lowercased copy of the text.
    let foldedAnchors: [(bytes: [UInt8], rules: [Int])]
    /// Rules with no anchor, searched by the capturing pass over every piece.
    let unanchored: [Int]
    /// Per rule, how far before an anchor and after its end a match may reach (`SecretRule.reach`).
    let reaches: [Int]

    /// `fallback`: why this engine is used instead of Vectorscan (nil when it was asked for).
    public init(rules: [SecretRule], fallback: SecretEngineFallback? = nil) {
        self.fallback = fallback
        var byAnchor: [[UInt8]: [Int]] = [:]
        var byFolded: [[UInt8]: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            for anchor in rule.anchors where !anchor.isEmpty {
                if rule.anchorsIgnoreCase, anchor.utf8.allSatisfy({ $0 < 0x80 }) {
                    let bytes = Array(anchor.lowercased().utf8)
                    if byFolded[bytes]?.contains(index) != true { byFolded[bytes, default: []].append(index) }
                    continue
                }
                // Past ASCII, case is folded by spelling: lower, upper and capitalized.
                let spellings =
                    rule.anchorsIgnoreCase ? [anchor.lowercased(), anchor.uppercased(), Self.capitalized(anchor)] : [anchor]
                for spelling in Set(spellings) {
                    let bytes = Array(spelling.utf8)
                    if byAnchor[bytes]?.contains(index) != true { byAnchor[bytes, default: []].append(index) }
                }
            }
        }
        anchors = byAnchor.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0, byAnchor[$0]!) }
        foldedAnchors = byFolded.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0, byFolded[$0]!) }
        unanchored = rules.indices.filter { rules[$0].anchors.allSatisfy(\.isEmpty) }
        reaches = rules.map(\.reach)
    }

    private static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    public func makeStream() -> any SecretMatchStream {
        AnchorMatchStream(
            anchors: anchors, foldedAnchors: foldedAnchors, unanchored: unanchored, reaches: reaches,
            longest: (anchors + foldedAnchors).map(\.bytes.count).max() ?? 0)
    }
}

/// One thread's anchor search; keeps the last bytes of the previous piece so an anchor split between pieces is found.
final class AnchorMatchStream: SecretMatchStream {
    let reportsWholeMatches = false
    private let anchors: [(bytes: [UInt8], rules: [Int])]
    private let foldedAnchors: [(bytes: [UInt8], rules: [Int])]
    private let unanchored: [Int]
    private let reaches: [Int]
    private let carryLength: Int
    private var carry: [UInt8] = []
    private var joined: [UInt8] = []
    /// The searched bytes with ASCII letters lowercased, for `foldedAnchors`.
    private var lowered: [UInt8] = []

    init(
        anchors: [(bytes: [UInt8], rules: [Int])], foldedAnchors: [(bytes: [UInt8], rules: [Int])], unanchored: [Int],
        reaches: [Int], longest: Int
    ) {
        self.anchors = anchors
        self.foldedAnchors = foldedAnchors
        self.unanchored = unanchored
        self.reaches = reaches
        carryLength = max(0, longest - 1)
    }

    func reset() {
        carry.removeAll(keepingCapacity: true)
    }

    /// Anchors need no end of text: every window was reported when its anchor was seen.
    func finish(report: (Int, Int, Int) -> Void) {}

    func scan(_ piece: UnsafeRawBufferPointer, at offset: Int, report: (Int, Int, Int) -> Void) {
        guard !piece.isEmpty else { return }
        for rule in unanchored {
            report(rule, max(0, offset - reaches[rule]), offset + piece.count)
        }
        // Anchors that straddle the previous piece: searched in the carry joined to the piece's first bytes.
        if !carry.isEmpty {
            joined.removeAll(keepingCapacity: true)
            joined += carry
            joined += piece.prefix(carryLength)
            let joinedStart = offset - carry.count
            joined.withUnsafeBytes { buffer in
                search(buffer, startingBefore: carry.count, endingAfter: carry.count, base: joinedStart, report: report)
            }
        }
        search(piece, startingBefore: piece.count, endingAfter: 0, base: offset, report: report)
        let keep = min(carryLength, piece.count)
        if piece.count >= carryLength {
            carry = Array(piece.suffix(keep))
        } else {
            carry += piece
            carry.removeFirst(max(0, carry.count - carryLength))
        }
    }

    /// The first index at or after `from` where `needle` starts in `buffer` (`memchr` for its first byte, then a
    /// compare; `memmem` is not exported by every libc module).
    private static func find(_ needle: [UInt8], in buffer: UnsafeRawBufferPointer, from: Int) -> Int? {
        guard let start = buffer.baseAddress else { return nil }
        var index = from
        while index + needle.count <= buffer.count,
            let hit = memchr(start + index, Int32(needle[0]), buffer.count - needle.count + 1 - index)
        {
            let position = UnsafeRawPointer(hit) - start
            if memcmp(hit, needle, needle.count) == 0 { return position }
            index = position + 1
        }
        return nil
    }

    /// Reports every anchor starting below `limit` and ending past `floor` (the others are seen by another search):
    /// the exact anchors in `buffer`, the case-blind ones in a lowercased copy of it.
    private func search(
        _ buffer: UnsafeRawBufferPointer, startingBefore limit: Int, endingAfter floor: Int, base: Int,
        report: (Int, Int, Int) -> Void
    ) {
        search(anchors, in: buffer, startingBefore: limit, endingAfter: floor, base: base, report: report)
        guard !foldedAnchors.isEmpty else { return }
        lowered.removeAll(keepingCapacity: true)
        lowered.append(contentsOf: buffer.lazy.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 })
        lowered.withUnsafeBytes { folded in
            search(foldedAnchors, in: folded, startingBefore: limit, endingAfter: floor, base: base, report: report)
        }
    }

    private func search(
        _ anchors: [(bytes: [UInt8], rules: [Int])], in buffer: UnsafeRawBufferPointer, startingBefore limit: Int,
        endingAfter floor: Int, base: Int, report: (Int, Int, Int) -> Void
    ) {
        guard buffer.baseAddress != nil else { return }
        for anchor in anchors where anchor.bytes.count <= buffer.count {
            var from = 0
            while from < limit,
                let position = Self.find(anchor.bytes, in: buffer, from: from)
            {
                guard position < limit else { break }
                from = position + 1
                guard position + anchor.bytes.count > floor else { continue }
                let absolute = base + position
                for rule in anchor.rules {
                    report(rule, max(0, absolute - reaches[rule]), absolute + anchor.bytes.count + reaches[rule])
                }
            }
        }
    }
}
