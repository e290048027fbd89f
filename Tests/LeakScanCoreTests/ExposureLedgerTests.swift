import LeakScanCore
import TestSupport
import Testing

/// Totals aggregated as each map is found (`ExposureLedger`, `ListedSources`, condensed `MapFinding`s) against the
/// counting rules computed the direct way over every source of every map: path strings, each instance attributed
/// with the artifact's own scope, the last map to name a path deciding its party.
@Suite struct ExposureLedgerTests {
    struct Source {
        var path: String
        var lines: Int
        var bytes: Int
        var hash: UInt64
    }

    struct GeneratedMap {
        var location: Location
        var sources: [Source]
    }

    static let members = [
        "package/dist/a.js.map", "package/dist/b.js.map", "package/node_modules/@acme/ui/dist/c.js.map",
        "package/node_modules/lodash/d.js.map", "package/node_modules/@other/k/e.js.map",
    ]

    static func generate(_ random: inout SeededGenerator, maps: Int) -> [GeneratedMap] {
        let paths =
            (0..<12).map { "src/part\($0 % 3)/f\($0).ts" } + (0..<6).map { "node_modules/@acme/ui/u\($0).js" }
            + (0..<6).map { "node_modules/lodash/l\($0).js" } + (0..<4).map { "node_modules/@other/k/o\($0).js" }
            + ["top.ts", "src/x.ts?loader", "css-loader!node_modules/@acme/ui/s.css"]
        return (0..<maps).map { _ in
            let member = members[Int(random.next() % UInt64(members.count))]
            let offset: Int? = random.next() % 3 == 0 ? Int(random.next() % 500) : nil
            let count = Int(random.next() % 9)
            let sources = (0..<count).map { _ in
                let lines = Int(random.next() % 20)
                return Source(
                    path: paths[Int(random.next() % UInt64(paths.count))], lines: lines,
                    bytes: lines * 7 + Int(random.next() % 5),
                    hash: random.next() % 24)
            }
            return GeneratedMap(location: Location(["pkg.tgz", member], byteOffset: offset), sources: sources)
        }
    }

    /// The finding as `EntryScanner` makes it: sources attributed by path and by the map's place.
    static func finding(_ map: GeneratedMap) -> MapFinding {
        let exposed = map.sources.map {
            ExposedSource(
                path: $0.path,
                stats: ContentStats(
                    lines: $0.lines, bytes: $0.bytes, digest: ContentDigest(hash: $0.hash, escapedLength: UInt64($0.bytes))))
        }
        let summary = SourceMapSummary(sourcesCount: exposed.count + 1, exposed: exposed)
        return MapFinding(location: map.location, kind: .file, summary: summary).attributed(ownScope: nil)
    }

    /// The counting rules over every source, directly.
    static func expectedTotals(_ maps: [GeneratedMap], ownScope: String?) -> ExposureTotals {
        var totals = ExposureTotals()
        var byPath: [String: (lines: Int, bytes: Int, firstParty: Bool)] = [:]
        var byContent: [UInt64: (lines: Int, bytes: Int)] = [:]
        for map in maps {
            totals.maps += 1
            if map.sources.isEmpty { totals.namesOnlyMaps += 1 } else { totals.mapsWithContent += 1 }
            for source in map.sources {
                totals.raw.files += 1
                totals.raw.lines += source.lines
                totals.raw.bytes += source.bytes
                let firstParty = SourcePath.isFirstParty(source.path, mapMember: map.location.member, ownScope: ownScope)
                let kept = byPath[source.path]
                byPath[source.path] = (
                    max(kept?.lines ?? 0, source.lines), max(kept?.bytes ?? 0, source.bytes), firstParty
                )
                // The content key is hash and escaped length (here the byte count).
                let contentKey = source.hash << 32 | UInt64(source.bytes)
                let content = byContent[contentKey]
                byContent[contentKey] = (max(content?.lines ?? 0, source.lines), max(content?.bytes ?? 0, source.bytes))
            }
        }
        for (lines, bytes, firstParty) in byPath.values {
            add(&totals.uniqueByPath, lines, bytes)
            if firstParty { add(&totals.firstParty, lines, bytes) } else { add(&totals.thirdParty, lines, bytes) }
        }
        for (lines, bytes) in byContent.values { add(&totals.uniqueByContent, lines, bytes) }
        return totals
    }

    static func add(_ count: inout ExposureCount, _ lines: Int, _ bytes: Int) {
        count.files += 1
        count.lines += lines
        count.bytes += bytes
    }

    /// Every source listed in report order (maps by location, found order among equals), parties decided.
    static func expectedListing(_ maps: [GeneratedMap], ownScope: String?) -> [ListedSources.Entry] {
        let ordered = maps.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
        return ordered.flatMap { _, map in
            map.sources.map {
                ListedSources.Entry(
                    map: map.location, path: $0.path,
                    firstParty: SourcePath.isFirstParty($0.path, mapMember: map.location.member, ownScope: ownScope),
                    lines: $0.lines, bytes: $0.bytes)
            }
        }
    }

