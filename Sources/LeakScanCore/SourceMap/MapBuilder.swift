/// What the tokenizer has collected for one map object (the root, or an embedded `sections[].map`).
struct MapBuilder {
    /// What `version` said. Consumers (DevTools, Node, the source-map library's JSON path) never check it, so it only
    /// decides a note.
    enum Version: Equatable {
        case absent, three, other

        /// A JSON number literal: 3 in any spelling (`3`, `3.0`, `3e0`, `30e-1`) is version 3.
        init(literal: [UInt8]) {
            self = Double(String(decoding: literal, as: UTF8.self)) == 3 ? .three : .other
        }
    }

    var version = Version.absent
    var sawSources = false
    var sawSections = false
    var sources: [String?] = []
    var sourceRoot: String?
    /// One slot per `sourcesContent` element; nil for `null` (or a non-string element).
    var contents: [ContentStats?] = []
    /// Secrets found in `sourcesContent` entries, by entry index.
    var contentSecrets: [Int: [SecretHit]] = [:]
    /// Entries with more secret candidates than `SecretEntryScanner.maxHitsPerEntry` (the rest not confirmed).
    var entriesPastSecretCap = 0
    var sectionURLs: [String] = []
    /// The normalized name of each content entry, made as the entry closes when its `sources` name is known by then
    /// (bundlers write `sources` first), so that work overlaps inflating instead of waiting for the map's end. An
    /// entry's name counts while `namesGeneration` is the one it was made under.
    private var earlyNames: [(generation: Int, name: String)?] = []
    /// Changed by what changes names: a repeated `sources` key, a `sourceRoot`.
    var namesGeneration = 0
    /// 0 for the root map, one more for each level of `sections` nesting.
    var sectionDepth: Int

    init(sectionDepth: Int) {
        self.sectionDepth = sectionDepth
    }

    /// True when this object satisfies the map definition: a `sources` or `sections` array (any `version`).
    var isSourceMap: Bool { sawSources || sawSections }

    /// Adds this map's exposed and names-only sources to `summary`; `secrets` checks each source's hits against its
    /// path (gitleaks rules and allowlists) when it has such checks.
    func contribute(to summary: inout SourceMapSummary, secrets: SecretScanning? = nil) {
        let checksPaths = secrets?.checksPaths == true
        summary.sourcesCount += sources.count
        summary.sectionURLs += sectionURLs
        for (index, content) in contents.enumerated() {
            guard let content else { continue }
            var source = ExposedSource(path: name(at: index), stats: content)
            source.secrets = contentSecrets[index] ?? []
            if checksPaths, let secrets { source.secrets = secrets.admitted(source.secrets, path: source.path) }
            summary.exposed.append(source)
        }
        for index in sources.indices where sources[index] != nil {
            if index >= contents.count || contents[index] == nil { summary.namesOnly += 1 }
        }
        switch version {
        case .three: break
        case .absent: summary.notes.append(.versionAbsent)
        case .other: summary.notes.append(.versionNotThree)
        }
        if entriesPastSecretCap > 0 {
            summary.notes.append(.secretsPastCap(entries: entriesPastSecretCap, keptPerEntry: SecretEntryScanner.maxHitsPerEntry))
        }
        if sawSources, contents.count > sources.count {
            summary.notes.append(.lengthMismatch(contents: contents.count, sources: sources.count))
        }
    }

    /// Longest source name kept whole. A longer one (a hostile map names 100,000 sources of kilobytes each) is kept as
    /// its first bytes, `…` and a hash of all its bytes: still one name per distinct name for dedup by path, in bounded
    /// memory, and no report shows more of a name than this.
    static let longNameBytes = 192

    /// `bytes` (a decoded `sources` string) as kept: whole, or shortened as `longNameBytes` says.
    static func keptName(_ bytes: [UInt8]) -> String {
        guard bytes.count > longNameBytes else { return String(decoding: bytes, as: UTF8.self) }
        var hasher = XXH64()
        bytes.withUnsafeBytes { hasher.update($0) }
        var cut = longNameBytes - 20
        while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        let hash = String(hasher.finalize(), radix: 16)
        return String(decoding: bytes[..<cut], as: UTF8.self) + "…" + String(repeating: "0", count: 16 - hash.count) + hash
    }

    /// Names content entry `index` now, if its `sources` name is known (see `earlyNames`).
    mutating func nameEntryEarly(_ index: Int) {
        guard index < sources.count, sources[index] != nil else { return }
        if earlyNames.count <= index { earlyNames += repeatElement(nil, count: index + 1 - earlyNames.count) }
        earlyNames[index] = (namesGeneration, name(at: index))
    }

    func name(at index: Int) -> String {
        if index < earlyNames.count, let early = earlyNames[index], early.generation == namesGeneration { return early.name }
        guard index < sources.count, let source = sources[index] else { return "<unnamed #\(index)>" }
        return SourcePath.normalize(source, sourceRoot: sourceRoot)
    }
}
