/// One thing to scan, as named on the command line.
public enum ScanInput: Sendable, Equatable {
    case path(String)
    case standardInput

    public init(argument: String) {
        self = argument == "-" ? .standardInput : .path(argument)
    }

    /// The name shown in reports.
    public var displayName: String {
        switch self {
        case .path(let path): path
        case .standardInput: "<stdin>"
        }
    }
}
