extension MapFinding {
    /// True when the map's location or one of its sources could be attributed differently from the path-only rule
    /// (`ExposedSource.init(path:stats:)`): the map sits under `node_modules/`, or an own scope is known and named.
    func needsAttribution(ownScope: String?) -> Bool {
        if Self.contains(location.member, "node_modules/") { return true }
        guard let ownScope else { return false }
        return ownScopeShift(ownScope) != nil
    }

    /// Byte-wise substring test: `String.contains(_:)` goes through Unicode-aware searching, ~25,000 instructions a
    /// call, and this runs for every map.
    private static func contains(_ text: String, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard let first = pattern.first else { return true }
            let bytes = text.utf8
            var start = bytes.startIndex
            while let hit = bytes[start...].firstIndex(of: first) {
                if bytes[hit...].starts(with: pattern) { return true }
                start = bytes.index(after: hit)
            }
            return false
        }
    }

    /// The same finding with every exposed source attributed by `SourcePath.isFirstParty(_:mapMember:ownScope:)`; a
    /// condensed finding (its sources dropped) has its totals moved by what the own scope makes first-party.
    public func attributed(ownScope: String?) -> MapFinding {
        guard needsAttribution(ownScope: ownScope) else { return self }
        if summary.exposed.isEmpty {
            guard let ownScope, let shift = ownScopeShift(ownScope) else { return self }
            return shifted(firstParty: shift)
        }
        var summary = summary
        summary.exposed = summary.exposed.map { source in
            ExposedSource(
                path: source.path, stats: source.stats,
                isFirstParty: SourcePath.isFirstParty(source.path, mapMember: location.member, ownScope: ownScope))
        }
        var finding = MapFinding(location: location, kind: kind, inlineOrdinal: inlineOrdinal, summary: summary)
        finding.containingEntries = containingEntries
        return finding
    }
}

extension String {
    /// The scope of an npm package name (`@acme` of `@acme/cli`), or nil for an unscoped name.
    public var npmScope: String? {
        guard hasPrefix("@"), let slash = firstIndex(of: "/"), slash > index(after: startIndex) else { return nil }
        return String(self[..<slash])
    }
}
