/// Receives progress of long scans (for a progress line on a terminal); called from scanning threads. Class-bound:
/// the walk checks for one at every member and block, and a class existential is one reference to copy.
public protocol ScanProgress: AnyObject, Sendable {
    /// The walk reached `entry` of `artifact` after `bytesRead` uncompressed bytes.
    func update(artifact: String, entry: String, bytesRead: Int64)
}
