import ArgumentParser

/// A byte count on the command line: a number with an optional binary suffix (`16G`, `512MiB`, `64k`), as `du`,
/// `dd` and `docker` accept them.
struct ByteCount: ExpressibleByArgument, Equatable {
    var bytes: Int64

    init(bytes: Int64) {
        self.bytes = bytes
    }

    init?(argument: String) {
        let digits = argument.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int64(digits) else { return nil }
        let unit = argument.dropFirst(digits.count).lowercased()
        let shift: Int64
        switch unit {
        case "", "b": shift = 0
        case "k", "kb", "kib": shift = 10
        case "m", "mb", "mib": shift = 20
        case "g", "gb", "gib": shift = 30
        case "t", "tb", "tib": shift = 40
        default: return nil
        }
        guard number <= Int64.max >> shift else { return nil }
        bytes = number << shift
    }

    var defaultValueDescription: String {
        bytes % (1 << 30) == 0 ? "\(bytes >> 30)G" : "\(bytes)"
    }
}
