/// Runs the secret scan over one `sourcesContent` entry after another as the tokenizer decodes them: finishes the
/// decoding (`\uXXXX` units and surrogate pairs into UTF-8), feeds an engine in bounded pieces, confirms each
/// candidate window with the capturing pass and places the match at its line and UTF-16 column.
///
/// Memory stays bounded: the decoded text is kept only from the rules' longest `reach` behind the newest piece (or from
/// the oldest window still waiting for bytes), with the line and column of its first byte as a checkpoint.
public final class SecretEntryScanner {
    /// The longest match a built-in rule may make, and so how far back its window reaches from a match's end.
    public static let maxMatchLength = 1024
    /// The longest reach of this run's rules: how much decoded text is kept behind the newest piece.
    private let reach: Int
    /// Most hits kept per entry; a hostile entry full of tokens cannot grow memory without bound.
    static let maxHitsPerEntry = 1000
    private static let pieceSize = 1 << 16

    private let rules: [SecretRule]
    private let captures: SecretCaptures
    private let stream: any SecretMatchStream

    /// Decoded bytes not yet scanned: a buffer written through its pointer (no per-byte array bookkeeping), by the
    /// tokenizer itself (`space(for:)`, then `commit`) or by `feedUnit`. It grows only to hold the largest chunk's text.
    private var pending: UnsafeMutablePointer<UInt8>
    private var pendingCapacity = pieceSize + 128
    private var pendingCount = 0
    private var pendingHighSurrogate: UInt32?
    /// Decoded text from `historyStart` (bytes into the entry) to what has been fed to the engine.
    private var history: [UInt8] = []
    private var historyStart = 0
    private var checkpoint = TextPosition()
    private var windows: [(rule: Int, from: Int, to: Int)] = []
    /// Confirmed matches by rule and start byte; a later, longer match from the same start replaces a shorter one.
    private var hits: [MatchKey: (end: Int, hit: SecretHit)] = [:]
    /// True when the current entry had candidates past `maxHitsPerEntry`, not confirmed (the map gets a note).
    private(set) var reachedHitCap = false
    /// The window of the longest match the engine reported in the current entry that the capturing pass could not
    /// confirm because it began before the window (nil: none): the map's secret scan is incomplete.
    private(set) var unconfirmedMatchWindow: Int?
    /// By rule, where the earliest match the capturing pass found in the current entry starts (kept or filtered):
    /// a long match whose beginning was already matched is that match going on, not one missed.
    private var earliestMatchStart: [Int: Int] = [:]

    private struct MatchKey: Hashable {
        var rule: Int
        var start: Int
    }

    init(scanning: SecretScanning, captures: SecretCaptures, stream: any SecretMatchStream) {
        rules = scanning.rules
        self.captures = captures
        self.stream = stream
        keywordsOfRule = scanning.keywordsOfRule
        keywordSeen = Array(repeating: false, count: scanning.keywords.count)
        honorsAllowComments = scanning.extras.honorsAllowComments
        keepsContext = !scanning.extras.allowlists.isEmpty || rules.contains { $0.checks != nil }
        lineReach = honorsAllowComments || keepsContext ? Self.maxLineTail : 0
        reach = rules.map(\.reach).max() ?? Self.maxMatchLength
        pending = .allocate(capacity: pendingCapacity)
    }

    /// How far past a match's end its line is looked at (for `gitleaks:allow` and allowlists on the line).
    static let maxLineTail = 1024
    /// Per rule, the keywords of which one must occur in the entry; which keywords the entry has shown so far.
    private let keywordsOfRule: [[Int]]
    private var keywordSeen: [Bool]
    private let honorsAllowComments: Bool
    /// True when hits keep their match and line for allowlists.
    private let keepsContext: Bool
    /// Bytes past a match's end a window waits for, so the match's line is whole (0 without a gitleaks file).
    private let lineReach: Int

    /// An engine report: a keyword probe (past the rules) marks its keyword seen, a rule's window waits its turn.
    /// A window that overlaps a waiting one of the same rule extends it, up to twice the reach: Vectorscan reports a
    /// match end at every character of a long token (`{16,}`), and one capturing pass per end over its whole window
    /// made a 20,000-character token cost seconds (quadratic in the token).
    private func accept(_ rule: Int, _ from: Int, _ to: Int) {
        if rule >= rules.count {
            keywordSeen[rule - rules.count] = true
            return
        }
        let end = to + lineReach
        for index in windows.indices.reversed().prefix(Self.windowsLookedBack) where windows[index].rule == rule {
            let waiting = windows[index]
            if from >= waiting.from, from <= waiting.to, end - waiting.from <= 2 * reach + lineReach {
                windows[index].to = max(waiting.to, end)
                return
            }
            break
        }
        windows.append((rule, from, end))
    }

