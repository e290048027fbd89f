/// Thrown inside a walk when a `ScanLimits` bound is crossed; the artifact stops and the result is incomplete.
struct LimitExceeded: Error {
    var message: String
    var limit: String
}
