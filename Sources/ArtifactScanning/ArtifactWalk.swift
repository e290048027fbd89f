import ArchiveStream
import FoundationEssentials
import LeakScanCore

/// The mutable state of scanning one artifact: walks members (recursing into nested archives) and pushes their bytes
/// into `EntryScanner`s. Every problem becomes a `Diagnostic`; nothing is skipped silently.
final class ArtifactWalk {
    private let name: String
    private let limits: ScanLimits
    private var maps: [MapFinding] = []
    private var references: [Reference] = []
    private var notes: [Note] = []
    private var diagnostics: [Diagnostic] = []
    private var statistics = ScanStatistics()
    private var limitExceeded: LimitExceeded?
    private let progress: (any ScanProgress)?
    private var bytesAtLastProgress: Int64 = 0

    init(name: String, limits: ScanLimits, progress: (any ScanProgress)? = nil) {
        self.name = name
        self.limits = limits
        self.progress = progress
    }

    /// The npm scope of the artifact's own package (`@acme`), from the `name` in its top-level `package.json`
    /// (`package/package.json` in an npm tarball, `package.json` in a folder). Sources and maps under
    /// `node_modules/@acme/…` are then first-party; maps are attributed once the walk is over, since the manifest may
    /// come after them.
    private var ownScope: String?

    func report() -> ArtifactReport {
        let attributed = ownScope.map { scope in maps.map { $0.attributed(ownScope: scope) } } ?? maps
        return ArtifactReport(
            name: name, maps: attributed, references: references, notes: notes, diagnostics: diagnostics,
            statistics: statistics)
    }

