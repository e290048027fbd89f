#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A push tokenizer for source-map JSON: feed any chunking with `consume`, then `finish`.
///
/// It keeps only what the counting rules need (`version`, `sources`, `sourceRoot`, per-entry statistics of
/// `sourcesContent`, `sections`), skips every other value at vector speed and never decodes `mappings`, so memory
/// does not grow with the size of the map.
public struct SourceMapTokenizer {
    private enum State: UInt8 {
        case prefix, value, string, escape, unicode, literal, afterValue, key, colon, done, failed
        /// Past `maxJSONDepth`: brackets are counted (strings respected) until the deep value closes, in constant memory.
        case deepSkip
    }

    /// Where the tokenizer is in what may precede the JSON text: a UTF-8 BOM, and DevTools' `)]}` guard, which drops
    /// everything up to the first newline.
    private enum PrefixPhase: UInt8 {
        case start, bom1, bom2, afterBOM, guard1, guard2, guardLine, body
    }

    private enum StringRole: UInt8 {
        case key, sourcePath, sourceRoot, content, version, sectionURL, packageName, skip
    }

    private enum ValueRole: Equatable {
        case mapObject(parent: Int?), version, sources, sourcesContent, sourceRoot, sections, sectionObject
        case sectionURL, sourceElement, contentElement, packageName, other
    }

    private enum ContainerRole: UInt8 {
        case map, sources, sourcesContent, sections, section, other
    }

    private struct Container {
        var isObject: Bool
        var role: ContainerRole
        var map: Int
    }

    public let limits: SourceMapTokenizerLimits
    private var state = State.prefix
    private var stack: [Container] = []
    private var maps: [MapBuilder] = []
    private var offset = 0
    private var failure: MapNote?
    private var limitHit: Limit?
    /// Where the limit was crossed (bytes into the map).
    private var limitHitAt: Int?
    private var notes: [MapNote] = []

    private var prefixPhase = PrefixPhase.start

    /// Where the value being skipped (`deepSkip`) ends.
    private var skipped = SkippedValueScanner()

    private var lastKey: [UInt8] = []
    private var stringRole = StringRole.skip
    private var stringMap = 0
    private var text: [UInt8] = []
    private var textOverflow = false
    private var pendingHighSurrogate: UInt32?
    private var hexCount = 0
    private var hexValue: UInt32 = 0
    private var literal: [UInt8] = []
    private var literalOverflow = false
    private var literalRole = ValueRole.other
    private var literalMap = 0

    private var contentLines = 0
    private var contentBytes = 0
    private var contentEndsWithNewline = false
    private var contentHasher = XXH64()
    private var contentSpanStart = 0

    /// `secrets`: the secret scan run over every decoded `sourcesContent` entry (nil: off).
    public init(limits: SourceMapTokenizerLimits = SourceMapTokenizerLimits(), secrets: SecretScanning? = nil) {
        self.init(limits: limits, depth: 0, secrets: secrets)
    }

    /// `depth`: how many `sourcesContent` entries this map is nested in (0 for a member or an inline map in one).
    init(limits: SourceMapTokenizerLimits, depth: Int, secrets: SecretScanning? = nil) {
        self.limits = limits
        self.depth = depth
        self.secrets = secrets
    }

    private let depth: Int
    private let secrets: SecretScanning?
    /// Decodes the current `sourcesContent` entry for the inline-map finder and the secret scan (made at the first one).
    private var entryDecoder: EntryTextDecoder?
    /// Maps found in entries, by the map object and entry index that hold them (names are resolved at `finish`).
    private var nestedPending: [(map: Int, content: Int, found: [NestedMap])] = []
    /// Maps nested in this map's `sourcesContent` entries, at any depth up to the cap (set by `finish`).
    public private(set) var nestedMaps: [NestedMap] = []
    /// Nested maps kept in `nestedPending`; past `maxNestedMapsKept` the rest are not counted (a limit).
    private var nestedKept = 0
    /// Most maps nested in one map's entries kept (and counted), as `SourceMappingURLFinder.maxInlineMapsKept` bounds
    /// inline maps per file.
    public static let maxNestedMapsKept = 10_000
    /// `sources` and `sourcesContent` entries, and `sections`, kept over the whole map (an index map's sections
    /// together): each is bounded by `maxMapEntries`, so no map holds more whatever its shape.
    private var sourcesKept = 0
    private var contentsKept = 0
    private var sectionsKept = 0

