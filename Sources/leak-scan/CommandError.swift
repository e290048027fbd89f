import ArgumentParser

/// The one error a command's `run()` lets out: a usage problem (exit 64) or anything that stops a full, written report
/// (exit 2). Exit 1 is reserved for a leak, so no failure may fall through to ArgumentParser's generic exit status.
struct CommandError: Error, CustomStringConvertible {
    enum Kind {
        /// Bad arguments or an unreadable policy/baseline file: exit 64.
        case usage
        /// The run could not produce and deliver its full report: exit 2.
        case incomplete
    }

    var kind: Kind
    /// One line naming the file and the reason, without the `leak-scan: error:` prefix.
    var description: String

    static func usage(_ description: String) -> CommandError { CommandError(kind: .usage, description: description) }
    static func incomplete(_ description: String) -> CommandError { CommandError(kind: .incomplete, description: description) }

    var exitCode: ExitCode { kind == .usage ? .validationFailure : ExitCode(2) }

    /// Runs a command body: exit codes pass through; a `CommandError` becomes its line on standard error and its code;
    /// any other error (a bug or an OS failure nobody wrapped) is worded as incomplete, never as a leak.
    static func boundary(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let exit as ExitCode {
            throw exit
        } catch let error as CommandError {
            StandardStreams.writeError("leak-scan: error: \(error.description)\n")
            throw error.exitCode
        } catch let error as ValidationError {
            StandardStreams.writeError("leak-scan: error: \(error.message)\n")
            throw ExitCode.validationFailure
        } catch {
            StandardStreams.writeError("leak-scan: error: \(error)\n")
            throw ExitCode(2)
        }
    }
}
