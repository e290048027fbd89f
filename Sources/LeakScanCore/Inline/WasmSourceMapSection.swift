/// Reads a WebAssembly module's `sourceMappingURL` custom section as the module streams. A module holds no comments:
/// V8 and SpiderMonkey take its source map URL from this section (id 0, name `sourceMappingURL`, then the URL as a
/// length-prefixed string, kept verbatim), and DevTools loads a `data:` URL there like a script's inline map.
///
/// Written by hand because no library here reads wasm and only this one section matters: the reader walks the section
/// headers and skips every other section's bytes, so memory is a few bytes plus the decoder of one inline map. A module
/// that is not wasm or whose framing breaks is left alone (no engine compiles it). V8 keeps the first such section: every
/// one's `data:` map is counted here, so no engine's choice can hold a map that goes uncounted, but only the first is the
/// module's reference (a later one is never what V8 loads, so it is neither present nor dangling).
final class WasmSourceMapSection {
    /// `\0asm` and version 1: the first bytes of every module engines load.
    static let magic: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
    private static let sectionName = Array("sourceMappingURL".utf8)
    private static let maxURLBytes = 2048

    private enum State {
        case magic(matched: Int)
        case sectionID
        case sectionSize(id: UInt8)
        case skippingSection
        case nameLength
        case name(matched: Int)
        case urlLength
        /// The URL's first bytes, up to five: `data:` (any case) or a reference.
        case urlScheme
        case reference
        case mediaType
        case payload
        case skippingURL
        /// Not a module, or its framing broke.
        case done
    }

    private let limits: SourceMapTokenizerLimits
    private let secrets: SecretScanning?
    private var state = State.magic(matched: 0)
    /// Offset of the next byte in the member.
    private var position = 0
    private var varint = UnsignedLEB128()
    /// Bytes left in the section being read (after its size field).
    private var sectionRemaining = 0
    private var urlRemaining = 0
    private var urlOffset = 0
    private var value: [UInt8] = []
    private var decoder: InlineMapDecoder?
    /// Sections whose URL string was read (empty or not): only the first one's URL is the module's reference.
    private var sectionsWithURL = 0
    private var collector: InlineMapCollector

    /// The first section's URL when it is not `data:` (at most one).
    private(set) var urls: [SourceMappingURLFinder.URLHit] = []
    private(set) var notes: [(byteOffset: Int, kind: Note.Kind)] = []
    private var droppedNotes = 0
    var inlineMaps: [(offset: Int, summary: SourceMapSummary)] { collector.inlineMaps }
    var nestedMaps: [NestedMap] { collector.nestedMaps }

    init(limits: SourceMapTokenizerLimits, secrets: SecretScanning?) {
        self.limits = limits
        self.secrets = secrets
        collector = InlineMapCollector(maxEntries: limits.maxMapEntries)
    }

    func consume(_ chunk: UnsafeRawBufferPointer) {
        guard let raw = chunk.baseAddress else { return }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let start = position
        var index = 0
        while index < chunk.count {
            position = start + index
            switch state {
            case .done:
                position = start + chunk.count
                return
            case .skippingSection:
                let run = min(sectionRemaining, chunk.count - index)
                index += run
                sectionRemaining -= run
                if sectionRemaining == 0 { state = .sectionID }
            case .skippingURL:
                let run = min(urlRemaining, chunk.count - index)
                takeURLBytes(run)
                index += run
                if urlRemaining == 0 { endURL() }
            case .payload:
                let end = index + min(urlRemaining, chunk.count - index)
                let stop = decoder!.feed(base, from: index, count: end)
                takeURLBytes(stop - index)
                index = stop
                if stop < end {
                    addDecodedMap()
                    state = .skippingURL
                } else if urlRemaining == 0 {
                    endURL()
                }
            default:
                consumeByte(base[index])
                index += 1
            }
        }
        position = start + chunk.count
    }

    /// Ends the member: a `data:` payload cut off by its end is counted as it stands (no engine compiles a truncated
    /// module, but counting what a consumer cannot read only errs on the safe side), and maps merged past the cap become
    /// a finding.
    func finish() {
        if case .payload = state { addDecodedMap() }
        state = .done
        if droppedNotes > 0 { notes.append((position, .notesNotKept(count: droppedNotes))) }
        if let merged = collector.finish() { notes.append(merged) }
    }

    private func takeURLBytes(_ count: Int) {
        urlRemaining -= count
        sectionRemaining -= count
    }

