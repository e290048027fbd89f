import Foundation
import TestSupport
import Testing

/// Inputs that would hang a reader or pass for clean: special files are refused unread, empty input and content that
/// is not what the name says are incomplete (exit 2), each with one line on standard error naming the input and why.
@Suite struct InputsThatLieTests {
    /// Runs the binary under `timeout`, so a regression that blocks on a FIFO fails the test instead of hanging it.
    static func run(_ arguments: [String], stdin: Data? = nil) throws -> CLIRunner.Result {
        try CLIRunner.runTool("/usr/bin/timeout", ["60", CLIRunner.binary] + arguments, stdin: stdin)
    }

    @Test func fifoGivenAsAnInputIsRefusedWithoutBeingOpened() throws {
        let directory = TemporaryDirectory()
        let fifo = directory.path + "/pkg.tgz"
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try Self.run([fifo, "SampleArtifacts/clean-lib-3.1.0.tgz"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "leak-scan: error: \(fifo): refused: a FIFO (named pipe), not a file or directory; nothing was read from it\n")
        #expect(result.stdout.contains("CLEAN       SampleArtifacts/clean-lib-3.1.0.tgz"))
    }

    @Test func fifoListedInFilesFromIsRefused() throws {
        let directory = TemporaryDirectory()
        let fifo = directory.path + "/listed.tgz"
        #expect(mkfifo(fifo, 0o600) == 0)
        let list = directory.write("list.txt", Array("\(fifo)\n".utf8))
        let result = try Self.run(["--files-from", list])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "leak-scan: error: \(fifo): refused: a FIFO (named pipe), not a file or directory; nothing was read from it\n")
    }

    @Test func deviceAndSocketAreRefused() throws {
        let directory = TemporaryDirectory()
        let socketPath = directory.path + "/s.sock"
        let listener = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socketPath.utf8) + [0]) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        let result = try Self.run(["/dev/zero", socketPath])
        #expect(result.status == 2)
        #expect(
            result.stderr == """
                leak-scan: error: /dev/zero: refused: a character device, not a file or directory; nothing was read from it
                leak-scan: error: \(socketPath): refused: a socket, not a file or directory; nothing was read from it

                """)
    }

    @Test func zeroByteTarballIsIncomplete() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("pkg.tgz", [])
        let result = try Self.run([path])
        #expect(result.status == 2)
        #expect(result.stderr == "leak-scan: error: \(path): empty file (0 bytes): nothing to scan\n")
        #expect(result.stdout.hasPrefix("INCOMPLETE  \(path)"))
    }

    @Test func emptyStandardInputIsIncomplete() throws {
        let result = try Self.run(["-"], stdin: Data())
        #expect(result.status == 2)
        #expect(result.stderr == "leak-scan: error: <stdin>: standard input is empty (0 bytes): nothing to scan\n")
    }

    static let errorPage = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not Found</body></html>\n"

    @Test func htmlErrorPagePipedToStandardInputIsIncomplete() throws {
        let result = try Self.run(["-"], stdin: Data(Self.errorPage.utf8))
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "leak-scan: error: <stdin>: standard input is not an archive or a compressed stream (it starts with `<!DOCTYPE html>\\x0A…`); scanned as one plain file\n"
        )
    }

    @Test(arguments: ["pkg.tgz", "app.whl", "data.tar.zst", "x.js.map.br"])
    func inputNamedLikeAnArchiveThatIsNotOneIsIncomplete(name: String) throws {
        let directory = TemporaryDirectory()
        let path = directory.write(name, Array(Self.errorPage.utf8))
        let result = try Self.run([path])
        #expect(result.status == 2)
        let expected =
            name.hasSuffix(".br")
            ? "leak-scan: error: \(path): cannot open: invalid brotli data (RESERVED)\n"
            : "leak-scan: error: \(path): named like an archive or a compressed file but its content is neither (it starts with `<!DOCTYPE html>\\x0A…`); scanned as one plain file\n"
        #expect(result.stderr == expected)
    }

    @Test func plainFileWithAPlainNameIsStillScannedCleanly() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("app.js", Array("console.log(1)\n".utf8))
        let result = try Self.run([path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
    }
}
