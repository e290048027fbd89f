package import LeakScanCore

/// Every sentence leak-scan prints about a finding, problem, note or limit: the model carries values, this is the one
/// place that turns them into English (numbers grouped by `Formatting`), shared by all formats and the CLI.
package enum Wording {
    /// The finding's message, as JSON, SARIF, annotations and Markdown show it.
    /// `showSecrets`: the secret itself instead of a redacted excerpt (`--show-secrets`).
    package static func message(_ finding: Finding, showSecrets: Bool = false) -> String {
        switch finding.subject {
        case .secret(let secret):
            return secretMessage(finding, secret, show: showSecrets)
        case .map(let sources):
            let member =
                Formatting.quoted(finding.location.member) + (finding.inlineOrdinal.map { " (inline map #\($0))" } ?? "")
                + finding.containingEntries.map { " → \(Formatting.quoted($0)) (inline)" }.joined()
            guard let exposed = finding.exposed, exposed.files > 0 else {
                return "\(member) names \(Formatting.count(sources, "source")) without their content"
            }
            return "\(member) exposes \(exposure(exposed, firstParty: finding.firstParty ?? ExposureCount()))"
        case .reference(let url):
            return finding.rule == .remoteMapReference
                ? "sourceMappingURL \(Formatting.quoted(url)) points at a remote map"
                : "sourceMappingURL \(Formatting.quoted(url)) points at a map that is not shipped"
        case .problem(let problem):
            return self.problem(problem)
        }
    }

    /// `4 files / 40 lines of original source (first-party: 3 files / 30 lines)`.
    static func exposure(_ exposed: ExposureCount, firstParty: ExposureCount) -> String {
        "\(Formatting.count(exposed.files, "file")) / \(Formatting.count(exposed.lines, "line")) of original source "
            + "(first-party: \(Formatting.count(firstParty.files, "file")) / \(Formatting.count(firstParty.lines, "line")))"
    }

    package static func problem(_ problem: Diagnostic.Problem) -> String {
        switch problem {
        case .cannotOpen(let reason): "cannot open: \(Formatting.sanitized(reason))"
        case .specialFile(let kind): "refused: a \(kind.rawValue), not a file or directory; nothing was read from it"
        case .emptyInput(let isStandardInput):
            "\(isStandardInput ? "standard input is empty" : "empty file") (0 bytes): nothing to scan"
        case .notWhatItSeems(let expectation, let excerpt):
            "\(self.expectation(expectation)) (it starts with \(excerpt)); scanned as one plain file"
        case .limitCrossed(let limit): self.limit(limit)
        case .unreadableHeader(let reason): "unreadable member header: \(Formatting.sanitized(reason))"
        case .archiveUnreadable(let members, let reason):
            "archive unreadable after \(Formatting.count(members, "member")): \(Formatting.sanitized(reason))"
        case .encryptedMember: "encrypted member cannot be read"
        case .damagedAfterLastMember(let reason): "stream damaged after the last member: \(Formatting.sanitized(reason))"
        case .memberUnreadable(let reason): "member data unreadable: \(Formatting.sanitized(reason))"
        case .nestedArchiveUnreadable(let reason): "nested archive unreadable: \(Formatting.sanitized(reason))"
        case .packFailed(let reason): Formatting.sanitized(reason)
        case .entryDataWithheld(let isLink, let bytes):
            "\(isLink ? "a link" : "a special-file") entry that carries \(Formatting.count(Int(bytes), "byte")), which libarchive does not "
                + "hand out; its consumers may write them as a file"
        case .readersDisagree(let format, let detail): "\(format) readers disagree: \(Formatting.sanitized(detail))"
        }
    }

    static func expectation(_ expectation: Diagnostic.Expectation) -> String {
        switch expectation {
        case .standardInputNotAContainer: "standard input is not an archive or a compressed stream"
        case .namedLikeAContainer: "named like an archive or a compressed file but its content is neither"
        case .looksLike(let format): "its first bytes look like \(format) but it does not read as one"
        }
    }

    /// What a crossed limit stopped, and the flag that raises it.
    package static func limit(_ limit: Limit) -> String {
        let what =
            switch limit {
            case .nestingDepth(let depth): "nested archive not opened: deeper than \(Formatting.count(depth, "level"))"
            case .totalBytes(let bytes):
                "more than \(Formatting.grouped(Int(bytes))) uncompressed bytes; the rest was not scanned"
            case .entries(let entries): "more than \(Formatting.count(entries, "member")); the rest was not scanned"
            case .jsonDepth(let depth): "JSON nesting deeper than \(Formatting.count(depth, "level"))"
            case .mapEntries(let entries):
                "more than \(Formatting.count(entries, "entry", "entries")) in sources, sourcesContent or sections; the rest were not counted"
            case .sectionDepth(let depth):
                "index map nested deeper than \(Formatting.count(depth, "section")); deeper maps not counted"
            case .nestedMaps(let maps):
                "more than \(Formatting.count(maps, "map")) nested in the sourcesContent entries of one map; the rest were not counted"
            case .nestedMapDepth(let depth):
                "an inline map nested more than \(Formatting.count(depth, "level")) deep in sourcesContent entries; not decoded or counted"
            case .distinctSources(let sources):
                "more than \(Formatting.count(sources, "distinct source")) (by path or by content) in one artifact; the rest were counted without de-duplication"
            case .secretMatchLength(let bytes):
                "a secret rule matched more than \(Formatting.count(bytes, "byte")) of an embedded source; that match was not confirmed or reported"
            }
        return what + (limit.flag.map { " (raise with \($0))" } ?? "")
    }

    package static func note(_ kind: Note.Kind) -> String {
        switch kind {
        case .readerWarning(let reader, let warning): "\(reader) warning: \(Formatting.sanitized(warning))"
        case .unnamedMember: "the archive gives this member no readable name; scanned under this placeholder"
        case .namedLikeAMapButNotOne: "named like a source map but is not a JSON source map; not counted"
        case .referenceTooLong(let maxBytes): "sourceMappingURL longer than \(Formatting.grouped(maxBytes)) bytes; not classified"
        case .referencesNotKept(let count):
            "\(Formatting.count(count, "more sourceMappingURL reference")) in this file counted but not kept (the last one is)"
        case .inlineMapsMerged(let count):
            "\(Formatting.count(count, "more inline map")) past the first "
                + "\(Formatting.grouped(SourceMappingURLFinder.maxInlineMapsKept)) in this file, counted together as one "
                + "map here (each distinct source once)"
        case .notesNotKept(let count):
            "\(Formatting.count(count, "more note")) on this file's sourceMappingURL comments counted but not kept "
                + "(the first \(Formatting.grouped(SourceMappingURLFinder.maxNotesKept)) are)"
        case .inlinePayloadNotAMap(let encoding, let bytes, let invalidLength):
            "inline data: URL (\(encoding == .base64 ? "base64" : "percent-encoded"), \(Formatting.count(bytes, "byte"))) "
                + "is not a source map" + (invalidLength ? " (invalid base64 length)" : "")
        }
    }

    package static func mapNote(_ note: MapNote) -> String {
        switch note {
        case .truncated(let offset, let insideContent):
            "truncated at byte \(Formatting.grouped(offset))"
                + (insideContent ? " inside a sourcesContent entry (counted as far as it goes)" : "")
        case .malformed(let offset, let reason): "malformed JSON at byte \(Formatting.grouped(offset)): \(syntax(reason))"
        case .contentEntryNotAString(let index): "sourcesContent entry #\(index) is not a string"
        case .versionAbsent: "the map has no version; read as a map anyway (consumers do not check it)"
        case .versionNotThree: "the map's version is not 3; read as a map anyway (consumers do not check it)"
        case .nameTruncated(let maxBytes): "a name longer than \(Formatting.grouped(maxBytes)) bytes was truncated"
        case .lengthMismatch(let contents, let sources):
            "sourcesContent has \(Formatting.count(contents, "entry", "entries")) but sources has \(Formatting.grouped(sources))"
        case .secretsPastCap(let entries, let kept):
            "\(Formatting.count(entries, "sourcesContent entry", "sourcesContent entries")) held more secrets than are "
                + "listed: the first \(Formatting.grouped(kept)) of each are reported"
        }
    }

    static func syntax(_ error: JSONSyntaxError) -> String {
        switch error {
        case .expectedKey: "expected a key"
        case .expectedColon: "expected ':'"
        case .expectedCommaOrClosingBracket: "expected ',' or a closing bracket"
        case .unexpectedByte(let byte): "unexpected byte 0x\(String(byte, radix: 16)) where a value belongs"
        case .mismatchedBracket(let byte): "mismatched '\(Character(Unicode.Scalar(byte)))'"
        case .badUnicodeEscape: "bad \\u escape"
        case .trailingData: "unexpected data after the JSON value"
        }
    }

    package static func suppression(_ suppression: Finding.Suppression) -> String {
        switch suppression {
        case .allowed(let reason): "allowed: \(reason)"
        case .baseline: "in baseline"
        }
    }

    /// A location as people read it: the chain, quoted when a name holds control characters.
    package static func place(_ location: Location) -> String {
        Formatting.quoted(location.description)
    }

    /// The same with `@offset` inside the member where there is one (inline maps, notes on a position).
    package static func placeAndOffset(_ location: Location) -> String {
        place(location) + (location.byteOffset.map { " @\($0)" } ?? "")
    }

    /// An artifact or file name as people read it.
    package static func name(_ name: String) -> String {
        Formatting.quoted(name)
    }
}
