import LeakScanCore

/// Thrown inside a walk when a `ScanLimits` bound is crossed; the artifact stops and the result is incomplete.
struct LimitExceeded: Error {
    var message: String
    var limit: String
    /// The member being read when the limit was crossed, when there was one.
    var location: Location?
}