    func run(_ input: ScanInput) {
        let root = Location([name])
        do {
            let reader: ArchiveReader
            var rawName = "<stdin>"
            switch input {
            case .standardInput:
                reader = try ArchiveReader.open(fileDescriptor: 0)
            case .path(let path):
                var isDirectory = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    diagnostics.append(Diagnostic(location: root, message: "cannot open: no such file or directory"))
                    return
                }
                rawName = Self.rawMemberName(for: path)
                reader = isDirectory ? try ArchiveReader.openDirectory(path: path) : try ArchiveReader.open(path: path, inflateAhead: limits.inflateAhead)
            }
            try walk(reader, under: root, depth: 0, rawName: rawName)
        } catch let error as ArchiveError {
            diagnostics.append(Diagnostic(location: root, message: "cannot open: \(error.message)"))
        } catch let error as LimitExceeded {
            diagnostics.append(Diagnostic(location: error.location ?? root, message: error.message, limit: error.limit))
        } catch {
            diagnostics.append(Diagnostic(location: root, message: "\(error)"))
        }
    }

    /// What a single non-archive file is called inside its own report: its name without a compression suffix.
    static func rawMemberName(for path: String) -> String {
        var file = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".gz", ".bz2", ".xz", ".zst", ".lz4", ".Z"] where file.hasSuffix(suffix) && file.count > suffix.count {
            file.removeLast(suffix.count)
        }
        return file
    }

    // MARK: - Walking one archive level

    private func walk(_ reader: ArchiveReader, under parent: Location, depth: Int, rawName: String) throws {
        /// Regular members of this level, for classifying references once every member is known.
        var memberPaths: [String] = []
        /// Members with `sourceMappingURL` references, classified once every member of this level is known.
        var pending: [(member: String, findings: EntryFindings)] = []
        defer {
            classify(pending, under: parent, memberPaths: memberPaths)
            notes += reader.warnings.map { Note(location: parent, message: "libarchive warning: \($0)") }
        }
        while true {
            let info: ArchiveEntryInfo
            do {
                guard let next = try reader.nextEntry() else {
                    drainAfterLastMember(reader, under: parent)
                    return
                }
                info = next
            } catch where error.code == .headerFailed {
                diagnostics.append(Diagnostic(location: parent.appending(error.entryPath ?? "?"), message: "unreadable member header: \(error.message)"))
                continue
            } catch {
                diagnostics.append(Diagnostic(location: parent, message: "archive unreadable after \(statistics.entries) members: \(error.message)"))
                return
            }
            statistics.entries += 1
            var member = reader.isRawStream ? rawName : info.path
            if member.isEmpty {
                member = "<member \(statistics.entries) without a readable name>"
                notes.append(Note(location: parent.appending(member), message: "the archive gives this member no readable name; scanned under this placeholder"))
            }
            let location = parent.appending(member)
            if statistics.entries > limits.maxEntries {
                throw LimitExceeded(
                    message: "more than \(limits.maxEntries) members; the rest was not scanned", limit: "--max-entries",
                    location: location)
            }
            switch info.kind {
            case .directory:
                statistics.directories += 1
                continue
            case .symlink, .hardlink:
                statistics.linksSkipped += 1
                continue
            case .other:
                statistics.otherSkipped += 1
                continue
            case .regular:
                statistics.regularFiles += 1
            }
            memberPaths.append(member)
            if info.isEncrypted {
                diagnostics.append(Diagnostic(location: location, message: "encrypted member cannot be read"))
                continue
            }
            if MemberKind.isNestedArchive(member), !reader.isRawStream {
                try openNested(reader, at: location, depth: depth + 1)
                continue
            }
            guard let findings = try scanMember(reader, at: location) else { return }
            if !findings.referenceURLs.isEmpty { pending.append((member, findings)) }
        }
    }

    /// Reads the compressed stream to its end so its checksum is verified; damage there still makes the scan incomplete.
    private func drainAfterLastMember(_ reader: ArchiveReader, under parent: Location) {
        do {
            try reader.drainInput()
        } catch {
            diagnostics.append(Diagnostic(location: parent, message: "stream damaged after the last member: \(error.message)"))
        }
    }

    /// Streams one member into an `EntryScanner`. Returns nil when the archive itself became unreadable.
    private func scanMember(_ reader: ArchiveReader, at location: Location) throws -> EntryFindings? {
        progress?.update(artifact: name, entry: location.description, bytesRead: statistics.bytesRead)
        let scanner = EntryScanner(location: location, limits: limits.tokenizer)
        var archiveBroken = false
        do {
            while true {
                let block = try reader.readBlock()
                if block.isEmpty { break }
                try countBytes(block.count, in: location)
                scanner.consume(block)
            }
        } catch let error as ArchiveError {
            diagnostics.append(Diagnostic(location: location, message: "member data unreadable: \(error.message)"))
            archiveBroken = error.code == .fatal
        }
        let findings = scanner.finish()
        if location.chain.count == 2, location.member == "package/package.json" || location.member == "package.json",
            let scope = findings.packageName?.npmScope
        {
            ownScope = scope
        }
        maps += findings.maps
        notes += findings.notes.map { Note(location: location, message: $0) }
        for map in findings.maps {
            notes += map.summary.notes.map { Note(location: location, message: $0) }
            if let limit = map.summary.limitHit {
                diagnostics.append(Diagnostic(location: location, message: limit.message, limit: limit.flag))
            }
        }
        return archiveBroken ? nil : findings
    }

    private func countBytes(_ count: Int, in location: Location) throws(LimitExceeded) {
        statistics.bytesRead += Int64(count)
        if let progress, statistics.bytesRead - bytesAtLastProgress >= 8 << 20 {
            bytesAtLastProgress = statistics.bytesRead
            progress.update(artifact: name, entry: location.description, bytesRead: statistics.bytesRead)
        }
        if statistics.bytesRead > limits.maxTotalBytes {
            throw LimitExceeded(
                message: "more than \(limits.maxTotalBytes) uncompressed bytes; the rest was not scanned",
                limit: "--max-bytes", location: location)
        }
    }

    private func openNested(_ reader: ArchiveReader, at location: Location, depth: Int) throws {
        guard depth <= limits.maxDepth else {
            diagnostics.append(
                Diagnostic(
                    location: location,
                    message: "nested archive not opened: depth \(depth) exceeds the limit of \(limits.maxDepth)",
                    limit: "--max-depth"))
            return
        }
        statistics.nestedArchives += 1
        let source = MemberByteSource(outer: reader) { [self] count throws(ArchiveError) in
            do throws(LimitExceeded) {
                try countBytes(count, in: location)
            } catch {
                limitExceeded = error
                throw ArchiveError(code: .dataFailed, status: 0, message: error.message)
            }
        }
        do {
            let nested = try ArchiveReader.open(member: source)
            try walk(nested, under: location, depth: depth, rawName: Self.rawMemberName(for: location.member))
        } catch let error as ArchiveError {
            diagnostics.append(Diagnostic(location: location, message: "nested archive unreadable: \(error.message)"))
        }
        if let limitExceeded { throw limitExceeded }
    }

    // MARK: - References

    private func classify(_ pending: [(member: String, findings: EntryFindings)], under parent: Location, memberPaths: [String]) {
        guard !pending.isEmpty else { return }
        let resolver = ReferenceResolver(memberPaths: memberPaths)
        for (member, findings) in pending {
            let lastOffset = max(findings.referenceURLs.map(\.offset).max() ?? 0, findings.maps.map(\.offset).max() ?? 0)
            for hit in findings.referenceURLs {
                references.append(
                    Reference(
                        location: parent.appending(member), url: hit.url, offset: hit.offset,
                        status: resolver.status(of: hit.url, referencedFrom: member), isEffective: hit.offset == lastOffset))
            }
        }
    }
}
