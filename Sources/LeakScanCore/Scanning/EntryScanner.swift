/// The push seam between the archive layer and the detectors: `init` per member, `consume` per chunk, `finish` once.
///
/// Every member is offered to the source-map tokenizer (content decides what is a map); scripts and stylesheets also
/// go through the `sourceMappingURL` finder. Detectors that have given up are no longer fed. A class with plain (not
/// optional) detector fields: one is made per member, and the detectors are mutated in place, never copied.
public final class EntryScanner {
    public let location: Location
    private var tokenizer: SourceMapTokenizer
    private var finder: SourceMappingURLFinder
    private var isTokenizing = true
    private let isSearchingURLs: Bool

    public init(location: Location, limits: SourceMapTokenizerLimits = SourceMapTokenizerLimits()) {
        self.location = location
        tokenizer = SourceMapTokenizer(limits: limits)
        finder = SourceMappingURLFinder(limits: limits)
        isSearchingURLs = MemberKind.mayCarrySourceMappingURL(location.member)
    }

    public func consume(_ chunk: UnsafeRawBufferPointer) {
        if isTokenizing {
            tokenizer.consume(chunk)
            isTokenizing = !tokenizer.hasGivenUp
        }
        if isSearchingURLs { finder.consume(chunk) }
    }

    public func finish() -> EntryFindings {
        var findings = EntryFindings()
        if isTokenizing, let summary = tokenizer.finish() {
            findings.maps.append(
                MapFinding(location: location, kind: summary.isIndexMap ? .index : .file, offset: 0, summary: summary))
            findings.referenceURLs += summary.sectionURLs.map { SourceMappingURLFinder.URLHit(url: $0, offset: 0) }
        } else if location.member.hasSuffix(".map") {
            findings.notes.append("named like a source map but is not one (no JSON object with a sources or sections array); not counted")
        }
        if isSearchingURLs {
            finder.finish()
            for inline in finder.inlineMaps {
                findings.maps.append(MapFinding(location: location, kind: .inline, offset: inline.offset, summary: inline.summary))
            }
            findings.referenceURLs += finder.urls
            findings.notes += finder.notes
        }
        return findings
    }
}
