import Foundation

/// Runs a real tool (gzip, brotli, zstd, node …) with binary standard input and output, for building inputs with the
/// tools that make them in the wild and for extracting them with their real consumers.
public enum ToolOutput {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Standard output of `arguments[0]` (looked up on `PATH`) fed `input`; throws when it exits non-zero.
    public static func run(_ arguments: [String], input: [UInt8] = [], in directory: String? = nil) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let inputFile = TemporaryDirectory()
        let inputPath = inputFile.write("stdin", input)
        process.standardInput = FileHandle(forReadingAtPath: inputPath)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let errorReader = DispatchQueue(label: "tool stderr")
        errorReader.async { errorData = errors.fileHandleForReading.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        errorReader.sync {}
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description:
                    "\(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(String(decoding: errorData, as: UTF8.self))"
            )
        }
        return Array(data)
    }

    /// `bytes` compressed by the real command-line tool of `name` (gzip, bzip2, xz, zstd, lz4, brotli).
    public static func compress(_ bytes: [UInt8], with name: String) throws -> [UInt8] {
        switch name {
        case "gzip": try run(["gzip", "-c", "-n"], input: bytes)
        case "bzip2": try run(["bzip2", "-c"], input: bytes)
        case "xz": try run(["xz", "-c"], input: bytes)
        case "zstd": try run(["zstd", "-c", "-q"], input: bytes)
        case "lz4": try run(["lz4", "-c", "-q"], input: bytes)
        case "brotli": try run(["brotli", "-c"], input: bytes)
        default: throw Failure(description: "no compressor named \(name)")
        }
    }

    /// `bytes` decompressed by the real tool, as a web server's client or a user would get them.
    public static func decompress(_ bytes: [UInt8], with name: String) throws -> [UInt8] {
        switch name {
        case "gzip": try run(["gzip", "-d", "-c"], input: bytes)
        case "bzip2": try run(["bzip2", "-d", "-c"], input: bytes)
        case "xz": try run(["xz", "-d", "-c"], input: bytes)
        case "zstd": try run(["zstd", "-d", "-c", "-q"], input: bytes)
        case "lz4": try run(["lz4", "-d", "-c", "-q"], input: bytes)
        case "brotli": try run(["brotli", "-d", "-c"], input: bytes)
        default: throw Failure(description: "no decompressor named \(name)")
        }
    }

    /// Extracts an npm tarball with npm's own node-tar (what `npm install` runs) into `directory`.
    public static func extractWithNodeTar(_ tarball: String, into directory: String) throws {
        let script = """
            const tar = require(require('path').join(require('child_process').execSync('npm root -g').toString().trim(), 'npm/node_modules/tar'));
            tar.x({file: process.argv[1], cwd: process.argv[2], sync: true, strict: true});
            """
        _ = try run(["node", "-e", script, tarball, directory])
    }
}
