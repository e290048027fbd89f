import ArchiveStream
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
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

    func report() -> ArtifactReport {
        ArtifactReport(
            name: name, maps: maps, references: references, notes: notes, diagnostics: diagnostics,
            statistics: statistics)
    }

    func run(_ input: ScanInput) {
        let root = Location([name])
        do {
            let reader: any MemberReader
            let raw: RawNaming
            var isDirectory = false
            switch input {
            case .standardInput:
                reader = try ArchiveReader.open(fileDescriptor: 0)
                raw = RawNaming(name: "<stdin>", plainContent: "standard input is not an archive or a compressed stream")
            case .path(let path):
                var status = stat()
                guard stat(path, &status) == 0 else {
                    let reason = errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno))
                    diagnostics.append(Diagnostic(location: root, message: "cannot open: \(reason)"))
                    return
                }
                if let kind = Self.specialFileKind(status.st_mode) {
                    diagnostics.append(Diagnostic(location: root, message: "refused: a \(kind), not a file or directory; nothing was read from it"))
                    return
                }
                isDirectory = status.st_mode & S_IFMT == S_IFDIR
                let file = path.split(separator: "/").last.map(String.init) ?? path
                let namedLikeContainer = MemberKind.isNestedArchive(file) || MemberKind.hasCompressionSuffix(file)
                raw = RawNaming(
                    name: Self.rawMemberName(for: path),
                    plainContent: namedLikeContainer ? "named like an archive or a compressed file but its content is neither" : nil)
                reader = isDirectory ? try ArchiveReader.openDirectory(path: path) : try MemberReaders.open(path: path, inflateAhead: limits.inflateAhead)
            }
            _ = try walk(reader, under: root, depth: 0, raw: raw)
            // Sizes from `stat` would call /proc files empty: what decides is that no byte came in.
            if !isDirectory, statistics.entries == 0, reader.inputBytes == 0, !reader.isCompressedStream {
                let what = input == .standardInput ? "standard input is empty" : "empty file"
                diagnostics.append(Diagnostic(location: root, message: "\(what) (0 bytes): nothing to scan"))
            }
        } catch let error as ArchiveError {
            diagnostics.append(Diagnostic(location: root, message: "cannot open: \(error.message)"))
        } catch let error as LimitExceeded {
            diagnostics.append(Diagnostic(location: error.location ?? root, message: error.message, limit: error.limit))
        } catch {
            diagnostics.append(Diagnostic(location: root, message: "\(error)"))
        }
    }

    /// FIFOs, sockets and devices are refused before they are opened: reading one may block forever or never end.
    static func specialFileKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFDIR: nil
        case S_IFIFO: "FIFO (named pipe)"
        case S_IFSOCK: "socket"
        case S_IFCHR: "character device"
        case S_IFBLK: "block device"
        default: "special file"
        }
    }

    /// What a single non-archive file is called inside its own report: its name without a compression suffix.
    static func rawMemberName(for path: String) -> String {
        var file = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".gz", ".bz2", ".xz", ".zst", ".lz4", ".Z", ".br", ".brotli", ".lz", ".lzma"]
        where file.hasSuffix(suffix) && file.count > suffix.count {
            file.removeLast(suffix.count)
            break
        }
        return file
    }

    // MARK: - Walking one archive level

    /// How the one member of a raw stream (a file that is no archive, maybe compressed) is named and judged.
    struct RawNaming {
        /// The member's name: the file name without its compression suffix (`cli.js.map.gz` → `cli.js.map`).
        var name: String
        /// For a nested member: its path in the outer level, where its references resolve; nil at the top level.
        var outerPath: String?
        /// When set, plain (uncompressed, non-archive) content is a problem, said in these words.
        var plainContent: String?
    }

    /// A member whose `sourceMappingURL` references are classified once every member of its level is known.
    struct PendingReferences {
        var location: Location
        /// The referring file's path among the members of the level that resolves it.
        var referringPath: String
        var findings: EntryFindings
    }

    /// Walks one level. Returns the references of a nested compressed single file (or of a member named like an
    /// archive that is not one): they resolve among the members of the outer level, against `raw.outerPath`.
    private func walk(_ reader: any MemberReader, under parent: Location, depth: Int, raw: RawNaming) throws -> [PendingReferences] {
        /// Regular members of this level, for classifying references once every member is known.
        var memberPaths: [String] = []
        /// Members with `sourceMappingURL` references, classified once every member of this level is known.
        var pending: [PendingReferences] = []
        var exported: [PendingReferences] = []
        defer {
            classify(pending, under: parent, memberPaths: memberPaths)
            notes += reader.warnings.map { Note(location: parent, message: "\(reader.warningSource) warning: \($0)") }
        }
        while true {
            let info: ArchiveEntryInfo
            do {
                guard let next = try reader.nextEntry() else {
                    drainAfterLastMember(reader, under: parent)
                    return exported
                }
                info = next
            } catch where error.code == .headerFailed {
                diagnostics.append(Diagnostic(location: parent.appending(error.entryPath ?? "?"), message: "unreadable member header: \(error.message)"))
                continue
            } catch {
                diagnostics.append(Diagnostic(location: parent, message: "archive unreadable after \(statistics.entries) members: \(error.message)"))
                return exported
            }
            statistics.entries += 1
            let isRaw = reader.isRawStream
            /// A nested member that turned out to be plain is reported as itself, not as a level below itself.
            let isPlainNested = isRaw && raw.outerPath != nil && !reader.isCompressedStream
            var member = isRaw ? raw.name : info.path
            if member.isEmpty {
                member = "<member \(statistics.entries) without a readable name>"
                notes.append(Note(location: parent.appending(member), message: "the archive gives this member no readable name; scanned under this placeholder"))
            }
            let location = isPlainNested ? parent : parent.appending(member)
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
            if let original = MemberKind.precompressedOriginal(member) { memberPaths.append(original) }
            if info.isEncrypted {
                diagnostics.append(Diagnostic(location: location, message: "encrypted member cannot be read"))
                continue
            }
            let head: MemberHead
            do {
                head = try MemberHead.read(from: reader, declaredSize: info.size) { try countBytes($0, in: location) }
            } catch let error as ArchiveError {
                diagnostics.append(Diagnostic(location: location, message: "member data unreadable: \(error.message)"))
                if error.code == .fatal { return exported }
                continue
            }
            if isRaw {
                if let problem = raw.plainContent, !reader.isCompressedStream {
                    let start = head.withContiguousPrefix { ContentSniffer.excerpt($0) }
                    diagnostics.append(Diagnostic(location: isPlainNested ? location : parent, message: "\(problem) (it starts with \(start)); scanned as one plain file"))
                }
            } else {
                let content = head.withContiguousPrefix(ContentSniffer.classify)
                let brotli = ContentSniffer.isBrotli(name: member)
                if content != nil || brotli || MemberKind.isNestedArchive(member) || MemberKind.hasCompressionSuffix(member) {
                    pending += try openNested(reader, head: head, content: brotli ? nil : content, brotli: brotli, at: location, path: member, depth: depth + 1)
                    continue
                }
            }
            guard let findings = try scanMember(reader, head: head, at: location) else { return exported }
            guard !findings.referenceURLs.isEmpty else { continue }
            if isRaw, let outerPath = raw.outerPath {
                let referringPath = isPlainNested ? outerPath : Self.withoutCompressionSuffix(outerPath)
                exported.append(PendingReferences(location: location, referringPath: referringPath, findings: findings))
            } else {
                pending.append(PendingReferences(location: location, referringPath: member, findings: findings))
            }
        }
    }

    /// `dist/a.js.gz` → `dist/a.js`: the directory kept, the file named as `rawMemberName` names it.
    static func withoutCompressionSuffix(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return rawMemberName(for: path) }
        return String(path[...slash]) + rawMemberName(for: String(path[path.index(after: slash)...]))
    }

    /// Reads the compressed stream to its end so its checksum is verified; damage there still makes the scan incomplete.
    private func drainAfterLastMember(_ reader: any MemberReader, under parent: Location) {
        do {
            try reader.drainInput()
        } catch {
            diagnostics.append(Diagnostic(location: parent, message: "stream damaged after the last member: \(error.message)"))
        }
    }

    /// Streams one member (its head first, already read and counted) into an `EntryScanner`. Returns nil when the
    /// archive itself became unreadable.
    private func scanMember(_ reader: any MemberReader, head: MemberHead, at location: Location) throws -> EntryFindings? {
        progress?.update(artifact: name, entry: location.description, bytesRead: statistics.bytesRead)
        let scanner = EntryScanner(location: location, limits: limits.tokenizer)
        head.forEachBlock { scanner.consume($0) }
        var archiveBroken = false
        do {
            while !head.reachedEnd {
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

    /// Opens a member that is a container or a compressed stream (by content, by name as a fast path, or brotli by
    /// name) and walks it one level down. Returns the references a compressed single file leaves to this level.
    private func openNested(
        _ reader: any MemberReader, head: MemberHead, content: ContentSniffer.Kind?, brotli: Bool, at location: Location,
        path: String, depth: Int
    ) throws -> [PendingReferences] {
        guard depth <= limits.maxDepth else {
            diagnostics.append(
                Diagnostic(
                    location: location,
                    message: "nested archive not opened: depth \(depth) exceeds the limit of \(limits.maxDepth)",
                    limit: "--max-depth"))
            return []
        }
        if let content, !content.isReadable {
            diagnostics.append(Diagnostic(location: location, message: "\(content.rawValue) image: leak-scan cannot read this container; its members were not scanned"))
            return []
        }
        statistics.nestedArchives += 1
        let source = MemberByteSource(outer: reader, head: head) { [self] count throws(ArchiveError) in
            do throws(LimitExceeded) {
                try countBytes(count, in: location)
            } catch {
                limitExceeded = error
                throw ArchiveError(code: .dataFailed, status: 0, message: error.message)
            }
        }
        var exported: [PendingReferences] = []
        let plainContent = content == nil ? "named like an archive or a compressed file but its content is neither" : "its first bytes look like \(content?.rawValue ?? "?") but it does not read as one"
        do {
            let nested: any MemberReader = content == .asar
                ? AsarReader(source: source) : try ArchiveReader.open(member: source, content: content, brotli: brotli)
            let raw = RawNaming(name: Self.rawMemberName(for: path), outerPath: path, plainContent: plainContent)
            exported = try walk(nested, under: location, depth: depth, raw: raw)
        } catch let error as ArchiveError {
            diagnostics.append(Diagnostic(location: location, message: "nested archive unreadable: \(error.message)"))
        }
        if let limitExceeded { throw limitExceeded }
        return exported
    }

    // MARK: - References

    private func classify(_ pending: [PendingReferences], under parent: Location, memberPaths: [String]) {
        guard !pending.isEmpty else { return }
        let resolver = ReferenceResolver(memberPaths: memberPaths)
        for item in pending {
            let findings = item.findings
            let lastOffset = max(findings.referenceURLs.map(\.offset).max() ?? 0, findings.maps.map(\.offset).max() ?? 0)
            for hit in findings.referenceURLs {
                references.append(
                    Reference(
                        location: item.location, url: hit.url, offset: hit.offset,
                        status: resolver.status(of: hit.url, referencedFrom: item.referringPath), isEffective: hit.offset == lastOffset))
            }
        }
    }
}
