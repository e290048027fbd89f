import Dispatch
import Subprocess
import Synchronization
import SystemPackage

/// Runs a program to completion (`npm pack`, `git`) and captures what it printed; the one place that spawns processes.
public struct ChildProcess: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String

    /// The most either stream may carry; npm and git print far less.
    private static let outputLimit = 1 << 24

    /// Runs `arguments[0]` found on `PATH`, in `directory`, with `environment` (default: this process's). Blocks the
    /// calling thread: the commands that need a child (`pack`, `install-hook`) have nothing else to do meanwhile.
    public static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil
    ) throws -> ChildProcess {
        let outcome = Outcome()
        Task {
            do {
                outcome.store(.success(try await spawn(arguments, in: directory, environment: environment)))
            } catch {
                outcome.store(.failure(error))
            }
        }
        return try outcome.wait().get()
    }

    private static func spawn(
        _ arguments: [String], in directory: String?, environment: [String: String]?
    ) async throws -> ChildProcess {
        var settings = Environment.inherit
        if let environment {
            settings = .custom(Dictionary(uniqueKeysWithValues: environment.compactMap { key, value in
                Environment.Key(rawValue: key).map { ($0, value) }
            }))
        }
        let result = try await Subprocess.run(
            .name(arguments[0]), arguments: Arguments(Array(arguments.dropFirst())), environment: settings,
            workingDirectory: directory.map { FilePath($0) }, input: .none,
            output: .string(limit: outputLimit), error: .string(limit: outputLimit))
        let status: Int32 =
            switch result.terminationStatus {
            case .exited(let code): code
            case .signaled(let signal): 128 + signal
            }
        return ChildProcess(status: status, standardOutput: result.standardOutput ?? "", standardError: result.standardError ?? "")
    }

    /// The child's result, handed from the task that ran it to the thread waiting for it.
    private final class Outcome: Sendable {
        private let result = Mutex<Result<ChildProcess, any Error>?>(nil)
        private let ready = DispatchSemaphore(value: 0)

        func store(_ value: Result<ChildProcess, any Error>) {
            result.withLock { $0 = value }
            ready.signal()
        }

        func wait() -> Result<ChildProcess, any Error> {
            ready.wait()
            return result.withLock { $0! }
        }
    }
}
