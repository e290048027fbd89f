import LeakScanCore

/// Thrown inside a walk when a `ScanLimits` bound is crossed; the artifact stops and the result is incomplete.
struct LimitExceeded: Error {
    var limit: Limit
    /// The member being read when the limit was crossed.
    var location: Location
}
