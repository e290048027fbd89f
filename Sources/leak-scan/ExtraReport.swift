import ArgumentParser
import LeakReporters

/// `--also-write FORMAT=FILE`: one more report of the same result, so a CI step scans once and still writes SARIF,
/// annotations and a summary.
struct ExtraReport: ExpressibleByArgument {
    var format: ReportFormat
    var path: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), let format = ReportFormat(rawValue: String(argument[..<equals])) else {
            return nil
        }
        let path = String(argument[argument.index(after: equals)...])
        guard !path.isEmpty else { return nil }
        self.format = format
        self.path = path
    }
}
