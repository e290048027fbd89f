import ArgumentParser
import LeakScanCore

/// `--fail-on`: which findings fail the run. An incomplete scan exits 2 unless a leak already decides 1: nothing can
/// be claimed about what was not read, whatever is chosen.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error, warning, never

    func exitCode(for scan: ScanAssessment) -> Int32 {
        let incomplete = scan.artifacts.contains { $0.findings.contains { $0.isActive && $0.rule == .scanIncomplete } }
        switch self {
        case .error: return scan.exitCode
        case .warning: return scan.verdict == .warn ? 1 : scan.exitCode
        case .never: return incomplete ? 2 : 0
        }
    }
}