    /// How many of the latest waiting windows `accept` looks through for one of the same rule to extend.
    private static let windowsLookedBack = 8

    deinit {
        pending.deallocate()
    }

    /// Starts a new entry.
    func begin() {
        pendingCount = 0
        pendingHighSurrogate = nil
        history.removeAll(keepingCapacity: true)
        historyStart = 0
        checkpoint = TextPosition()
        windows.removeAll(keepingCapacity: true)
        hits.removeAll(keepingCapacity: true)
        reachedHitCap = false
        unconfirmedMatchWindow = nil
        earliestMatchStart.removeAll(keepingCapacity: true)
        if !keywordSeen.isEmpty { keywordSeen = Array(repeating: false, count: keywordSeen.count) }
        stream.reset()
    }

    /// Where the tokenizer may write the next `count` decoded bytes (escapes resolved) and the 128 its block copies may
    /// write past them; `commit` then takes them. Three bytes are left free first while a high surrogate waits: if text
    /// follows it, it was alone and becomes U+FFFD there.
    func space(for count: Int) -> UnsafeMutablePointer<UInt8> {
        let needed = count + 128 + 3
        if pendingCount + needed > pendingCapacity {
            if pendingCount > 0 { process(isLast: false) }
            if needed > pendingCapacity {
                pending.deallocate()
                pendingCapacity = needed
                pending = .allocate(capacity: pendingCapacity)
            }
        }
        return pending + pendingCount + (pendingHighSurrogate == nil ? 0 : 3)
    }

    /// Takes the `count` bytes written at `space(for:)` as the entry's next decoded text.
    func commit(_ count: Int) {
        guard count > 0 else { return }
        // U+FFFD takes the three bytes `space(for:)` left free before the text.
        if pendingHighSurrogate != nil { flushLoneSurrogate() }
        pendingCount += count
        if pendingCount >= Self.pieceSize { process(isLast: false) }
    }

