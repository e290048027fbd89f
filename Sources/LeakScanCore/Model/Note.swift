/// Something worth knowing that does not make the scan incomplete (an undecodable inline payload, an odd member).
/// Carries values only: the reporters word it. Notes about one map's content live on its `SourceMapSummary`.
public struct Note: Hashable, Sendable, Comparable {
    public var location: Location
    public var kind: Kind

    public enum Kind: Hashable, Sendable {
        /// The container reader (libarchive, the asar reader) read the archive but warned, in its own words.
        case readerWarning(reader: String, message: String)
        /// The archive gives the member no readable name; it was scanned under a placeholder.
        case unnamedMember
        /// A `.map` member that is not a JSON source map; not counted.
        case namedLikeAMapButNotOne
        /// A `sourceMappingURL` value longer than the finder keeps; not classified.
        case referenceTooLong(maxBytes: Int)
        /// More `sourceMappingURL` references than are kept per file: these were counted, not listed (the last one,
        /// the effective one, always is).
        case referencesNotKept(count: Int)
        /// More inline maps in one file than are kept as findings of their own: these were all decoded and counted
        /// together in one more finding (each distinct source once).
        case inlineMapsMerged(count: Int)
        /// More notes on one file's comments (payloads that are not maps, references too long) than are kept: these
        /// were counted, not listed.
        case notesNotKept(count: Int)
        /// An inline `data:` URL whose payload is not a source map.
        case inlinePayloadNotAMap(encoding: InlineEncoding, payloadBytes: Int, invalidBase64Length: Bool)
    }

    /// How an inline map's payload is encoded.
    public enum InlineEncoding: String, Hashable, Sendable {
        case base64, percent
    }

    public init(location: Location, kind: Kind) {
        self.location = location
        self.kind = kind
    }

    /// By location, then by kind (a stable order independent of wording).
    public static func < (lhs: Note, rhs: Note) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return String(describing: lhs.kind) < String(describing: rhs.kind)
    }
}
