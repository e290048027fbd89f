/// The one-word answer for an artifact, and for a whole run.
public enum Verdict: String, Sendable, Codable, Comparable {
    /// Nothing exposed and everything read.
    case clean = "CLEAN"
    /// Only lower-severity findings (third-party content, names only, dangling or remote references).
    case warn = "WARN"
    /// Part of the input could not be read and nothing leaked in what was read.
    case incomplete = "INCOMPLETE"
    /// First-party source is exposed (the scan may also be incomplete).
    case leak = "LEAK"

    private var rank: Int {
        switch self {
        case .clean: 0
        case .warn: 1
        case .incomplete: 2
        case .leak: 3
        }
    }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }

    /// Exit status: 1 for a leak (even when incomplete), 2 when incomplete, else 0.
    public var exitCode: Int32 {
        switch self {
        case .leak: 1
        case .incomplete: 2
        case .clean, .warn: 0
        }
    }
}
