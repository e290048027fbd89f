import Foundation

/// Runs a program to completion (`npm pack`, `git`) and captures what it printed; the one place that spawns processes.
public struct ChildProcess: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String

    /// Runs `arguments[0]` found on `PATH`, in `directory`, with `environment` (default: this process's).
    public static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil
    ) throws -> ChildProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment { process.environment = environment }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let errorReader = DispatchQueue(label: "child stderr")
        errorReader.async { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        errorReader.sync {}
        process.waitUntilExit()
        return ChildProcess(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}