    /// True once the input is known not to be a source map, so a caller may stop feeding it. Stored (set after each
    /// chunk) so a caller holding the tokenizer in a class reads one field instead of copying the tokenizer.
    public private(set) var hasGivenUp = false

    /// The root object's `name` string, when it has one (a `package.json` names its package, and its npm scope).
    public private(set) var packageName: String?

    /// True once the root object has a `sources` or `sections` array (set after each chunk).
    public private(set) var isKnownMap = false

    /// True when the top-level JSON value is complete.
    public var isComplete: Bool { state == .done }

    public mutating func consume(_ chunk: UnsafeRawBufferPointer) {
        guard let raw = chunk.baseAddress, !chunk.isEmpty, state != .failed else { return }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let end = chunk.count
        contentSpanStart = 0
        var index = 0
        bytes: while index < end {
            switch state {
            case .string where stringRole == .content || stringRole == .skip:
                if stringRole == .content {
                    if let entryDecoder {
                        let out = entryDecoder.decodingSpace(for: end - index)
                        let (stop, decoded) = skipContent(base, from: index, end: end, decodingInto: out)
                        index = stop
                        entryDecoder.feedDecoded(count: decoded)
                    } else {
                        index = skipContent(base, from: index, end: end, decodingInto: nil).end
                    }
                } else {
                    index = skipUnread(base, from: index, end: end)
                }
                guard index < end else { break }
                if base[index] == UInt8(ascii: "\"") {
                    if stringRole == .content {
                        contentHasher.update(
                            UnsafeRawBufferPointer(start: base + contentSpanStart, count: index - contentSpanStart))
                    }
                    closeString()
                    index += 1
                } else {
                    state = .escape
                    index += 1
                }
            case .failed:
                break bytes
            case .prefix where prefixPhase == .guardLine:
                guard let newline = memchr(base + index, 0x0A, end - index) else {
                    index = end
                    break
                }
                index = UnsafeRawPointer(newline) - raw + 1
                prefixPhase = .body
            case .deepSkip:
                index = skipDeep(base, from: index, end: end)
            case .literal where literalOverflow:
                index = ByteScan.firstLiteralDelimiter(base, from: index, end: end)
                if index < end {
                    step(base[index], at: index)
                    index += 1
                }
            case .value, .key, .colon, .afterValue, .done:
                // Whitespace between tokens is skipped in blocks; a token starts the byte-at-a-time states.
                if ByteScan.isWhitespace(base[index]) {
                    index = ByteScan.firstNonWhitespace(base, from: index, end: end)
                } else {
                    step(base[index], at: index)
                    index += 1
                }
            case .string:
                index = appendPlainText(base, from: index, end: end)
            default:
                step(base[index], at: index)
                index += 1
            }
        }
        if stringRole == .content, state == .string || state == .escape || state == .unicode {
            contentHasher.update(UnsafeRawBufferPointer(start: base + contentSpanStart, count: end - contentSpanStart))
        }
        offset += end
        isKnownMap = maps.first?.isSourceMap ?? false
        hasGivenUp = state == .failed && !isKnownMap
    }

    /// Runs through a skipped value (one the rules do not read, or nested deeper than `maxJSONDepth`); returns where
    /// it stopped (the chunk's end, or just past the bracket that closed the value).
    private mutating func skipDeep(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        guard let closed = skipped.scan(base, from: start, end: end) else { return end }
        endValue()
        return closed
    }

