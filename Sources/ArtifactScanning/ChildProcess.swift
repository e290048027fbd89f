#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a program to completion (`npm pack`, `git`) and captures what it printed; the one place that spawns processes.
/// Built on `posix_spawn` directly: Foundation's `Process` would link all of Foundation (start-up cost on every scan),
/// and swift-subprocess 1.0.2's Linux I/O loop reports data races under ThreadSanitizer.
public struct ChildProcess: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String

    /// A program that could not be started at all.
    public struct SpawnFailure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `arguments[0]` found on the child's `PATH`, in `directory`, with `environment` (default: this process's).
    public static func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil
    ) throws -> ChildProcess {
        var command = ["/usr/bin/env"] + arguments
        if let directory { command = ["/bin/sh", "-c", #"cd -- "$0" && exec "$@""#, directory] + command }
        let variables = environment.map { $0.map { "\($0.key)=\($0.value)" } }
        let output = try Pipe(), errors = try Pipe()
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t?  // an opaque pointer on Darwin, a struct on Linux
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output.writeEnd, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, errors.writeEnd, STDERR_FILENO)
        for descriptor in [output.readEnd, output.writeEnd, errors.readEnd, errors.writeEnd] {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var child = pid_t()
        let status = withCStrings(command) { argv in
            if let variables {
                return withCStrings(variables) { posix_spawn(&child, command[0], &actions, nil, argv, $0) }
            }
            #if canImport(Darwin)
                return posix_spawn(&child, command[0], &actions, nil, argv, _NSGetEnviron().pointee)
            #else
                return posix_spawn(&child, command[0], &actions, nil, argv, environ)
            #endif
        }
        output.closeWriteEnd()
        errors.closeWriteEnd()
        guard status == 0 else {
            throw SpawnFailure(description: "cannot start \(arguments.first ?? "?"): \(String(cString: strerror(status)))")
        }
        let (outputBytes, errorBytes) = readBoth(output.readEnd, errors.readEnd)
        return ChildProcess(
            status: waitForExit(child), standardOutput: String(decoding: outputBytes, as: UTF8.self),
            standardError: String(decoding: errorBytes, as: UTF8.self))
    }

    /// Reads two pipes to their ends together, so a child filling one while we wait on the other cannot stall.
    private static func readBoth(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
        var collected: [[UInt8]] = [[], []]
        var open = [pollfd(fd: first, events: Int16(POLLIN), revents: 0), pollfd(fd: second, events: Int16(POLLIN), revents: 0)]
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while open.contains(where: { $0.fd >= 0 }) {
            if poll(&open, nfds_t(open.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in open.indices where open[index].fd >= 0 && open[index].revents != 0 {
                let count = chunk.withUnsafeMutableBytes { read(open[index].fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    collected[index] += chunk[..<count]
                } else if count == 0 || errno != EINTR {
                    open[index].fd = -1
                }
            }
        }
        return (collected[0], collected[1])
    }

    /// The exit status, or 128 + the signal that ended the child (as a shell reports it).
    private static func waitForExit(_ child: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// `body` with `strings` as a NULL-terminated C array, valid only during the call.
    private static func withCStrings<Result>(
        _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result
    ) -> Result {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// A pipe whose descriptors close themselves (the child keeps only the copies it was given as output and error).
    private final class Pipe {
        let readEnd: Int32
        private(set) var writeEnd: Int32

        init() throws {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else {
                throw SpawnFailure(description: "cannot create a pipe: \(String(cString: strerror(errno)))")
            }
            readEnd = ends[0]
            writeEnd = ends[1]
        }

        func closeWriteEnd() {
            if writeEnd >= 0 { close(writeEnd) }
            writeEnd = -1
        }

        deinit {
            closeWriteEnd()
            close(readEnd)
        }
    }
}