    /// One UTF-16 code unit decoded by the tokenizer (`\uXXXX`, or a one-character escape split across chunks).
    func feedUnit(_ unit: UInt32) {
        if let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                appendUTF8(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00))
                return
            }
            appendUTF8(0xFFFD)
        }
        if (0xD800...0xDBFF).contains(unit) {
            pendingHighSurrogate = unit
        } else {
            appendUTF8((0xDC00...0xDFFF).contains(unit) ? 0xFFFD : unit)
        }
    }

    private func flushLoneSurrogate() {
        pendingHighSurrogate = nil
        appendUTF8(0xFFFD)
    }

    private func appendUTF8(_ scalar: UInt32) {
        let out = pending + pendingCount
        if scalar < 0x80 {
            out[0] = UInt8(scalar)
            pendingCount += 1
        } else if scalar < 0x800 {
            out[0] = UInt8(0xC0 | scalar >> 6)
            out[1] = UInt8(0x80 | scalar & 0x3F)
            pendingCount += 2
        } else if scalar < 0x10000 {
            out[0] = UInt8(0xE0 | scalar >> 12)
            out[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[2] = UInt8(0x80 | scalar & 0x3F)
            pendingCount += 3
        } else {
            out[0] = UInt8(0xF0 | scalar >> 18)
            out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[3] = UInt8(0x80 | scalar & 0x3F)
            pendingCount += 4
        }
        if pendingCount >= Self.pieceSize { process(isLast: false) }
    }

    /// Ends the entry; returns its hits in text order.
    func end() -> [SecretHit] {
        if pendingHighSurrogate != nil { flushLoneSurrogate() }
        process(isLast: true)
        if keywordSeen.isEmpty { return hits.values.map(\.hit).sorted() }
        return hits.filter { key, _ in
            let needed = keywordsOfRule[key.rule]
            return needed.isEmpty || needed.contains { keywordSeen[$0] }
        }.values.map(\.hit).sorted()
    }

    /// Scans the pending piece (see `scan`).
    private func process(isLast: Bool) {
        let piece = UnsafeBufferPointer(start: UnsafePointer(pending), count: pendingCount)
        pendingCount = 0
        scan(piece, isLast: isLast)
    }

    /// Scans `piece` (the next decoded bytes of the entry), confirms the windows it completes and drops what no window
    /// can reach any more.
    private func scan(_ piece: UnsafeBufferPointer<UInt8>, isLast: Bool) {
        if piece.count > 0 {
            let offset = historyStart + history.count
            stream.scan(UnsafeRawBufferPointer(piece), at: offset) { rule, from, to in accept(rule, from, to) }
            if isLast { stream.finish { rule, from, to in accept(rule, from, to) } }
            if windows.isEmpty {
                keepTail(of: piece, at: offset)
                return
            }
            history.append(contentsOf: piece)
        } else if isLast {
            stream.finish { rule, from, to in accept(rule, from, to) }
        }
        let available = historyStart + history.count
        var waiting: [(rule: Int, from: Int, to: Int)] = []
        for window in windows {
            if window.to <= available || isLast {
                confirm(window, available: available)
            } else {
                waiting.append(window)
            }
        }
        windows = waiting
        let keepFrom = min(available - reach, waiting.map(\.from).min() ?? available)
        let drop = keepFrom - historyStart
        if drop > 0 {
            history.withUnsafeBufferPointer { checkpoint.advance(over: UnsafeBufferPointer(rebasing: $0[..<drop])) }
            history.removeFirst(drop)
            historyStart = keepFrom
        }
    }

    /// The common case, no window waiting: keeps only the last `reach` bytes of the history and `piece`
    /// (which starts at `offset`), moving the checkpoint over the rest without copying it.
    private func keepTail(of piece: UnsafeBufferPointer<UInt8>, at offset: Int) {
        let keepFrom = offset + piece.count - reach
        guard keepFrom > historyStart else {
            history.append(contentsOf: piece)
            return
        }
        let fromHistory = min(history.count, keepFrom - historyStart)
        history.withUnsafeBufferPointer { checkpoint.advance(over: UnsafeBufferPointer(rebasing: $0[..<fromHistory])) }
        history.removeFirst(fromHistory)
        let fromPiece = max(0, keepFrom - offset)
        checkpoint.advance(over: UnsafeBufferPointer(rebasing: piece[..<fromPiece]))
        history.append(contentsOf: UnsafeBufferPointer(rebasing: piece[fromPiece...]))
        historyStart = keepFrom
    }

    private func confirm(_ window: (rule: Int, from: Int, to: Int), available: Int) {
        var from = max(window.from, historyStart)
        var to = min(window.to, available)
        guard from < to else { return }
        guard hits.count < Self.maxHitsPerEntry else {
            reachedHitCap = true
            return
        }
        let rule = rules[window.rule]
        let text: String
        if captures.matchesUnicode[window.rule] {
            // The real text, cut at character edges so offsets in the string are byte offsets.
            while from < to, history[from - historyStart] & 0xC0 == 0x80 { from += 1 }
            while to > from, to < available, history[to - historyStart] & 0xC0 == 0x80 { to -= 1 }
            text = String(decoding: history[(from - historyStart)..<(to - historyStart)], as: UTF8.self)
        } else {
            // ASCII rules: bytes past it stand for a non-word character, so offsets in the string are byte offsets.
            text = String(
                decoding: history[(from - historyStart)..<(to - historyStart)].map { $0 < 0x80 ? $0 : 0x1A }, as: UTF8.self)
        }
        let secretGroup = rule.checks?.secretIsFirstNonEmptyGroup == true ? SecretCaptures.firstNonEmptyGroup : rule.secretGroup
        let matches = captures.matches(rule: window.rule, secretGroup: secretGroup, in: text)
        if matches.isEmpty, window.from > 0, stream.reportsWholeMatches,
            earliestMatchStart[window.rule].map({ $0 >= window.from }) ?? true
        {
            // The engine saw a whole match ending here, so it began before the window's start.
            let length = window.to - lineReach - window.from
            unconfirmedMatchWindow = max(unconfirmedMatchWindow ?? 0, length)
        }
        if let first = matches.first {
            earliestMatchStart[window.rule] = min(earliestMatchStart[window.rule] ?? .max, from + first.match.lowerBound)
        }
        for found in matches {
            let start = from + found.match.lowerBound
            let end = from + found.match.upperBound
            let key = MatchKey(rule: window.rule, start: start)
            if let earlier = hits[key], earlier.end >= end { continue }
            let secretStart = from + found.secret.lowerBound - historyStart
            let secretEnd = from + found.secret.upperBound - historyStart
            let secret = String(decoding: history[secretStart..<secretEnd], as: UTF8.self)
            if let checks = rule.checks, checks.minimumEntropy > 0, ShannonEntropy.of(secret) <= checks.minimumEntropy {
                continue
            }
            var hit = SecretHit(ruleID: rule.id, kind: rule.kind, level: rule.level, line: 0, column: 0, secret: secret)
            if lineReach > 0 {
                let line = lineText(start: start, end: end, available: available)
                if honorsAllowComments, line.contains(SecretScanExtras.allowComment) { continue }
                if keepsContext {
                    hit.lineText = line
                    hit.matchText = String(decoding: history[(start - historyStart)..<(end - historyStart)], as: UTF8.self)
                }
            }
            var position = checkpoint
            history.withUnsafeBufferPointer {
                position.advance(over: UnsafeBufferPointer(rebasing: $0[..<(start - historyStart)]))
            }
            hit.line = position.line
            hit.column = position.column
            hits[key] = (end, hit)
        }
    }

    /// The line(s) a match from `start` to `end` is on, as far as the kept text reaches (gitleaks' `Line`).
    private func lineText(start: Int, end: Int, available: Int) -> String {
        var lineStart = start
        while lineStart > historyStart, history[lineStart - 1 - historyStart] != 0x0A { lineStart -= 1 }
        var lineEnd = end
        while lineEnd < available, history[lineEnd - historyStart] != 0x0A { lineEnd += 1 }
        return String(decoding: history[(lineStart - historyStart)..<(lineEnd - historyStart)], as: UTF8.self)
    }
}

