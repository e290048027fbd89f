/// The push seam between the archive layer and the detectors: `init` per member, `consume` per chunk, `finish` once.
///
/// Every member is offered to the source-map tokenizer (content decides what is a map) and to the `sourceMappingURL`
/// finder, whatever its name (templates render `<script>`, bundles have odd names); a member that starts with a UTF-16
/// BOM is transcoded to UTF-8 for both, as browsers sniff scripts (a map saved as UTF-16 is a map). The finder stops once the member is known to be a JSON
/// map (comments inside its `sourcesContent` belong to the entries, not to the map). A member that starts like a
/// WebAssembly module is also read for its `sourceMappingURL` section. Detectors that have given up are
/// no longer fed. A class with plain (not
/// optional) detector fields: one is made per member, and the detectors are mutated in place, never copied.
public final class EntryScanner {
    public let location: Location
    private var tokenizer: SourceMapTokenizer
    private var finder: SourceMappingURLFinder
    private var isTokenizing = true
    private var isSearchingURLs = true
    /// Set from the first two bytes: nil until they are seen, then whether the member is UTF-16 (and its order).
    private var sniffed = false
    private var firstByte: UInt8?
    private var utf16: UTF16Transcoder?
    /// Set when the first two bytes are `\0a` (a WebAssembly module's first two).
    private var wasm: WasmSourceMapSection?

    /// `secrets`: the secret scan over every decoded `sourcesContent` entry (nil turns it off).
    public init(
        location: Location, limits: SourceMapTokenizerLimits = SourceMapTokenizerLimits(), secrets: SecretScanning? = nil
    ) {
        self.location = location
        tokenizer = SourceMapTokenizer(limits: limits, secrets: secrets)
        finder = SourceMappingURLFinder(limits: limits, secrets: secrets)
    }

    public func consume(_ chunk: UnsafeRawBufferPointer) {
        guard isTokenizing || isSearchingURLs || wasm != nil, !chunk.isEmpty else { return }
        if !sniffed {
            sniff(chunk)
            if !sniffed { return }
        }
        wasm?.consume(chunk)
        guard isTokenizing || isSearchingURLs else { return }
        if utf16 != nil {
            utf16!.transcode(chunk)
            utf16!.output.withUnsafeBytes { feed($0) }
        } else {
            feed(chunk)
        }
    }

    /// Text (the member's bytes, or their UTF-8 transcoding) to the detectors still reading.
    private func feed(_ text: UnsafeRawBufferPointer) {
        if isTokenizing {
            tokenizer.consume(text)
            isTokenizing = !tokenizer.hasGivenUp
            if tokenizer.isKnownMap { isSearchingURLs = false }
        }
        if isSearchingURLs { finder.consume(text) }
    }

    /// Looks for a UTF-16 BOM in the first two bytes (which may arrive in two chunks).
    private func sniff(_ chunk: UnsafeRawBufferPointer) {
        let first = firstByte ?? chunk[0]
        let second = firstByte == nil ? (chunk.count > 1 ? chunk[1] : nil) : chunk[0]
        guard let second else {
            firstByte = first
            return
        }
        sniffed = true
        if first == WasmSourceMapSection.magic[0], second == WasmSourceMapSection.magic[1] {
            wasm = WasmSourceMapSection(limits: finder.limits, secrets: finder.secrets)
            if let firstByte { withUnsafeBytes(of: firstByte) { wasm!.consume($0) } }
        }
        guard let isBigEndian = UTF16Transcoder.byteOrder(of: first, second) else {
            if let firstByte { withUnsafeBytes(of: firstByte) { feed($0) } }
            return
        }
        var transcoder = UTF16Transcoder(isBigEndian: isBigEndian)
        if let firstByte { withUnsafeBytes(of: firstByte) { transcoder.transcode($0) } }
        utf16 = transcoder
    }

    public func finish() -> EntryFindings {
        if !sniffed, let firstByte {
            sniffed = true
            withUnsafeBytes(of: firstByte) { feed($0) }
        }
        if utf16 != nil, isTokenizing || isSearchingURLs {
            utf16!.finish()
            utf16!.output.withUnsafeBytes { feed($0) }
        }
        var findings = EntryFindings()
        if isTokenizing, let summary = tokenizer.finish() {
            findings.maps.append(
                MapFinding(location: location, kind: summary.isIndexMap ? .index : .file, summary: summary)
                    .attributed(ownScope: nil))
            findings.referenceURLs += summary.sectionURLs.map { SourceMappingURLFinder.URLHit(url: $0, offset: 0) }
            findings.maps += tokenizer.nestedMaps.map(nestedFinding)
        } else {
            if isTokenizing, tokenizer.isComplete { findings.packageName = tokenizer.packageName }
            if location.member.hasSuffix(".map") {
                findings.notes.append(Note(location: location, kind: .namedLikeAMapButNotOne))
            }
        }
        if isSearchingURLs, findings.maps.isEmpty {
            finder.finish()
            for (index, inline) in finder.inlineMaps.enumerated() {
                findings.maps.append(
                    MapFinding(
                        location: location.at(byteOffset: inline.offset), kind: .inline, inlineOrdinal: index + 1,
                        summary: inline.summary
                    ).attributed(ownScope: nil))
            }
            // Most members find nothing: appending empty arrays is not free, and this runs for every member.
            if !finder.nestedMaps.isEmpty { findings.maps += finder.nestedMaps.map(nestedFinding) }
            if !finder.urls.isEmpty { findings.referenceURLs += finder.urls }
            if !finder.notes.isEmpty {
                findings.notes += finder.notes.map { Note(location: location.at(byteOffset: $0.byteOffset), kind: $0.kind) }
            }
        }
        if let wasm { addSection(of: wasm, to: &findings) }
        return findings
    }

    /// What a WebAssembly module's `sourceMappingURL` section holds: an inline map (numbered after the inline maps of
    /// comments in the same bytes) or a reference.
    private func addSection(of wasm: WasmSourceMapSection, to findings: inout EntryFindings) {
        wasm.finish()
        let ordinals = findings.maps.count { $0.kind == .inline }
        for (index, inline) in wasm.inlineMaps.enumerated() {
            findings.maps.append(
                MapFinding(
                    location: location.at(byteOffset: inline.offset), kind: .inline, inlineOrdinal: ordinals + index + 1,
                    summary: inline.summary
                ).attributed(ownScope: nil))
        }
        findings.maps += wasm.nestedMaps.map(nestedFinding)
        findings.referenceURLs += wasm.urls
        findings.notes += wasm.notes.map { Note(location: location.at(byteOffset: $0.byteOffset), kind: $0.kind) }
    }

    /// A map found inside a `sourcesContent` entry: located at its host inline map when there is one; its identity is
    /// the chain of entries that hold it (see `Fingerprint`).
    private func nestedFinding(_ nested: NestedMap) -> MapFinding {
        let host = nested.hostOffset > 0 ? location.at(byteOffset: nested.hostOffset) : location
        var finding = MapFinding(location: host, kind: .nested, summary: nested.summary).attributed(ownScope: nil)
        finding.containingEntries = nested.entries
        return finding
    }
}
