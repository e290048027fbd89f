import Synchronization

/// The rules of one run and the engine that matches them, shared by every scan thread. The engine and the capturing
/// regexes are built on first use, so an artifact without a map that embeds sources pays nothing for them.
public final class SecretScanning: Sendable {
    /// The rules in force (those off by default are already left out), in engine order.
    public let rules: [SecretRule]
    /// Global allowlists, path-only rules and `gitleaks:allow` comments (a gitleaks file); empty otherwise.
    public let extras: SecretScanExtras
    /// Each distinct lowercased keyword of the rules, matched by the engine after `rules` (one report per entry).
    let keywords: [String]
    /// For each rule, the indices in `keywords` of which one must occur in the entry (empty: no condition).
    let keywordsOfRule: [[Int]]
    private let makeEngine: @Sendable ([SecretRule]) -> any SecretMatchEngine
    private let built = Mutex<Built?>(nil)
    /// Set (releasing) once `built` holds the engine, read (acquiring) by every caller of `prepared()`. The mutex
    /// already orders the engine's construction before its use; this atomic makes that order visible to
    /// ThreadSanitizer, which does not see a contended `Mutex` hand-over (its wait runs in uninstrumented code) and
    /// then reports the engine's fields, written while building, as raced by the thread that waited.
    private let isBuilt = Atomic<Bool>(false)

    /// What is built once per run.
    struct Built: Sendable {
        let engine: any SecretMatchEngine
        let captures: SecretCaptures
        let checks: SecretHitChecks
    }

    /// `makeEngine` is called once, on the first entry that is scanned, with the rules and one keyword probe each.
    public init(
        rules: [SecretRule], extras: SecretScanExtras = SecretScanExtras(),
        makeEngine: @escaping @Sendable ([SecretRule]) -> any SecretMatchEngine
    ) {
        self.rules = rules
        self.extras = extras
        self.makeEngine = makeEngine
        checksPaths = !extras.isEmpty || rules.contains { $0.checks != nil }
        var keywords: [String] = []
        var indexOf: [String: Int] = [:]
        keywordsOfRule = rules.map { rule in
            (rule.checks?.keywords ?? []).map { keyword in
                if let index = indexOf[keyword] { return index }
                indexOf[keyword] = keywords.count
                keywords.append(keyword)
                return keywords.count - 1
            }
        }
        self.keywords = keywords
    }

    /// With the pure-Swift engine (tests, and machines where no faster engine can run).
    public convenience init(rules: [SecretRule], extras: SecretScanExtras = SecretScanExtras()) {
        self.init(rules: rules, extras: extras) { AnchorMatchEngine(rules: $0) }
    }

    /// The engine's name and why it stands in for Vectorscan, once it has been built (nil when no entry needed it).
    public var engineUsed: (name: String, fallback: SecretEngineFallback?)? {
        built.withLock { $0.map { ($0.engine.name, $0.engine.fallback) } }
    }

    /// The rules as the engine sees them: the rules, then one literal, case-blind probe per keyword.
    var engineRules: [SecretRule] {
        rules
            + keywords.map { keyword in
                var probe = SecretRule(
                    id: "keyword:" + keyword, pattern: "(?i)" + SecretRegex.escapedLiteral(keyword), anchors: [keyword],
                    anchorsIgnoreCase: true)
                probe.reportsOnce = true
                return probe
            }
    }

    func prepared() -> Built {
        let prepared = built.withLock { built in
            if let built { return built }
            let made = Built(
                engine: makeEngine(engineRules), captures: SecretCaptures(rules: rules),
                checks: SecretHitChecks(rules: rules, extras: extras))
            built = made
            isBuilt.store(true, ordering: .releasing)
            return made
        }
        _ = isBuilt.load(ordering: .acquiring)
        return prepared
    }

    /// A scanner for one tokenizer's entries (one thread).
    func makeEntryScanner() -> SecretEntryScanner {
        let built = prepared()
        return SecretEntryScanner(scanning: self, captures: built.captures, stream: built.engine.makeStream())
    }

    /// True when hits must still pass checks that need the source path, or path-only rules may add hits.
    let checksPaths: Bool

    /// The hits of one exposed source that pass the path checks and allowlists, plus its path-only findings.
    func admitted(_ hits: [SecretHit], path: String) -> [SecretHit] {
        prepared().checks.admitted(hits, path: path)
    }
}
