/// What the tokenizer has collected for one map object (the root, or an embedded `sections[].map`).
struct MapBuilder {
    var isVersion3 = false
    var sawSources = false
    var sawSections = false
    var sources: [String?] = []
    var sourceRoot: String?
    /// One slot per `sourcesContent` element; nil for `null` (or a non-string element).
    var contents: [ContentStats?] = []
    var sectionURLs: [String] = []
    /// 0 for the root map, one more for each level of `sections` nesting.
    var sectionDepth: Int

    init(sectionDepth: Int) {
        self.sectionDepth = sectionDepth
    }

    /// True when this object satisfies the map definition: version 3 and a `sources` or `sections` list.
    var isSourceMap: Bool { isVersion3 && (sawSources || sawSections) }

    /// Adds this map's exposed and names-only sources to `summary`.
    func contribute(to summary: inout SourceMapSummary) {
        summary.sourcesCount += sources.count
        summary.sectionURLs += sectionURLs
        for (index, content) in contents.enumerated() {
            guard let content else { continue }
            summary.exposed.append(ExposedSource(path: name(at: index), stats: content))
        }
        for index in sources.indices where sources[index] != nil {
            if index >= contents.count || contents[index] == nil { summary.namesOnly += 1 }
        }
        if sawSources, contents.count > sources.count {
            summary.notes.append(.lengthMismatch(contents: contents.count, sources: sources.count))
        }
    }

    private func name(at index: Int) -> String {
        guard index < sources.count, let source = sources[index] else { return "<unnamed #\(index)>" }
        return SourcePath.normalize(source, sourceRoot: sourceRoot)
    }
}