    private func consumeByte(_ byte: UInt8) {
        switch state {
        case .magic(let matched):
            guard byte == Self.magic[matched] else {
                state = .done
                return
            }
            state = matched + 1 == Self.magic.count ? .sectionID : .magic(matched: matched + 1)
        case .sectionID:
            varint = UnsignedLEB128()
            state = .sectionSize(id: byte)
        case .sectionSize(let id):
            guard let size = readVarint(byte) else { return }
            sectionRemaining = size
            if size == 0 {
                state = .sectionID
            } else if id == 0 {
                varint = UnsignedLEB128()
                state = .nameLength
            } else {
                state = .skippingSection
            }
        case .nameLength:
            sectionRemaining -= 1
            guard let length = readVarint(byte) else { return endFieldIfSectionEnded() }
            state = length == Self.sectionName.count && sectionRemaining >= length ? .name(matched: 0) : .skippingSection
            endFieldIfSectionEnded()
        case .name(let matched):
            sectionRemaining -= 1
            if byte != Self.sectionName[matched] {
                state = .skippingSection
            } else if matched + 1 == Self.sectionName.count {
                varint = UnsignedLEB128()
                state = .urlLength
            } else {
                state = .name(matched: matched + 1)
            }
            endFieldIfSectionEnded()
        case .urlLength:
            sectionRemaining -= 1
            guard let length = readVarint(byte) else { return endFieldIfSectionEnded() }
            if length > sectionRemaining {
                state = .skippingSection
            } else {
                // An empty URL is still the one V8 keeps: a later section's is not the module's reference then.
                sectionsWithURL += 1
                urlRemaining = length
                urlOffset = position + 1
                value.removeAll(keepingCapacity: true)
                state = length == 0 ? .skippingSection : .urlScheme
            }
            endFieldIfSectionEnded()
        case .urlScheme:
            value.append(byte)
            takeURLBytes(1)
            if value.count == 5 {
                if SourceMappingURLFinder.isDataScheme(value) {
                    value.removeAll(keepingCapacity: true)
                    state = .mediaType
                } else {
                    state = .reference
                }
            }
            if urlRemaining == 0 { endURL() }
        case .reference:
            value.append(byte)
            takeURLBytes(1)
            if value.count > Self.maxURLBytes {
                keepNote(urlOffset, .referenceTooLong(maxBytes: Self.maxURLBytes))
                state = .skippingURL
            }
            if urlRemaining == 0 { endURL() }
        case .mediaType:
            takeURLBytes(1)
            if byte == UInt8(ascii: ",") {
                decoder = InlineMapDecoder(
                    encoding: SourceMappingURLFinder.declaresBase64(value) ? .base64 : .percent, offset: urlOffset,
                    limits: limits, secrets: secrets, endsAtWhitespace: false)
                state = .payload
            } else {
                if value.count == SourceMappingURLFinder.mediaTypeTail { value.removeFirst() }
                value.append(byte)
            }
            if urlRemaining == 0 { endURL() }
        case .skippingSection, .skippingURL, .payload, .done:
            break
        }
    }

    /// Feeds one byte of a LEB128 field; the value once it is complete. An overlong field breaks the framing.
    private func readVarint(_ byte: UInt8) -> Int? {
        switch varint.feed(byte) {
        case .needsMore: return nil
        case .overlong:
            state = .done
            return nil
        case .value(let value): return value
        }
    }

    /// A custom section's field that ran to the section's end: the section is over, the next byte starts another.
    private func endFieldIfSectionEnded() {
        guard sectionRemaining <= 0 else { return }
        switch state {
        case .done: break
        default: state = .sectionID
        }
    }

    /// The URL's last byte was read: record a reference or the decoded map, then skip the rest of the section.
    private func endURL() {
        switch state {
        case .urlScheme, .reference:
            if sectionsWithURL == 1 {
                urls.append(SourceMappingURLFinder.URLHit(url: String(decoding: value, as: UTF8.self), offset: urlOffset))
            }
        case .payload:
            addDecodedMap()
        default:
            break
        }
        state = sectionRemaining > 0 ? .skippingSection : .sectionID
    }

    private func addDecodedMap() {
        guard decoder != nil else { return }
        if let note = collector.add(&decoder!) { keepNote(note.byteOffset, note.kind) }
        decoder = nil
    }

    /// Notes past the finder's cap are counted, as the finder counts them, and said in one more note by `finish`.
    private func keepNote(_ offset: Int, _ kind: Note.Kind) {
        if notes.count < SourceMappingURLFinder.maxNotesKept { notes.append((offset, kind)) } else { droppedNotes += 1 }
    }
}

/// An unsigned LEB128 number of at most 32 bits (wasm's `varuint32`), fed one byte at a time.
struct UnsignedLEB128 {
    private var value = 0
    private var shift = 0

    enum Step {
        case needsMore
        case value(Int)
        /// More than five bytes, or bits past the 32nd: V8 rejects the module.
        case overlong
    }

    mutating func feed(_ byte: UInt8) -> Step {
        guard shift < 35, shift < 28 || byte & 0x70 == 0 else { return .overlong }
        value |= Int(byte & 0x7F) << shift
        shift += 7
        return byte & 0x80 == 0 ? .value(value) : .needsMore
    }
}
