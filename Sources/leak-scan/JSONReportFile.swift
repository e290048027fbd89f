import FoundationEssentials
import LeakReporters
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `--format json` report read back from a file (a baseline, a side of `diff`); errors name the file and say why in
/// one line, never as a raw `DecodingError`.
enum JSONReportFile {
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    static func read(_ path: String) throws(Problem) -> JSONReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "\(path): cannot read: \(String(cString: strerror(errno)))")
        }
        do {
            return try JSONReporter.read(data)
        } catch let error as DecodingError {
            throw Problem(description: "\(path): not a leak-scan JSON report: \(reason(error))")
        } catch {
            throw Problem(description: "\(path): not a leak-scan JSON report")
        }
    }

    /// The decoder's own explanation, with the JSON path where it has one (`artifacts[0].verdict: …`).
    static func reason(_ error: DecodingError) -> String {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .keyNotFound(_, let found), .dataCorrupted(let found):
            context = found
        @unknown default:
            return "unreadable"
        }
        var path = ""
        for key in context.codingPath {
            if let index = key.intValue { path += "[\(index)]" } else { path += (path.isEmpty ? "" : ".") + key.stringValue }
        }
        if case .keyNotFound(let key, _) = error {
            return (path.isEmpty ? "" : path + ": ") + "missing key \"\(key.stringValue)\""
        }
        return (path.isEmpty ? "" : path + ": ") + context.debugDescription
    }
}
