import ArchiveStream
import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import LeakScanCore

/// The mutable state of scanning one artifact: walks members (recursing into nested archives) and pushes their bytes
/// into `EntryScanner`s. Every problem becomes a `Diagnostic`; nothing is skipped silently.
final class ArtifactWalk {
    private let name: String
    /// Set by the caller (a packed package) or, when nil, from the input in `run`.
    private var origin: ArtifactReport.Origin?
    private let limits: ScanLimits
    /// The maps found so far, their exposed sources dropped once `exposure` and `listing` have taken them.
    private var maps: [MapFinding] = []
    private var exposure: ExposureLedger
    private var listing: ListedSources
    private var references: [Reference] = []
    private var notes: [Note] = []
    private var diagnostics: [Diagnostic] = []
    private var statistics = ScanStatistics()
    private var limitExceeded: LimitExceeded?
    private let progress: (any ScanProgress)?
    private var bytesAtLastProgress: Int64 = 0
    /// Format, size and SHA-256 of the artifact's own bytes.
    private var input = ArtifactInput()
    /// Fed by the top-level byte source as the artifact streams in; nil when no report carries it
    /// (`ScanLimits.hashesInput`), so a text report costs no hashing.
    private let digest: InputDigest?

    /// The secret scan over every decoded `sourcesContent` entry (nil: off).
    private let secrets: SecretScanning?

    init(
        name: String, origin: ArtifactReport.Origin? = nil, limits: ScanLimits, progress: (any ScanProgress)? = nil,
        secrets: SecretScanning? = nil
    ) {
        self.name = name
        self.origin = origin
        self.limits = limits
        digest = limits.hashesInput ? InputDigest() : nil
        listing = ListedSources(limit: limits.listedSources)
        exposure = ExposureLedger(maxDistinct: limits.maxDistinctSources)
        self.progress = progress
        self.secrets = secrets
    }

    /// The npm scope of the artifact's own package (`@acme`), from the `name` in its top-level `package.json`
    /// (`package/package.json` in an npm tarball, `package.json` in a folder). Sources and maps under
    /// `node_modules/@acme/…` are then first-party; maps are attributed once the walk is over, since the manifest may
    /// come after them.
    private var ownScope: String?

    func report() -> ArtifactReport {
        let attributed = ownScope.map { scope in maps.map { $0.attributed(ownScope: scope) } } ?? maps
        return ArtifactReport(
            name: name, origin: origin ?? .standardInput, maps: attributed, exposure: exposure, listing: listing,
            ownScope: ownScope, references: references, notes: notes, diagnostics: diagnostics, statistics: statistics,
            input: input)
    }

    func run(_ input: ScanInput) {
        // The readers (and the inflate thread feeding the digest) are gone once `walkInput` returns.
        walkInput(input)
        completeDigest(of: input)
    }

    /// Hashes what the readers left unread (or read out of order) and records size and digest. A folder has neither;
    /// an input that could not be opened or read to its end has no digest.
    private func completeDigest(of scanInput: ScanInput) {
        guard let digest, let format = input.format, format != "directory" else { return }
        do {
            switch scanInput {
            case .path(let path):
                let file = try RandomAccessFile(path: path)
                try digest.complete(from: file)
                // Files under /proc call themselves empty: what was read decides.
                input.size = max(file.size, digest.hashedBytes)
            case .standardInput where ArchiveReader.isRegularFile(descriptor: 0):
                let file = try RandomAccessFile(adopting: dup(0))
                try digest.complete(from: file)
                input.size = file.size
            case .standardInput:
                // A pipe is read on only when the scan got to its end: after a limit it may never end.
                guard limitExceeded == nil, !diagnostics.contains(where: { $0.limit != nil }),
                    try digest.complete(fromStream: FileByteSource(adopting: dup(0)), limit: limits.maxTotalBytes)
                else { return }
                input.size = digest.hashedBytes
            }
            if digest.hashedBytes == input.size { input.sha256 = digest.hexDigest }
        } catch {
            input.size = nil
        }
    }

