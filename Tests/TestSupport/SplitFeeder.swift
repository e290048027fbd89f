/// Feeds the same input to a chunk-fed detector whole, byte by byte and split at every offset, and collects the
/// results so a test can require them all to be equal (the shape of NIO's ByteToMessageDecoderVerifier).
public enum SplitFeeder {
    public static func results<Result>(
        of input: [UInt8], run: ([ArraySlice<UInt8>]) -> Result
    ) -> [(description: String, result: Result)] {
        var outcomes: [(String, Result)] = [("whole", run([input[...]]))]
        outcomes.append(("byte by byte", run(input.indices.map { input[$0...$0] })))
        if input.count > 1 {
            for split in 1..<input.count {
                outcomes.append(("split at \(split)", run([input[..<split], input[split...]])))
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
