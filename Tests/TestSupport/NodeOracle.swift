import Foundation

/// Runs a JavaScript program under the installed `node` (the consumer whose behaviour a test compares against): the
/// inputs go in as a JSON array of base64 strings on standard input, the program prints one JSON value per input.
public enum NodeOracle {
    /// Decodes the inputs into `inputs` (an array of Buffers) before `program` runs (in an async function, so it may
    /// `await`); `program` pushes one line per input onto `out`.
    public static func run(_ program: String, inputs: [[UInt8]]) throws -> [String] {
        let prelude = """
            const inputs = JSON.parse(require('fs').readFileSync(0, 'utf8')).map((b) => Buffer.from(b, 'base64'));
            const out = [];

            """
        let payload = "[" + inputs.map { "\"" + Data($0).base64EncodedString() + "\"" }.joined(separator: ",") + "]"
        let result = try CLIRunner.runTool(
            "/usr/bin/env",
            [
                "node", "-e",
                prelude + "(async () => {\n" + program + "\n})().then(() => process.stdout.write(out.join('\\n') + '\\n'));",
            ],
            stdin: Data(payload.utf8))
        guard result.status == 0 else { throw NodeFailure(message: result.stderr) }
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    public struct NodeFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "node failed: \(message)" }
    }
}