/// A 1-based line and UTF-16 column in decoded UTF-8 text, advanced over bytes (a checkpoint, not a per-byte cost).
struct TextPosition: Equatable {
    var line = 1
    var column = 1

    /// Moves past `bytes`: `\n` starts a line; every UTF-8 lead byte is one UTF-16 unit, a four-byte lead two.
    /// This runs over every decoded byte of every entry, so both counts add comparison lanes in vector registers and
    /// sum them once per 255 blocks rather than reducing each block.
    mutating func advance(over bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let newlines = Self.count(of: 0x0A, in: base, count: bytes.count)
        guard newlines > 0 else {
            column += Self.utf16Units(base, count: bytes.count)
            return
        }
        line += newlines
        let lastNewline = Self.lastIndex(of: 0x0A, in: base, count: bytes.count)
        column = 1 + Self.utf16Units(base + lastNewline + 1, count: bytes.count - lastNewline - 1)
    }

    /// How many bytes of `base[..<count]` equal `target`.
    static func count(of target: UInt8, in base: UnsafePointer<UInt8>, count: Int) -> Int {
        let pattern = SIMD16<UInt8>(repeating: target)
        var total = 0
        var index = 0
        while index + 16 <= count {
            var lanes = SIMD16<UInt8>()
            let blocks = min(255, (count - index) / 16)
            for _ in 0..<blocks {
                let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                lanes &-= unsafeBitCast(block .== pattern, to: SIMD16<UInt8>.self)
                index += 16
            }
            total += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while index < count {
            if base[index] == target { total += 1 }
            index += 1
        }
        return total
    }

    /// Index of the last byte of `base[..<count]` equal to `target`, which must occur; searched from the end.
    static func lastIndex(of target: UInt8, in base: UnsafePointer<UInt8>, count: Int) -> Int {
        let pattern = SIMD16<UInt8>(repeating: target)
        var end = count
        while end >= 16 {
            let block = UnsafeRawPointer(base + end - 16).loadUnaligned(as: SIMD16<UInt8>.self)
            let hits = ByteScan.movemask(block .== pattern)
            if hits != 0 { return end - 16 + 63 - hits.leadingZeroBitCount }
            end -= 16
        }
        while end > 0 {
            end -= 1
            if base[end] == target { return end }
        }
        preconditionFailure("lastIndex(of:) on bytes without the target")
    }

    /// UTF-16 code units of UTF-8 bytes: lead bytes (not `10xxxxxx`) count one, four-byte leads (`11110xxx`) one more.
    static func utf16Units(_ base: UnsafePointer<UInt8>, count: Int) -> Int {
        let continuationMask = SIMD16<UInt8>(repeating: 0xC0)
        let continuation = SIMD16<UInt8>(repeating: 0x80)
        let fourByteLead = SIMD16<UInt8>(repeating: 0xF0)
        var units = 0
        var index = 0
        while index + 16 <= count {
            var lanes = SIMD16<UInt8>()
            let blocks = min(127, (count - index) / 16)
            for _ in 0..<blocks {
                let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                lanes &-= unsafeBitCast((block & continuationMask) .!= continuation, to: SIMD16<UInt8>.self)
                lanes &-= unsafeBitCast(block .>= fourByteLead, to: SIMD16<UInt8>.self)
                index += 16
            }
            units += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while index < count {
            let byte = base[index]
            units += (byte & 0xC0 != 0x80 ? 1 : 0) + (byte >= 0xF0 ? 1 : 0)
            index += 1
        }
        return units
    }
}