    /// What a walk builds: each map counted and offered to the listing as found, then kept condensed.
    static func walkReport(
        _ maps: [GeneratedMap], ownScope: String?, listed: Int, maxDistinct: Int = .max
    ) -> ArtifactReport {
        var ledger = ExposureLedger(maxDistinct: maxDistinct)
        var listing = ListedSources(limit: listed)
        var condensed: [MapFinding] = []
        for map in maps.map(finding) {
            ledger.add(map)
            listing.add(map)
            condensed.append(map.condensed())
        }
        return ArtifactReport(
            name: "pkg.tgz", origin: .file(path: "pkg.tgz"),
            maps: condensed.map { $0.attributed(ownScope: ownScope) }, exposure: ledger, listing: listing,
            ownScope: ownScope, references: [], notes: [], diagnostics: [], statistics: ScanStatistics())
    }

    @Test func totalsAggregatedAsMapsAreFoundEqualTheCountingRulesOverEverySource() {
        var random = SeededGenerator(seed: 0x1ED6E2)
        for round in 0..<300 {
            let maps = Self.generate(&random, maps: 1 + Int(random.next() % 12))
            for ownScope in [nil, "@acme", "@other"] {
                let report = Self.walkReport(maps, ownScope: ownScope, listed: 10_000)
                #expect(report.totals == Self.expectedTotals(maps, ownScope: ownScope), "round \(round) \(ownScope ?? "-")")
                #expect(report.listedSources == Self.expectedListing(maps, ownScope: ownScope), "round \(round)")
            }
        }
    }

    /// Past `maxDistinct` paths (or contents) a source that would be a new record is counted without de-duplication, in
    /// its own party; one already kept is still widened. Totals follow that rule exactly, at every cap and own scope.
    @Test func sourcesPastTheDistinctCapAreCountedWithoutDeduplication() {
        var random = SeededGenerator(seed: 0xCA9)
        for round in 0..<200 {
            let maps = Self.generate(&random, maps: 1 + Int(random.next() % 12))
            for (cap, ownScope) in [1, 2, 5, 12].flatMap({ cap in [nil, "@acme"].map { (cap, $0) } }) {
                var expected = ExposureTotals()
                var paths: [String: (lines: Int, bytes: Int, firstParty: Bool)] = [:]
                var contents: [UInt64: (lines: Int, bytes: Int)] = [:]
                var overflowed = false
                for map in maps {
                    expected.maps += 1
                    if map.sources.isEmpty { expected.namesOnlyMaps += 1 } else { expected.mapsWithContent += 1 }
                    for source in map.sources {
                        Self.add(&expected.raw, source.lines, source.bytes)
                        let firstParty = SourcePath.isFirstParty(source.path, mapMember: map.location.member, ownScope: ownScope)
                        if let kept = paths[source.path] {
                            paths[source.path] = (max(kept.lines, source.lines), max(kept.bytes, source.bytes), firstParty)
                        } else if paths.count < cap {
                            paths[source.path] = (source.lines, source.bytes, firstParty)
                        } else {
                            overflowed = true
                            Self.add(&expected.uniqueByPath, source.lines, source.bytes)
                            if firstParty {
                                Self.add(&expected.firstParty, source.lines, source.bytes)
                            } else {
                                Self.add(&expected.thirdParty, source.lines, source.bytes)
                            }
                        }
                        let key = source.hash << 32 | UInt64(source.bytes)
                        if let kept = contents[key] {
                            contents[key] = (max(kept.lines, source.lines), max(kept.bytes, source.bytes))
                        } else if contents.count < cap {
                            contents[key] = (source.lines, source.bytes)
                        } else {
                            overflowed = true
                            Self.add(&expected.uniqueByContent, source.lines, source.bytes)
                        }
                    }
                }
                for (lines, bytes, firstParty) in paths.values {
                    Self.add(&expected.uniqueByPath, lines, bytes)
                    if firstParty {
                        Self.add(&expected.firstParty, lines, bytes)
                    } else {
                        Self.add(&expected.thirdParty, lines, bytes)
                    }
                }
                for (lines, bytes) in contents.values { Self.add(&expected.uniqueByContent, lines, bytes) }
                let report = Self.walkReport(maps, ownScope: ownScope, listed: 0, maxDistinct: cap)
                #expect(report.totals == expected, "round \(round) cap \(cap) \(ownScope ?? "-")")
                #expect(ExposureLedger(maxDistinct: cap).overflowed == false)
                var ledger = ExposureLedger(maxDistinct: cap)
                for map in maps { ledger.add(Self.finding(map)) }
                #expect(ledger.overflowed == overflowed, "round \(round) cap \(cap)")
            }
        }
    }

