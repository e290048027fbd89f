/// A part of an artifact that could not be fully read; any diagnostic makes the artifact's result incomplete. Carries
/// values only: the reporters word it.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public var location: Location
    public var problem: Problem

    /// What went wrong. `reason` strings are the OS's or libarchive's own words, kept as they were at the failure.
    public enum Problem: Hashable, Sendable {
        /// The input could not be opened at all.
        case cannotOpen(reason: String)
        /// A FIFO, socket or device given as an input: refused before it is opened (reading may never end).
        case specialFile(kind: SpecialFile)
        /// An input with no bytes at all: nothing can be claimed about it.
        case emptyInput(isStandardInput: Bool)
        /// Content that is not what its name or first bytes promise; it was scanned as one plain file. `excerpt` is its
        /// first bytes, escaped.
        case notWhatItSeems(Expectation, excerpt: String)
        /// A safety limit stopped part of the scan.
        case limitCrossed(Limit)
        /// A member header could not be read; the walk went on with the next one.
        case unreadableHeader(reason: String)
        /// The archive became unreadable after this many members; the rest of it was not scanned.
        case archiveUnreadable(afterMembers: Int, reason: String)
        case encryptedMember
        /// The compressed stream is damaged after the last member (checksum, trailing garbage).
        case damagedAfterLastMember(reason: String)
        /// A member's data could not be read to its end.
        case memberUnreadable(reason: String)
        /// A member that is an archive could not be opened.
        case nestedArchiveUnreadable(reason: String)
        /// The package manager failed to produce the tarball to scan (`leak-scan pack`).
        case packFailed(reason: String)
        /// A link or special entry that carries this many bytes, which libarchive does not hand out although the
        /// archive's consumers may write them as a file.
        case entryDataWithheld(isLink: Bool, bytes: Int64)
        /// The archive's consumer would read it otherwise than libarchive does (node-tar for tar, unzip/pip for zip):
        /// what this scan saw is not what the consumer extracts. `detail` is the reader layer's description.
        case readersDisagree(format: String, detail: String)
    }

    /// The kinds of special files refused as inputs.
    public enum SpecialFile: String, Hashable, Sendable {
        case fifo = "FIFO (named pipe)"
        case socket
        case characterDevice = "character device"
        case blockDevice = "block device"
        case other = "special file"
    }

    /// What an input or member was expected to be.
    public enum Expectation: Hashable, Sendable {
        /// Standard input should be an archive or a compressed stream.
        case standardInputNotAContainer
        /// The name says archive or compressed file.
        case namedLikeAContainer
        /// The first bytes look like this format.
        case looksLike(String)
    }

    public init(location: Location, problem: Problem) {
        self.location = location
        self.problem = problem
    }

    /// The limit crossed, when a limit is the cause.
    public var limit: Limit? {
        if case .limitCrossed(let limit) = problem { return limit }
        return nil
    }

    /// By location, then by problem (a stable order independent of wording).
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return String(describing: lhs.problem) < String(describing: rhs.problem)
    }
}