    /// Runs through a `sourcesContent` string up to its closing quote, a `\\u` escape or the chunk's end, counting
    /// decoded bytes and lines in locals; returns where it stopped and how many decoded bytes it wrote to `out`. Whole
    /// 64-byte blocks are classified at once (a bitmask of `"` and `\\`), so the one-character escapes (`\\n` above
    /// all) cost a bit step, not a rescan. With `out` (room for the span and 128 bytes more) the decoded text is written
    /// there in the same walk: each block is copied whole, and again from just past each escape.
    @inline(__always)
    private mutating func skipContent(
        _ base: UnsafePointer<UInt8>, from start: Int, end: Int, decodingInto out: UnsafeMutablePointer<UInt8>?
    ) -> (end: Int, decoded: Int) {
        var run = ContentRun()
        var index = start
        var stopped = false
        blocks: while index &+ 64 <= end {
            var mask = ByteScan.quoteOrBackslashMask(base + index)
            let blockEnd = index &+ 64
            if let out { ByteScan.copy64(from: base + index, to: out + run.decoded) }
            var cursor = index
            while mask != 0 {
                let bit = mask.trailingZeroBitCount
                let position = index &+ bit
                run.plain(position &- cursor)
                guard base[position] == UInt8(ascii: "\\"), position &+ 1 < end, let decoded = run.escape(base[position &+ 1])
                else {
                    index = position
                    stopped = true
                    break blocks
                }
                if let out {
                    out[run.decoded &- 1] = decoded
                    Self.copyRest(from: base + position + 2, count: min(64, end &- position &- 2), to: out + run.decoded)
                }
                cursor = position &+ 2
                mask &= mask &- 1
                mask &= ~(2 &<< UInt64(bit))
            }
            run.plain(max(0, blockEnd &- cursor))
            index = max(cursor, blockEnd)
        }
        if !stopped {
            index = skipContentTail(base, from: index, end: end, run: &run, decodingInto: out)
        }
        contentBytes += run.decoded
        contentLines += run.lines
        contentEndsWithNewline = run.endsWithNewline(before: contentEndsWithNewline)
        if run.decoded > 0 { pendingHighSurrogate = nil }
        return (index, run.decoded)
    }

    /// Copies the up to 64 bytes after an escape that the rest of its block may need (fewer only at a chunk's end).
    @inline(__always)
    private static func copyRest(from source: UnsafePointer<UInt8>, count: Int, to target: UnsafeMutablePointer<UInt8>) {
        if count == 64 {
            ByteScan.copy64(from: source, to: target)
        } else if count > 0 {
            target.update(from: source, count: count)
        }
    }

    /// The last bytes of a chunk (fewer than a block), sixteen at a time.
    @inline(__always)
    private func skipContentTail(
        _ base: UnsafePointer<UInt8>, from start: Int, end: Int, run: inout ContentRun,
        decodingInto out: UnsafeMutablePointer<UInt8>?
    ) -> Int {
        var index = start
        while true {
            let stop = ByteScan.firstQuoteOrBackslash(base, from: index, end: end)
            if let out, stop > index { (out + run.decoded).update(from: base + index, count: stop - index) }
            run.plain(stop - index)
            index = stop
            guard index + 1 < end, base[index] == UInt8(ascii: "\\"), let decoded = run.escape(base[index + 1]) else {
                return index
            }
            if let out { out[run.decoded - 1] = decoded }
            index += 2
        }
    }

    /// Runs through a string whose value is not needed (`mappings`, unknown keys) up to its closing quote, an escape
    /// that needs the byte-at-a-time states, or the chunk's end.
    @inline(__always)
    private func skipUnread(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        while true {
            index = ByteScan.firstQuoteOrBackslash(base, from: index, end: end)
            guard index + 1 < end, base[index] == UInt8(ascii: "\\"), JSONEscape.simple(base[index + 1]) != nil else {
                return index
            }
            index += 2
        }
    }

    /// Ends the input. Returns nil when it was not a source map (a JSON object with a `sources` or `sections` array,
    /// whatever its `version`); otherwise the summary, with notes on anything
    /// malformed or truncated (a broken map that carries source is still a finding).
    public mutating func finish() -> SourceMapSummary? {
        guard let root = maps.first, root.isSourceMap else { return nil }
        var summary = SourceMapSummary(isIndexMap: root.sawSections, limitHit: limitHit, limitHitAt: limitHitAt)
        if let failure {
            summary.notes.append(failure)
        } else if state != .done {
            if stringRole == .content, state == .string || state == .escape || state == .unicode {
                appendContent()
                summary.notes.append(.truncated(byteOffset: offset, insideContent: true))
            } else {
                summary.notes.append(.truncated(byteOffset: offset, insideContent: false))
            }
        }
        for map in maps {
            map.contribute(to: &summary, secrets: secrets)
        }
        nestedMaps = nestedPending.flatMap { pending in
            let entry = maps[pending.map].name(at: pending.content)
            return pending.found.map { $0.held(by: entry) }
        }
        summary.notes += notes
        return summary
    }

    // MARK: - Byte-at-a-time states (structure, escapes, names)

