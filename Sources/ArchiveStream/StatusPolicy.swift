import CArchive

/// The single place that turns a libarchive status code into what the reader does next.
enum StatusAction: Equatable {
    case proceed
    case proceedWithWarning
    case retry
    case skipEntry
    case stopArchive
    case endOfArchive
}

enum StatusPolicy {
    static func action(for status: Int32) -> StatusAction {
        switch status {
        case ARCHIVE_OK: .proceed
        case ARCHIVE_EOF: .endOfArchive
        case ARCHIVE_WARN: .proceedWithWarning
        case ARCHIVE_RETRY: .retry
        case ARCHIVE_FAILED: .skipEntry
        default: .stopArchive
        }
    }

    /// How often an `ARCHIVE_RETRY` is retried before it is treated as fatal.
    static let maximumRetries = 3
}