    /// Past 4,096 distinct paths or contents a ledger's tables are split into shards: totals stay those of the counting
    /// rules on both sides of the split, and ledgers compare by their records.
    @Test func totalsHoldAcrossTheTablesSplit() {
        var random = SeededGenerator(seed: 0x5A4D)
        let maps = (0..<3).map { map in
            GeneratedMap(
                location: Location(["pkg.tgz", "package/dist/m\(map).js.map"]),
                sources: (0..<3_000).map { index in
                    let file = index + map * 1_500
                    let lines = Int(random.next() % 50)
                    return Source(
                        path: "src/d\(file % 7)/f\(file).ts", lines: lines, bytes: lines * 9 + 1, hash: random.next() % 5_000)
                })
        }
        let report = Self.walkReport(maps, ownScope: nil, listed: 10)
        let expected = Self.expectedTotals(maps, ownScope: nil)
        #expect(expected.uniqueByPath.files == 6_000)
        #expect(report.totals == expected)
        #expect(ExposureLedger(maps: maps.map(Self.finding)) == ExposureLedger(maps: maps.map(Self.finding)))
        #expect(ExposureLedger(maps: maps.map(Self.finding)) != ExposureLedger(maps: maps.dropLast().map(Self.finding)))
    }

    /// A condensed finding attributed once the own scope is known has the totals of the finding attributed with all its
    /// sources.
    @Test func condensedFindingsAreAttributedLikeWholeOnes() {
        var random = SeededGenerator(seed: 0xC0DE)
        for _ in 0..<300 {
            let map = Self.generate(&random, maps: 1)[0]
            for ownScope in [nil, "@acme", "@other"] {
                let whole = Self.finding(map).attributed(ownScope: ownScope)
                let condensed = Self.finding(map).condensed().attributed(ownScope: ownScope)
                #expect(condensed.totals == whole.totals)
                #expect(condensed.totals == Self.expectedTotals([map], ownScope: ownScope))
                #expect(condensed.exposesContent == !map.sources.isEmpty)
            }
        }
    }

    /// The listing keeps the first sources in report order whatever order maps arrive in, and counts the rest.
    @Test func listingKeepsTheFirstSourcesInReportOrderAtEveryLimit() {
        var random = SeededGenerator(seed: 0x11570)
        for _ in 0..<100 {
            let maps = Self.generate(&random, maps: 1 + Int(random.next() % 10))
            let all = Self.expectedListing(maps, ownScope: "@acme")
            for limit in [0, 1, 2, 3, 5, 8, 13, all.count, all.count + 1] {
                let report = Self.walkReport(maps, ownScope: "@acme", listed: limit)
                #expect(report.listedSources == Array(all.prefix(limit)), "limit \(limit)")
                #expect(report.totals.raw.files == all.count)
            }
        }
    }

    /// Top directories: distinct first-party paths by their first two directory levels, largest first.
    @Test func directoriesGroupDistinctFirstPartyPaths() {
        let maps = [
            GeneratedMap(
                location: Location(["pkg.tgz", "package/dist/a.js.map"]),
                sources: [
                    Source(path: "src/part0/a.ts", lines: 10, bytes: 70, hash: 1),
                    Source(path: "src/part0/deep/b.ts", lines: 5, bytes: 35, hash: 2),
                    Source(path: "src/part1/c.ts", lines: 30, bytes: 210, hash: 3),
                    Source(path: "top.ts", lines: 2, bytes: 14, hash: 4),
                    Source(path: "node_modules/@acme/ui/u.js", lines: 100, bytes: 700, hash: 5),
                ]),
            GeneratedMap(
                location: Location(["pkg.tgz", "package/dist/b.js.map"]),
                sources: [Source(path: "src/part0/a.ts", lines: 12, bytes: 80, hash: 6)]),
        ]
        let plain = Self.walkReport(maps, ownScope: nil, listed: 0)
        #expect(
            plain.directories == [
                DirectoryExposure(directory: "src/part1/", count: ExposureCount(files: 1, lines: 30, bytes: 210)),
                DirectoryExposure(directory: "src/part0/", count: ExposureCount(files: 2, lines: 17, bytes: 115)),
                DirectoryExposure(directory: "./", count: ExposureCount(files: 1, lines: 2, bytes: 14)),
            ])
        let scoped = Self.walkReport(maps, ownScope: "@acme", listed: 0)
        #expect(
            scoped.directories.first
                == DirectoryExposure(directory: "node_modules/@acme/", count: ExposureCount(files: 1, lines: 100, bytes: 700)))
        #expect(scoped.totals.firstParty == ExposureCount(files: 5, lines: 149, bytes: 1_039))
    }

    /// Totals over several artifacts de-duplicate across them, each artifact's parties decided by its own scope.
    @Test func scanTotalsSpanArtifacts() {
        var random = SeededGenerator(seed: 0xA27)
        for _ in 0..<100 {
            let first = Self.generate(&random, maps: 1 + Int(random.next() % 6))
            let second = Self.generate(&random, maps: 1 + Int(random.next() % 6))
            let report = ScanReport(artifacts: [
                Self.walkReport(first, ownScope: nil, listed: 0), Self.walkReport(second, ownScope: nil, listed: 0),
            ])
            #expect(report.totals == Self.expectedTotals(first + second, ownScope: nil))
        }
    }
}