    private mutating func step(_ byte: UInt8, at index: Int) {
        switch state {
        case .prefix: stepPrefix(byte)
        case .value: stepValue(byte, at: index)
        case .string: stepDecodedString(byte)
        case .escape: stepEscape(byte)
        case .unicode: stepUnicode(byte, at: index)
        case .literal: stepLiteral(byte, at: index)
        case .afterValue: stepAfterValue(byte, at: index)
        case .key:
            if isWhitespace(byte) { return }
            if byte == UInt8(ascii: "\"") {
                beginString(.key, map: stack.last?.map ?? 0, at: index)
            } else if byte == UInt8(ascii: "}") {
                closeContainer(byte, at: index)
            } else {
                fail(.expectedKey, at: index)
            }
        case .colon:
            if isWhitespace(byte) { return }
            if byte == UInt8(ascii: ":") { state = .value } else { fail(.expectedColon, at: index) }
        case .done:
            if !isWhitespace(byte) && byte != 0 {
                notes.append(.malformed(byteOffset: offset + index, reason: .trailingData))
                state = .failed
            }
        case .failed, .deepSkip:
            return
        }
    }

    /// A BOM (`EF BB BF`) may start the input; `)]}` may follow it, and then everything up to the first newline is
    /// dropped (DevTools' rule, which covers `)]}'` and `)]}',`); then whitespace and the opening `{`.
    private mutating func stepPrefix(_ byte: UInt8) {
        switch (prefixPhase, byte) {
        case (.start, 0xEF): prefixPhase = .bom1
        case (.bom1, 0xBB): prefixPhase = .bom2
        case (.bom2, 0xBF): prefixPhase = .afterBOM
        case (.start, UInt8(ascii: ")")), (.afterBOM, UInt8(ascii: ")")): prefixPhase = .guard1
        case (.guard1, UInt8(ascii: "]")): prefixPhase = .guard2
        case (.guard2, UInt8(ascii: "}")): prefixPhase = .guardLine
        case (.guardLine, UInt8(ascii: "\n")): prefixPhase = .body
        case (.guardLine, _): return
        case (.start, _), (.afterBOM, _), (.body, _):
            prefixPhase = .body
            if isWhitespace(byte) { return }
            if byte == UInt8(ascii: "{") {
                openContainer(isObject: true, role: .mapObject(parent: nil), at: 0)
            } else {
                state = .failed
            }
        default:
            state = .failed
        }
    }

    private mutating func stepValue(_ byte: UInt8, at index: Int) {
        if isWhitespace(byte) { return }
        let role = currentValueRole()
        switch byte {
        case UInt8(ascii: "{"):
            openContainer(isObject: true, role: role, at: index)
        case UInt8(ascii: "["):
            openContainer(isObject: false, role: role, at: index)
        case UInt8(ascii: "\""):
            let map = stack.last?.map ?? 0
            switch role {
            case .sourceElement: beginString(.sourcePath, map: map, at: index)
            case .contentElement: beginString(.content, map: map, at: index)
            case .sourceRoot: beginString(.sourceRoot, map: map, at: index)
            case .version: beginString(.version, map: map, at: index)
            case .sectionURL: beginString(.sectionURL, map: map, at: index)
            case .packageName: beginString(.packageName, map: map, at: index)
            default: beginString(.skip, map: map, at: index)
            }
        case UInt8(ascii: "]") where stack.last?.isObject == false:
            closeContainer(byte, at: index)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"),
            UInt8(ascii: "n"):
            literal.removeAll(keepingCapacity: true)
            literalOverflow = false
            literal.append(byte)
            literalRole = role
            literalMap = stack.last?.map ?? 0
            state = .literal
        default:
            fail(.unexpectedByte(byte), at: index)
        }
    }

    /// The keys the counting rules read, as bytes (built once, compared against `lastKey`).
    private enum Keys {
        static let version = Array("version".utf8)
        static let sources = Array("sources".utf8)
        static let sourcesContent = Array("sourcesContent".utf8)
        static let sourceRoot = Array("sourceRoot".utf8)
        static let sections = Array("sections".utf8)
        static let map = Array("map".utf8)
        static let url = Array("url".utf8)
        static let name = Array("name".utf8)
    }

