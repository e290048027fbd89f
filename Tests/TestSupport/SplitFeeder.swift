/// Feeds the same input to a chunk-fed detector whole, byte by byte and split at every offset, and collects the
/// results so a test can require them all to be equal (the shape of NIO's ByteToMessageDecoderVerifier). Every chunk
/// sits in its own buffer between canary bytes (quotes, backslashes, newlines, brackets), so a reader that looks before
/// or past the bytes it was given reads canaries and its result differs.
public enum SplitFeeder {
    /// The bytes around each chunk: characters every detector here reacts to.
    static let canary = Array(#""\\n}{][,:/*#@=""#.utf8)

    /// `chunk` in a fresh buffer between canaries, as a slice of exactly its own bytes.
    public static func guarded(_ chunk: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let padded = canary + chunk + canary
        return padded[canary.count..<(canary.count + chunk.count)]
    }

    public static func results<Result>(
        of input: [UInt8], run: ([ArraySlice<UInt8>]) -> Result
    ) -> [(description: String, result: Result)] {
        var outcomes: [(String, Result)] = [("whole", run([guarded(input[...])]))]
        outcomes.append(("byte by byte", run(input.indices.map { guarded(input[$0...$0]) })))
        if input.count > 1 {
            for split in 1..<input.count {
                outcomes.append(("split at \(split)", run([guarded(input[..<split]), guarded(input[split...])])))
            }
        }
        return outcomes
    }

    /// Returns a description of the first feeding whose result differs from feeding the input whole, or nil.
    public static func firstMismatch<Result: Equatable>(of input: [UInt8], run: ([ArraySlice<UInt8>]) -> Result) -> String? {
        let outcomes = results(of: input, run: run)
        let expected = outcomes[0].result
        return outcomes.first { $0.result != expected }.map { "\($0.description): \($0.result) != \(expected)" }
    }
}
