public import Foundation

/// Runs the built `leak-scan` binary and captures what it printed and its exit status.
public enum CLIRunner {
    public struct Result: Sendable {
        public var stdout: String
        public var stderr: String
        public var status: Int32
    }

    /// The package root, found from this file's location.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The binary built next to the test bundle (`.build/<config>/leak-scan`).
    public static var binary: String {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments.first { $0.contains(".xctest") } ?? CommandLine.arguments[0])
        var directory = testBundle
        while directory.path != "/" {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("leak-scan").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return packageRoot + "/.build/debug/leak-scan"
    }

    public static func run(
        _ arguments: [String], stdin: Data? = nil, in directory: String = packageRoot, environment: [String: String] = [:]
    ) throws -> Result {
        try runTool(binary, arguments, stdin: stdin, in: directory, environment: environment)
    }

    /// Runs any program (git, npm, python3 …) the same way, with `environment` added to this process's.
    public static func runTool(
        _ executable: String, _ arguments: [String], stdin: Data? = nil, in directory: String = packageRoot,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        let stderrReader = DispatchQueue(label: "stderr reader")
        nonisolated(unsafe) var stderrData = Data()
        stderrReader.async { stderrData = readAll(err.fileHandleForReading.fileDescriptor) }
        let stdoutData = readAll(out.fileHandleForReading.fileDescriptor)
        stderrReader.sync {}
        process.waitUntilExit()
        return Result(
            stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// Reads a pipe to its end, retrying reads a signal interrupted (Foundation's reader traps on `EINTR`).
    private static func readAll(_ descriptor: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 || errno != EINTR {
                return data
            }
        }
    }
}