    /// What the value about to start means, from the enclosing container and the last key.
    private func currentValueRole() -> ValueRole {
        guard let top = stack.last else { return .mapObject(parent: nil) }
        if !top.isObject {
            switch top.role {
            case .sources: return .sourceElement
            case .sourcesContent: return .contentElement
            case .sections: return .sectionObject
            default: return .other
            }
        }
        switch top.role {
        case .map:
            switch lastKey {
            case Keys.version: return .version
            case Keys.sources: return .sources
            case Keys.sourcesContent: return .sourcesContent
            case Keys.sourceRoot: return .sourceRoot
            case Keys.sections: return .sections
            case Keys.name where stack.count == 1: return .packageName
            default: return .other
            }
        case .section:
            switch lastKey {
            case Keys.map: return .mapObject(parent: top.map)
            case Keys.url: return .sectionURL
            default: return .other
            }
        default:
            return .other
        }
    }

    private mutating func openContainer(isObject: Bool, role: ValueRole, at index: Int) {
        guard stack.count < limits.maxJSONDepth else {
            if limitHit == nil {
                limitHit = .jsonDepth(limits.maxJSONDepth)
                limitHitAt = offset + index
            }
            state = .deepSkip
            skipped = SkippedValueScanner()
            return
        }
        let map = stack.last?.map ?? 0
        var container = Container(isObject: isObject, role: .other, map: map)
        switch role {
        case .mapObject(let parent) where isObject:
            let depth = parent.map { maps[$0].sectionDepth + 1 } ?? 0
            if depth > limits.maxSectionDepth {
                limitHit = .sectionDepth(limits.maxSectionDepth)
            } else {
                maps.append(MapBuilder(sectionDepth: depth))
                container = Container(isObject: true, role: .map, map: maps.count - 1)
            }
        case .sources where !isObject:
            // A repeated key replaces the earlier value, as in JSON.parse.
            if maps[map].sawSources {
                sourcesKept -= maps[map].sources.count
                maps[map].sources.removeAll()
                maps[map].namesGeneration += 1
            }
            maps[map].sawSources = true
            container.role = .sources
        case .sourcesContent where !isObject:
            contentsKept -= maps[map].contents.count
            maps[map].contents.removeAll()
            nestedPending.removeAll { $0.map == map }
            nestedKept = nestedPending.reduce(0) { $0 + $1.found.count }
            container.role = .sourcesContent
        case .sections where !isObject:
            maps[map].sawSections = true
            container.role = .sections
        case .sectionObject where isObject:
            // Past the cap, a section is skipped whole (the limit makes the scan incomplete).
            if admitsEntry(sectionsKept) {
                sectionsKept += 1
                container.role = .section
            }
        case .sourceElement:
            if admitsEntry(sourcesKept) {
                sourcesKept += 1
                maps[map].sources.append(nil)
            }
        case .contentElement:
            if admitsEntry(contentsKept) {
                contentsKept += 1
                maps[map].contents.append(nil)
                notes.append(.contentEntryNotAString(index: maps[map].contents.count - 1))
            }
        default:
            break
        }
        if container.role == .other {
            // Nothing inside a value the counting rules do not read matters but where it ends: brackets are counted
            // (strings respected) in blocks, in constant memory and at any depth, as JSON.parse reads it.
            state = .deepSkip
            skipped = SkippedValueScanner()
            return
        }
        stack.append(container)
        state = isObject ? .key : .value
    }

    private mutating func closeContainer(_ byte: UInt8, at index: Int) {
        guard let top = stack.last, top.isObject == (byte == UInt8(ascii: "}")) else {
            fail(.mismatchedBracket(byte), at: index)
            return
        }
        stack.removeLast()
        endValue()
    }

    private mutating func endValue() {
        state = stack.isEmpty ? .done : .afterValue
    }

    private mutating func stepAfterValue(_ byte: UInt8, at index: Int) {
        if isWhitespace(byte) { return }
        switch byte {
        case UInt8(ascii: ","):
            state = stack.last?.isObject == true ? .key : .value
        case UInt8(ascii: "}"), UInt8(ascii: "]"):
            closeContainer(byte, at: index)
        default:
            fail(.expectedCommaOrClosingBracket, at: index)
        }
    }

