public import LeakScanCore

/// Picks the engine for a run: Vectorscan where the CPU and the rules allow it, otherwise the pure-Swift anchor engine
/// with the reason recorded (reports say the scan ran slower and why; it is never skipped).
public enum SecretEngines {
    public static func best(for rules: [SecretRule]) -> any SecretMatchEngine {
        #if Vectorscan
            vectorscanOrFallback(for: rules)
        #else
            AnchorMatchEngine(rules: rules, fallback: .notBuiltIn)
        #endif
    }

    #if Vectorscan
        private static func vectorscanOrFallback(for rules: [SecretRule]) -> any SecretMatchEngine {
            do {
                return try VectorscanEngine(rules: rules, windowLength: SecretEntryScanner.maxMatchLength)
            } catch .unsupportedCPU {
                return AnchorMatchEngine(rules: rules, fallback: .unsupportedCPU)
            } catch .rejected(let rule, let message) {
                let id = rule.flatMap { $0 < rules.count ? rules[$0].id : nil }
                return AnchorMatchEngine(rules: rules, fallback: .ruleRejected(rule: id, message: message))
            } catch {
                return AnchorMatchEngine(rules: rules, fallback: .ruleRejected(rule: nil, message: "\(error)"))
            }
        }
    #endif

    /// The secret scan of a run over `rules` (and `extras`, a gitleaks file's), built on first use with the best engine.
    public static func scanning(rules: [SecretRule], extras: SecretScanExtras = SecretScanExtras()) -> SecretScanning {
        SecretScanning(rules: rules, extras: extras) { best(for: $0) }
    }
}
