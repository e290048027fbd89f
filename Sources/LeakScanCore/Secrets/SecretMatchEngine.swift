/// A multi-pattern matcher over decoded text, made once per rule set and shared by every scan thread. Engines
/// report candidate windows; `SecretEntryScanner` confirms each with a capturing pass and owns the coordinates.
public protocol SecretMatchEngine: Sendable {
    /// What the reports name as the engine (`vectorscan`, `swift-anchors`).
    var name: String { get }
    /// A stream for one thread: fed one entry after another, never shared.
    func makeStream() -> any SecretMatchStream
}

/// One engine's state over one entry at a time. Offsets are bytes from the start of the current entry's decoded text.
public protocol SecretMatchStream: AnyObject {
    /// Starts a new entry.
    func reset()
    /// Scans the next piece of the entry, which starts at `offset`; reports each candidate as a rule index and the
    /// byte range that holds the whole match (`to` may lie past the piece: the window completes with later pieces).
    func scan(_ piece: UnsafeRawBufferPointer, at offset: Int, report: (_ rule: Int, _ from: Int, _ to: Int) -> Void)
}