    private mutating func stepLiteral(_ byte: UInt8, at index: Int) {
        let isDelimiter =
            isWhitespace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}")
            || byte == UInt8(ascii: "]")
        guard isDelimiter else {
            // Numbers may be any length (JSON.parse reads them); past 64 bytes the rest is skipped in blocks.
            if literal.count >= 64 { literalOverflow = true } else { literal.append(byte) }
            return
        }
        let isNull = !literalOverflow && literal.count == 4 && literal.elementsEqual("null".utf8)
        switch literalRole {
        case .version:
            maps[literalMap].version = literalOverflow ? .other : MapBuilder.Version(literal: literal)
        case .sourceElement:
            if admitsEntry(sourcesKept) {
                sourcesKept += 1
                maps[literalMap].sources.append(nil)
            }
        case .contentElement:
            if admitsEntry(contentsKept) {
                contentsKept += 1
                maps[literalMap].contents.append(nil)
                if !isNull { notes.append(.contentEntryNotAString(index: maps[literalMap].contents.count - 1)) }
            }
        default:
            break
        }
        endValue()
        if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
            closeContainer(byte, at: index)
        } else if byte == UInt8(ascii: ",") {
            stepAfterValue(byte, at: index)
        }
    }

    // MARK: - Strings

    private mutating func beginString(_ role: StringRole, map: Int, at index: Int) {
        stringRole = role
        stringMap = map
        pendingHighSurrogate = nil
        state = .string
        if role == .content {
            contentLines = 0
            contentBytes = 0
            contentEndsWithNewline = false
            contentHasher = XXH64()
            contentSpanStart = index + 1
            // At the nesting cap too: the entries' inline maps are then only detected (they make the map incomplete).
            if entryDecoder == nil {
                entryDecoder = EntryTextDecoder(depth: depth + 1, limits: limits, secrets: secrets)
            }
            entryDecoder?.begin()
        } else if role != .skip {
            text.removeAll(keepingCapacity: true)
            textOverflow = false
        }
    }

    private mutating func closeString() {
        let decoded = String(decoding: text, as: UTF8.self)
        switch stringRole {
        case .key:
            lastKey = text.count <= 32 ? text : []
            state = .colon
            return
        case .content:
            appendContent()
        case .sourcePath:
            if admitsEntry(sourcesKept) {
                sourcesKept += 1
                maps[stringMap].sources.append(MapBuilder.keptName(text))
            }
        case .sourceRoot:
            maps[stringMap].sourceRoot = decoded
            maps[stringMap].namesGeneration += 1
        case .version:
            maps[stringMap].version = decoded == "3" ? .three : .other
        case .sectionURL:
            maps[stringMap].sectionURLs.append(decoded)
        case .packageName:
            packageName = decoded
        case .skip:
            break
        }
        if textOverflow {
            notes.append(.nameTruncated(maxBytes: limits.maxNameBytes))
        }
        stringRole = .skip
        endValue()
    }

    /// True while a `sources` or `sourcesContent` list holds fewer than `maxMapEntries` (memory stays bounded on
    /// hostile maps); past it, entries are not kept and the map reports the limit.
    private mutating func admitsEntry(_ kept: Int) -> Bool {
        if kept < limits.maxMapEntries { return true }
        if limitHit == nil {
            limitHit = .mapEntries(limits.maxMapEntries)
        }
        return false
    }

    private mutating func appendContent() {
        guard admitsEntry(contentsKept) else { return }
        contentsKept += 1
        let lines = contentLines + (contentBytes > 0 && !contentEndsWithNewline ? 1 : 0)
        let digest = ContentDigest(hash: contentHasher.finalize(), escapedLength: contentHasher.byteCount)
        maps[stringMap].contents.append(ContentStats(lines: lines, bytes: contentBytes, digest: digest))
        maps[stringMap].nameEntryEarly(maps[stringMap].contents.count - 1)
        if let found = entryDecoder?.end(), !found.isEmpty {
            let room = Self.maxNestedMapsKept - nestedKept
            if found.count > room {
                if limitHit == nil { limitHit = .nestedMaps(Self.maxNestedMapsKept) }
                entryDecoder?.stopFindingMaps()
            }
            let kept = Array(found.prefix(max(room, 0)))
            nestedKept += kept.count
            if !kept.isEmpty { nestedPending.append((stringMap, maps[stringMap].contents.count - 1, kept)) }
        }
        if let hits = entryDecoder?.secretHits, !hits.isEmpty {
            maps[stringMap].contentSecrets[maps[stringMap].contents.count - 1] = hits
        }
        if entryDecoder?.secretHitsCapped == true { maps[stringMap].entriesPastSecretCap += 1 }
        if let window = entryDecoder?.unconfirmedSecretWindow, limitHit == nil {
            limitHit = .secretMatchLength(window)
        }
        if entryDecoder?.mapsPastDepth ?? 0 > 0, limitHit == nil {
            limitHit = .nestedMapDepth(limits.maxNestedMapDepth)
        }
    }

    /// Runs through the plain bytes of a string whose text is kept (keys, names), appending them up to the name limit
    /// in one step; the quote or backslash that stops the run goes to the byte-at-a-time states.
    private mutating func appendPlainText(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        let stop = ByteScan.firstQuoteOrBackslash(base, from: start, end: end)
        if stop > start {
            flushHighSurrogate()
            let room = limits.maxNameBytes - text.count
            if stop - start > room { textOverflow = true }
            text.append(contentsOf: UnsafeBufferPointer(start: base + start, count: min(room, stop - start)))
        }
        guard stop < end else { return end }
        step(base[stop], at: stop)
        return stop + 1
    }

    /// A byte inside a string whose text is kept (keys, source names, sourceRoot, version, section URLs).
    private mutating func stepDecodedString(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): closeString()
        case UInt8(ascii: "\\"): state = .escape
        default:
            flushHighSurrogate()
            appendText(byte)
        }
    }

    private mutating func stepEscape(_ byte: UInt8) {
        state = .string
        if byte == UInt8(ascii: "u") {
            state = .unicode
            hexCount = 0
            hexValue = 0
            return
        }
        let decoded = JSONEscape.simple(byte) ?? byte
        if stringRole == .content {
            countDecoded(scalar: UInt32(decoded))
        } else if stringRole != .skip {
            flushHighSurrogate()
            appendText(decoded)
        }
    }

    private mutating func stepUnicode(_ byte: UInt8, at index: Int) {
        let digit: UInt32
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
        default:
            fail(.badUnicodeEscape, at: index)
            return
        }
        hexValue = hexValue << 4 | digit
        hexCount += 1
        guard hexCount == 4 else { return }
        state = .string
        if stringRole == .content {
            countDecoded(scalar: hexValue)
        } else if stringRole != .skip {
            appendScalar(hexValue)
        }
    }

    /// Adds one decoded code unit to the current content entry's line and byte counts.
    @inline(__always)
    private mutating func countDecoded(scalar: UInt32) {
        if (0xDC00...0xDFFF).contains(scalar), pendingHighSurrogate != nil {
            entryDecoder?.feedLowSurrogate(scalar)
            contentBytes += 1
            pendingHighSurrogate = nil
            return
        }
        pendingHighSurrogate = (0xD800...0xDBFF).contains(scalar) ? scalar : nil
        entryDecoder?.feedScalar(scalar)
        contentBytes += scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : 3
        contentEndsWithNewline = scalar == 0x0A
        if scalar == 0x0A { contentLines += 1 }
    }

    private mutating func appendScalar(_ scalar: UInt32) {
        if (0xDC00...0xDFFF).contains(scalar), let high = pendingHighSurrogate {
            pendingHighSurrogate = nil
            appendUTF8(0x10000 + ((high - 0xD800) << 10) + (scalar - 0xDC00))
            return
        }
        flushHighSurrogate()
        if (0xD800...0xDBFF).contains(scalar) {
            pendingHighSurrogate = scalar
        } else {
            appendUTF8((0xDC00...0xDFFF).contains(scalar) ? 0xFFFD : scalar)
        }
    }

    private mutating func flushHighSurrogate() {
        if pendingHighSurrogate != nil {
            pendingHighSurrogate = nil
            appendUTF8(0xFFFD)
        }
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        guard let unicode = Unicode.Scalar(scalar) else { return }
        for unit in UTF8.encode(unicode)! {
            appendText(unit)
        }
    }

    private mutating func appendText(_ byte: UInt8) {
        if text.count < limits.maxNameBytes { text.append(byte) } else { textOverflow = true }
    }

    private mutating func fail(_ reason: JSONSyntaxError, at index: Int) {
        failure = .malformed(byteOffset: offset + index, reason: reason)
        state = .failed
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
