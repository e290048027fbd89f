public import Foundation

/// Real consumers and packaging tools (unzip, python3, node, dpkg-deb, rpmbuild, cpio …) run inside tests.
public enum ConsumerTool {
    /// True when `name` is an executable on `PATH`; tests that need it are skipped (naming it) otherwise.
    public static func exists(_ name: String) -> Bool {
        path(of: name) != nil
    }

    public static func path(of name: String) -> String? {
        let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return search.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `name` with `arguments` in `directory`; throws when it is missing, returns its output and status.
    @discardableResult
    public static func run(
        _ name: String, _ arguments: [String], in directory: String, stdin: Data? = nil, environment: [String: String] = [:]
    ) throws -> CLIRunner.Result {
        guard let executable = path(of: name) else { throw Missing(name: name) }
        return try CLIRunner.runTool(executable, arguments, stdin: stdin, in: directory, environment: environment)
    }

    /// Runs a shell script (`sh -c`) in `directory`, failing the caller's expectations through its status.
    @discardableResult
    public static func shell(_ script: String, in directory: String) throws -> CLIRunner.Result {
        try run("sh", ["-c", script], in: directory)
    }

    public struct Missing: Error, CustomStringConvertible {
        public var name: String
        public var description: String { "\(name) is not installed" }
    }
}
