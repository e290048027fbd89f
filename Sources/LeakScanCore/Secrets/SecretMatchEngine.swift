/// A multi-pattern matcher over decoded text, made once per rule set and shared by every scan thread. Engines
/// report candidate windows; `SecretEntryScanner` confirms each with a capturing pass and owns the coordinates.
public protocol SecretMatchEngine: Sendable {
    /// What the reports name as the engine (`vectorscan`, `swift-anchors`).
    var name: String { get }
    /// A stream for one thread: fed one entry after another, never shared.
    func makeStream() -> any SecretMatchStream
    /// Set when this engine stands in for a faster one that could not run: reports say so.
    var fallback: SecretEngineFallback? { get }
}

/// Why the secret scan runs on the slower pure-Swift engine.
public enum SecretEngineFallback: Hashable, Sendable {
    /// The CPU lacks what Vectorscan needs (SSE4.2 on x86-64).
    case unsupportedCPU
    /// Vectorscan rejected a rule (its id, or nil for the whole set) with this message.
    case ruleRejected(rule: String?, message: String)
    /// This build has no Vectorscan.
    case notBuiltIn
}

/// One engine's state over one entry at a time. Offsets are bytes from the start of the current entry's decoded text.
public protocol SecretMatchStream: AnyObject {
    /// True when every report is a whole match of its rule ending at `to` (Vectorscan), not a candidate around an
    /// anchor: a report the capturing pass cannot confirm then is a match longer than the window it was given.
    var reportsWholeMatches: Bool { get }
    /// Starts a new entry.
    func reset()
    /// Scans the next piece of the entry, which starts at `offset`; reports each candidate as a rule index and the
    /// byte range that holds the whole match (`to` may lie past the piece: the window completes with later pieces).
    func scan(_ piece: UnsafeRawBufferPointer, at offset: Int, report: (_ rule: Int, _ from: Int, _ to: Int) -> Void)
    /// Ends the entry: reports the matches only its end completes (a pattern ending in `\b` or `$`).
    func finish(report: (_ rule: Int, _ from: Int, _ to: Int) -> Void)
}
