import Synchronization

/// The rules of one run and the engine that matches them, shared by every scan thread. The engine and the capturing
/// regexes are built on first use, so an artifact without a map that embeds sources pays nothing for them.
public final class SecretScanning: Sendable {
    /// The rules in force (those off by default are already left out), in engine order.
    public let rules: [SecretRule]
    private let makeEngine: @Sendable ([SecretRule]) -> any SecretMatchEngine
    private let built = Mutex<Built?>(nil)

    /// What is built once per run.
    struct Built: Sendable {
        let engine: any SecretMatchEngine
        let captures: SecretCaptures
    }

    /// `makeEngine` is called once, on the first entry that is scanned.
    public init(rules: [SecretRule], makeEngine: @escaping @Sendable ([SecretRule]) -> any SecretMatchEngine) {
        self.rules = rules
        self.makeEngine = makeEngine
    }

    /// With the pure-Swift engine (tests, and machines where no faster engine can run).
    public convenience init(rules: [SecretRule]) {
        self.init(rules: rules) { AnchorMatchEngine(rules: $0) }
    }

    /// The engine's name and why it stands in for Vectorscan, once it has been built (nil when no entry needed it).
    public var engineUsed: (name: String, fallback: SecretEngineFallback?)? {
        built.withLock { $0.map { ($0.engine.name, $0.engine.fallback) } }
    }

    func prepared() -> Built {
        built.withLock { built in
            if let built { return built }
            let made = Built(engine: makeEngine(rules), captures: SecretCaptures(rules: rules))
            built = made
            return made
        }
    }

    /// A scanner for one tokenizer's entries (one thread).
    func makeEntryScanner() -> SecretEntryScanner {
        let built = prepared()
        return SecretEntryScanner(rules: rules, captures: built.captures, stream: built.engine.makeStream())
    }
}
