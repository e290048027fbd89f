/// Receives progress of long scans (for a progress line on a terminal); called from scanning threads.
public protocol ScanProgress: Sendable {
    /// The walk reached `entry` of `artifact` after `bytesRead` uncompressed bytes.
    func update(artifact: String, entry: String, bytesRead: Int64)
}