    private func walkInput(_ input: ScanInput) {
        let root = Location([name])
        do {
            let reader: any MemberReader
            let raw: RawNaming
            var isDirectory = false
            switch input {
            case .standardInput:
                reader = try MemberReaders.openStandardInput(digest: digest) { [self] count throws(ArchiveError) in
                    try countBytesOrStop(count, in: root)
                }
                raw = RawNaming(name: "<stdin>", plainContent: .standardInputNotAContainer)
            case .path(let path):
                var status = stat()
                guard stat(path, &status) == 0 else {
                    let reason = errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno))
                    diagnostics.append(Diagnostic(location: root, problem: .cannotOpen(reason: reason)))
                    return
                }
                if let kind = Self.specialFileKind(status.st_mode) {
                    diagnostics.append(Diagnostic(location: root, problem: .specialFile(kind: kind)))
                    return
                }
                isDirectory = status.st_mode & S_IFMT == S_IFDIR
                if origin == nil { origin = isDirectory ? .directory(path: path) : .file(path: path) }
                let file = path.split(separator: "/").last.map(String.init) ?? path
                let fileKind = MemberKind(file)
                let namedLikeContainer = fileKind.isNestedArchive || fileKind.hasCompressionSuffix
                raw = RawNaming(
                    name: Self.rawMemberName(for: path), plainContent: namedLikeContainer ? .namedLikeAContainer : nil)
                reader =
                    isDirectory
                    ? try ArchiveReader.openDirectory(path: path)
                    : try MemberReaders.open(path: path, inflateAhead: limits.inflateAhead, digest: digest)
            }
            defer { self.input.format = isDirectory ? "directory" : reader.containerFormat }
            _ = try walk(reader, under: root, depth: 0, raw: raw)
            if let archive = reader as? ArchiveReader, archive.isZip {
                var whole = archive.randomAccessInput
                if whole == nil, case .path(let path) = input { whole = try RandomAccessFile(path: path) }
                if let whole {
                    let check = try ZipDirectoryCheck.run(on: whole)
                    reportZipDisagreements(check, at: root)
                    try walkOutsideTheDirectory(whole, check, under: root, depth: 0, raw: raw)
                }
            }
            // Sizes from `stat` would call /proc files empty: what decides is that no byte came in.
            if !isDirectory, statistics.entries == 0, reader.inputBytes == 0, !reader.isCompressedStream {
                diagnostics.append(Diagnostic(location: root, problem: .emptyInput(isStandardInput: input == .standardInput)))
            }
        } catch let error as ArchiveError {
            if let limitExceeded {
                diagnostics.append(Diagnostic(location: limitExceeded.location, problem: .limitCrossed(limitExceeded.limit)))
            } else {
                diagnostics.append(Diagnostic(location: root, problem: .cannotOpen(reason: error.message)))
            }
        } catch let error as LimitExceeded {
            diagnostics.append(Diagnostic(location: error.location, problem: .limitCrossed(error.limit)))
        } catch {
            diagnostics.append(Diagnostic(location: root, problem: .cannotOpen(reason: String(describing: error))))
        }
    }

    /// FIFOs, sockets and devices are refused before they are opened: reading one may block forever or never end.
    static func specialFileKind(_ mode: mode_t) -> Diagnostic.SpecialFile? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFDIR: nil
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        case S_IFCHR: .characterDevice
        case S_IFBLK: .blockDevice
        default: .other
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
        /// When set, plain (uncompressed, non-archive) content is a problem of this kind.
        var plainContent: Diagnostic.Expectation?
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
    private func walk(
        _ reader: any MemberReader, under parent: Location, depth: Int, raw: RawNaming
    ) throws -> [PendingReferences] {
        /// Regular members of this level, for classifying references once every member is known.
        var memberPaths: [String] = []
        /// Members with `sourceMappingURL` references, classified once every member of this level is known.
        var pending: [PendingReferences] = []
        var exported: [PendingReferences] = []
        let archive = reader as? ArchiveReader
        defer {
            classify(pending, under: parent, memberPaths: memberPaths)
            notes += reader.warnings.map {
                Note(location: parent, kind: .readerWarning(reader: reader.warningSource, message: $0))
            }
        }
        while true {
            let next: ArchiveEntryInfo?
            do {
                next = try reader.nextEntry()
            } catch  where error.code == .headerFailed {
                try rethrowLimitExceeded()
                diagnostics.append(
                    Diagnostic(
                        location: parent.appending(error.entryPath ?? "?"), problem: .unreadableHeader(reason: error.message)))
                continue
            } catch {
                try rethrowLimitExceeded()
                diagnostics.append(
                    Diagnostic(
                        location: parent, problem: .archiveUnreadable(afterMembers: statistics.entries, reason: error.message)))
                return exported
            }
            guard let info = next else {
                try drainAfterLastMember(reader, under: parent)
                if let archive, archive.isTar, let disagreement = archive.nodeTar?.finish() {
                    diagnostics.append(
                        Diagnostic(location: parent, problem: .readersDisagree(format: "tar", detail: disagreement)))
                }
                return exported
            }
            statistics.entries += 1
            let isRaw = reader.isRawStream
            /// A nested member that turned out to be plain is reported as itself, not as a level below itself.
            let isPlainNested = isRaw && raw.outerPath != nil && !reader.isCompressedStream
            var member = isRaw ? raw.name : info.path
            if member.isEmpty {
                member = "<member \(statistics.entries) without a readable name>"
                notes.append(Note(location: parent.appending(member), kind: .unnamedMember))
            }
            let location = isPlainNested ? parent : parent.appending(member)
            if statistics.entries > limits.maxEntries {
                throw LimitExceeded(limit: .entries(limits.maxEntries), location: location)
            }
            switch info.kind {
            case .directory:
                statistics.directories += 1
                continue
            case .symlink where !info.carriesData, .hardlink where !info.carriesData, .other where !info.carriesData:
                // A link without data is not followed; counted in the statistics.
                if info.kind == .other { statistics.otherSkipped += 1 } else { statistics.linksSkipped += 1 }
                continue
            case .symlink, .hardlink, .other, .regular:
                // Links and special entries that carry bytes are read like files: their consumers write those bytes.
                statistics.regularFiles += 1
            }
            if info.kind == .regular, let archive, archive.isTar,
                let disagreement = archive.nodeTar?.matchLibarchiveFile(
                    path: info.path, size: info.size, offset: archive.dataOffset)
            {
                // npm installs what node-tar reads: where it reads another file here, this scan is not what npm writes.
                diagnostics.append(Diagnostic(location: location, problem: .readersDisagree(format: "tar", detail: disagreement)))
            }
            memberPaths.append(member)
            let memberKind = MemberKind(member)
            if let original = memberKind.precompressedOriginal { memberPaths.append(original) }
            if info.isEncrypted {
                diagnostics.append(Diagnostic(location: location, problem: .encryptedMember))
                continue
            }
            if let linkData = info.zipLinkData {
                let findings = scanBytes(linkData, at: location)
                if !findings.referenceURLs.isEmpty {
                    pending.append(PendingReferences(location: location, referringPath: member, findings: findings))
                }
                continue
            }
            let bytesBefore = statistics.bytesRead
            let head: MemberHead
            do {
                head = try MemberHead.read(from: reader, declaredSize: info.size) { try countBytes($0, in: location) }
            } catch let error as ArchiveError {
                try rethrowLimitExceeded()
                diagnostics.append(Diagnostic(location: location, problem: .memberUnreadable(reason: error.message)))
                if error.code == .fatal { return exported }
                continue
            }
            if isRaw {
                if let expectation = raw.plainContent, !reader.isCompressedStream {
                    let start = head.withContiguousPrefix { ContentSniffer.excerpt($0) }
                    diagnostics.append(
                        Diagnostic(
                            location: isPlainNested ? location : parent, problem: .notWhatItSeems(expectation, excerpt: start)))
                }
            } else {
                let content = head.withContiguousPrefix(ContentSniffer.classify)
                let brotli = ContentSniffer.isBrotli(name: member)
                if content != nil || brotli || memberKind.isNestedArchive || memberKind.hasCompressionSuffix {
                    pending += try openNested(
                        reader, head: head, content: brotli ? nil : content, brotli: brotli, at: location, path: member,
                        depth: depth + 1)
                    continue
                }
            }
            guard let findings = try scanMember(reader, head: head, at: location) else { return exported }
            if info.kind != .regular, statistics.bytesRead == bytesBefore, let size = info.size, size > 0 {
                // libarchive hands out no data for a zip entry marked as a device, yet unzip and pip write its bytes.
                diagnostics.append(
                    Diagnostic(location: location, problem: .entryDataWithheld(isLink: info.kind != .other, bytes: size)))
            }
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
    private func drainAfterLastMember(_ reader: any MemberReader, under parent: Location) throws(LimitExceeded) {
        do {
            try reader.drainInput()
        } catch {
            try rethrowLimitExceeded()
            diagnostics.append(Diagnostic(location: parent, problem: .damagedAfterLastMember(reason: error.message)))
        }
    }

    /// Streams one member (its head first, already read and counted) into an `EntryScanner`. Returns nil when the
    /// archive itself became unreadable.
    private func scanMember(_ reader: any MemberReader, head: MemberHead, at location: Location) throws -> EntryFindings? {
        progress?.update(artifact: name, entry: location.description, bytesRead: statistics.bytesRead)
        let scanner = EntryScanner(location: location, limits: limits.tokenizer, secrets: secrets)
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
            try rethrowLimitExceeded()
            diagnostics.append(Diagnostic(location: location, problem: .memberUnreadable(reason: error.message)))
            archiveBroken = error.code == .fatal
        }
        let findings = record(scanner.finish(), at: location)
        return archiveBroken ? nil : findings
    }

    /// Scans bytes the archive handed over whole (a zip link entry's data).
    private func scanBytes(_ bytes: [UInt8], at location: Location) -> EntryFindings {
        statistics.bytesRead += Int64(bytes.count)
        let scanner = EntryScanner(location: location, limits: limits.tokenizer, secrets: secrets)
        bytes.withUnsafeBytes { scanner.consume($0) }
        return record(scanner.finish(), at: location)
    }

    private func record(_ findings: EntryFindings, at location: Location) -> EntryFindings {
        // The cheap test first: this runs for every member, and only a `package.json` has a package name.
        if let scope = findings.packageName?.npmScope, location.chain.count == 2,
            location.member == "package/package.json" || location.member == "package.json"
        {
            ownScope = scope
        }
        for map in findings.maps {
            let overflowed = exposure.overflowed
            exposure.add(map)
            if !overflowed, exposure.overflowed {
                diagnostics.append(
                    Diagnostic(location: map.location, problem: .limitCrossed(.distinctSources(limits.maxDistinctSources))))
            }
            listing.add(map)
            maps.append(map.condensed())
        }
        if !findings.notes.isEmpty { notes += findings.notes }
        for map in findings.maps {
            if let limit = map.summary.limitHit {
                // A map file's own position of the crossing; an inline map keeps the position of its comment.
                let at = map.location.byteOffset == nil ? map.summary.limitHitAt.map { map.location.at(byteOffset: $0) } : nil
                diagnostics.append(Diagnostic(location: at ?? map.location, problem: .limitCrossed(limit)))
            }
        }
        return findings
    }

    private func countBytes(_ count: Int, in location: Location) throws(LimitExceeded) {
        statistics.bytesRead += Int64(count)
        if statistics.bytesRead - bytesAtLastProgress >= 8 << 20, let progress {
            bytesAtLastProgress = statistics.bytesRead
            progress.update(artifact: name, entry: location.description, bytesRead: statistics.bytesRead)
        }
        if statistics.bytesRead > limits.maxTotalBytes {
            throw LimitExceeded(limit: .totalBytes(limits.maxTotalBytes), location: location)
        }
    }

    /// `countBytes` for callbacks that libarchive drives: the limit is kept for the walk to report, libarchive only
    /// learns that reading stopped.
    private func countBytesOrStop(_ count: Int, in location: Location) throws(ArchiveError) {
        do throws(LimitExceeded) {
            try countBytes(count, in: location)
        } catch {
            limitExceeded = error
            throw ArchiveError(code: .dataFailed, status: 0, message: "stopped at a limit")
        }
    }

    /// Opens a member that is a container or a compressed stream (by content, by name as a fast path, or brotli by
    /// name) and walks it one level down. Returns the references a compressed single file leaves to this level.
    private func openNested(
        _ reader: any MemberReader, head: MemberHead, content: ContentSniffer.Kind?, brotli: Bool, at location: Location,
        path: String, depth: Int
    ) throws -> [PendingReferences] {
        guard depth <= limits.maxDepth else {
            diagnostics.append(Diagnostic(location: location, problem: .limitCrossed(.nestingDepth(limits.maxDepth))))
            return []
        }
        statistics.nestedArchives += 1
        let source = MemberByteSource(outer: reader, head: head) { [self] count throws(ArchiveError) in
            try countBytesOrStop(count, in: location)
        }
        var exported: [PendingReferences] = []
        let raw = RawNaming(
            name: Self.rawMemberName(for: path), outerPath: path,
            plainContent: content.map { .looksLike($0.rawValue) } ?? .namedLikeAContainer)
        do {
            let nested: any MemberReader
            if content == .asar {
                nested = AsarReader(source: source)
            } else if content == .squashfs {
                // Held for random access (bounded memory, then an unnamed file); `source` counts its bytes.
                nested = SquashfsReader(input: try RandomAccessSpool.holding(source))
            } else if content == .sevenZip {
                // 7z keeps its index at the end: read with libarchive's seekable reader, as `7zz x` reads it.
                nested = try ArchiveReader.open(randomAccess: try RandomAccessSpool.holding(source))
            } else if !brotli, head.withContiguousPrefix({ Self.needsRandomAccess(path, firstBlock: $0) }) {
                // Zips are read from their central directory, as unzip and pip read them: that needs the end of the
                // member first.
                let spool = try RandomAccessSpool.holding(source)
                let check = try ZipDirectoryCheck.run(on: spool)
                reportZipDisagreements(check, at: location)
                try walkOutsideTheDirectory(spool, check, under: location, depth: depth, raw: raw)
                nested = try ArchiveReader.open(randomAccess: spool)
            } else {
                nested = try ArchiveReader.open(member: source, content: content, brotli: brotli)
            }
            exported = try walk(nested, under: location, depth: depth, raw: raw)
        } catch let error as ArchiveError {
            try rethrowLimitExceeded()
            diagnostics.append(Diagnostic(location: location, problem: .nestedArchiveUnreadable(reason: error.message)))
        }
        return exported
    }

    /// A limit crossed inside a nested member reaches the walk as libarchive's read error; the limit is the one cause
    /// reported (once), not a second "unreadable" diagnostic.
    private func rethrowLimitExceeded() throws(LimitExceeded) {
        if let limitExceeded { throw limitExceeded }
    }
    // MARK: - Zips

    /// Extensions of the zip family: read from the central directory even when their first bytes are a stub.
    private static let zipExtensions = [
        ".zip", ".whl", ".jar", ".war", ".ear", ".aar", ".vsix", ".nupkg", ".crx", ".xpi", ".egg", ".apk", ".ipa", ".pyz",
    ]

    /// True for a member that must be read with random access: named like a zip, or starting like one (local header,
    /// empty-archive end record, spanning marker) or like a CRX extension (`Cr24` header before the zip).
    static func needsRandomAccess(_ member: String, firstBlock: UnsafeRawBufferPointer) -> Bool {
        if firstBlock.count >= 4 {
            let magic = (firstBlock[0], firstBlock[1], firstBlock[2], firstBlock[3])
            if magic == (0x50, 0x4B, 3, 4) || magic == (0x50, 0x4B, 5, 6) || magic == (0x50, 0x4B, 7, 8) { return true }
            if magic == (0x43, 0x72, 0x32, 0x34) { return true }
        }
        let lowered = member.lowercased()
        return zipExtensions.contains { lowered.hasSuffix($0) }
    }

    /// What readers that trust local headers extract beyond the central directory: the zip before the one it
    /// describes (concatenated zips, or members hidden before the archive) and local entries hidden between its
    /// members. unzip and pip skip them, streaming readers extract them, so they are scanned too, under the same
    /// location (the disagreement itself is already reported).
    private func walkOutsideTheDirectory(
        _ input: any RandomAccessInput, _ check: ZipDirectoryCheck, under location: Location, depth: Int, raw: RawNaming
    ) throws {
        if check.zipBefore {
            let before = try ArchiveReader.open(randomAccess: RandomAccessSlice(input, size: check.prependedBytes))
            _ = try walk(before, under: location, depth: depth, raw: raw)
        }
        for hidden in check.hiddenLocalEntries {
            // Streamed, as the readers that extract them read them; an empty end record closes them.
            let entries = try ArchiveReader.open(
                source: RangeByteSource(input, range: hidden, trailer: ZipDirectoryCheck.emptyEndRecord))
            _ = try walk(entries, under: location, depth: depth, raw: raw)
        }
    }

    /// Every disagreement between a zip's central directory and its local headers makes the scan incomplete: readers
    /// that trust one or the other extract different things.
    private func reportZipDisagreements(_ check: ZipDirectoryCheck, at location: Location) {
        for disagreement in check.disagreements {
            let at = disagreement.member.map { location.appending($0) } ?? location
            diagnostics.append(Diagnostic(location: at, problem: .readersDisagree(format: "zip", detail: disagreement.message)))
        }
    }

    // MARK: - References

    private func classify(_ pending: [PendingReferences], under parent: Location, memberPaths: [String]) {
        guard !pending.isEmpty else { return }
        let resolver = ReferenceResolver(memberPaths: memberPaths)
        for item in pending {
            let findings = item.findings
            let lastMap = findings.maps.compactMap(\.location.byteOffset).max() ?? 0
            let lastOffset = max(findings.referenceURLs.map(\.offset).max() ?? 0, lastMap)
            for hit in findings.referenceURLs {
                references.append(
                    Reference(
                        location: item.location.at(byteOffset: hit.offset), url: hit.url,
                        status: resolver.status(of: hit.url, referencedFrom: item.referringPath),
                        isEffective: hit.offset == lastOffset))
            }
        }
    }
}
