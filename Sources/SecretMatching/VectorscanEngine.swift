// Only in builds with the `Vectorscan` trait (the default); `SecretEngines` falls back without it.
#if Vectorscan
    import CVectorscan
    public import LeakScanCore

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Darwin)
        import Darwin
    #endif

    /// The fast engine: every rule compiled into one Vectorscan streaming database (all patterns in one pass over the
    /// text, state carried across pieces). Vectorscan reports where matches end; the window before each end (the
    /// rule's `reach`, at least `windowLength` bytes) goes to the capturing pass.
    public final class VectorscanEngine: SecretMatchEngine, @unchecked Sendable {
        // The database and the prototype scratch are read-only after `init`; each stream clones its own scratch.
        public let name = "vectorscan"
        public let fallback: SecretEngineFallback? = nil
        private let database: OpaquePointer
        private let prototypeScratch: OpaquePointer
        /// Per rule, how far before a match's end its window starts.
        private let windows: [Int]

        /// Why the database could not be built.
        public enum BuildError: Error, Equatable {
            /// The CPU lacks an instruction set extension Vectorscan needs (SSE4.2 and POPCNT on x86-64).
            case unsupportedCPU
            /// A pattern was rejected (its index in the rule list, or nil for the whole set) with Vectorscan's message.
            case rejected(rule: Int?, message: String)
            case scratch(code: Int32)
        }

        /// Compiles `rules` (byte mode, patterns as written), or loads them from `DatabaseCache`. Checks the CPU first.
        public init(rules: [SecretRule], windowLength: Int) throws(BuildError) {
            guard leak_scan_cpu_runs_vectorscan() != 0 else { throw .unsupportedCPU }
            windows = rules.map { max(windowLength, $0.reach) }
            let flags = rules.map { $0.reportsOnce ? UInt32(HS_FLAG_SINGLEMATCH) : 0 }
            let cachePath = DatabaseCache.path(for: zip(rules, flags).map { "\($1) \($0.pattern)" })
            if let cachePath, let cached = DatabaseCache.load(cachePath) {
                var scratch: OpaquePointer?
                if hs_alloc_scratch(cached, &scratch) == HS_SUCCESS, let scratch {
                    database = cached
                    prototypeScratch = scratch
                    return
                }
                hs_free_database(cached)
            }
            let patterns: [UnsafeMutablePointer<CChar>?] = rules.map { strdup($0.pattern) }
            defer { patterns.forEach { free($0) } }
            let ids = (0..<rules.count).map { UInt32($0) }
            var compiled: OpaquePointer?
            var failure: UnsafeMutablePointer<hs_compile_error_t>?
            let expressions: [UnsafePointer<CChar>?] = patterns.map { $0.map { UnsafePointer($0) } }
            let status = expressions.withUnsafeBufferPointer { expressions in
                hs_compile_multi(
                    expressions.baseAddress, flags, ids, UInt32(rules.count), UInt32(HS_MODE_STREAM), nil, &compiled,
                    &failure)
            }
            guard status == HS_SUCCESS, let compiled else {
                let message = failure.map { String(cString: $0.pointee.message) } ?? "error \(status)"
                let rule = failure.map { Int($0.pointee.expression) }
                if let failure { hs_free_compile_error(failure) }
                throw .rejected(rule: rule.flatMap { $0 >= 0 ? $0 : nil }, message: message)
            }
            var scratch: OpaquePointer?
            let scratchStatus = hs_alloc_scratch(compiled, &scratch)
            guard scratchStatus == HS_SUCCESS, let scratch else {
                hs_free_database(compiled)
                throw .scratch(code: scratchStatus)
            }
            database = compiled
            prototypeScratch = scratch
            if let cachePath { DatabaseCache.store(compiled, at: cachePath) }
        }

        deinit {
            hs_free_scratch(prototypeScratch)
            hs_free_database(database)
        }

        public func makeStream() -> any SecretMatchStream {
            var scratch: OpaquePointer?
            hs_clone_scratch(prototypeScratch, &scratch)
            return VectorscanStream(database: database, scratch: scratch, windows: windows, engine: self)
        }
    }

    /// One thread's Vectorscan stream and scratch; reopened per entry so offsets count from the entry's first byte.
    final class VectorscanStream: SecretMatchStream {
        let reportsWholeMatches = true
        private let database: OpaquePointer
        private let scratch: OpaquePointer?
        private let windows: [Int]
        /// Keeps the database alive as long as the stream.
        private let engine: VectorscanEngine
        private var stream: OpaquePointer?
        private let ends = MatchEnds()

        /// Where the C callback puts match ends (rule, end offset) during one `hs_scan_stream` call.
        final class MatchEnds {
            var found: [(rule: Int, end: Int)] = []
        }

        init(database: OpaquePointer, scratch: OpaquePointer?, windows: [Int], engine: VectorscanEngine) {
            self.database = database
            self.scratch = scratch
            self.windows = windows
            self.engine = engine
        }

        deinit {
            if let stream { hs_close_stream(stream, scratch, nil, nil) }
            if let scratch { hs_free_scratch(scratch) }
        }

        func reset() {
            if let stream {
                hs_reset_stream(stream, 0, scratch, nil, nil)
            } else {
                hs_open_stream(database, 0, &stream)
            }
        }

        /// Puts each match end into the `MatchEnds` passed as the context.
        private static let collect: match_event_handler = { id, _, end, _, context in
            Unmanaged<VectorscanStream.MatchEnds>.fromOpaque(context!).takeUnretainedValue().found.append((Int(id), Int(end)))
            return 0
        }

        func scan(_ piece: UnsafeRawBufferPointer, at offset: Int, report: (Int, Int, Int) -> Void) {
            guard let stream, let base = piece.baseAddress, !piece.isEmpty else { return }
            ends.found.removeAll(keepingCapacity: true)
            let context = Unmanaged.passUnretained(ends).toOpaque()
            hs_scan_stream(
                stream, base.assumingMemoryBound(to: CChar.self), UInt32(piece.count), 0, scratch, Self.collect, context)
            reportEnds(report)
        }

        /// Resets the stream with a callback, which reports the matches the end of data completes (a trailing `\b`).
        func finish(report: (Int, Int, Int) -> Void) {
            guard let stream else { return }
            ends.found.removeAll(keepingCapacity: true)
            hs_reset_stream(stream, 0, scratch, Self.collect, Unmanaged.passUnretained(ends).toOpaque())
            reportEnds(report)
        }

        private func reportEnds(_ report: (Int, Int, Int) -> Void) {
            for match in ends.found {
                report(match.rule, max(0, match.end - windows[match.rule]), match.end)
            }
        }
    }
#endif
