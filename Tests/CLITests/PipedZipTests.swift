import Foundation
import TestSupport
import Testing

/// Zips piped on `-` are read from their central directory, like a zip given as a file.
@Suite struct PipedZipTests {
    static let map = MapText.map(sources: ["src/piped.ts"], contents: ["one\ntwo\nthree\n"])

    @Test func zipBehindALaunchScriptPipedOnStdinIsALeak() throws {
        let zip = HandZip.build(
            [.text("dist/x.js.map", Self.map)], prefix: Array("#!/bin/sh\nexec java -jar \"$0\" \"$@\"\n".utf8),
            between: [])
        let result = try CLIRunner.run(["-"], stdin: Data(zip))
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("LEAK        <stdin>  1 source map exposes 1 file / 3 lines of original source"))
    }

    @Test func zipWithALyingLocalHeaderPipedOnStdinIsIncomplete() throws {
        let zip = HandZip.build([HandZip.Entry("dist/x.js.map", Array(Self.map.utf8), localSize: 0), .text("dist/y.js", "y()\n")])
        let result = try CLIRunner.run(["-"], stdin: Data(zip))
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "<stdin>!dist/x.js.map: zip readers disagree: the local header says 0 compressed / 0 uncompressed bytes"))
    }
}

/// A nested zip far larger than the spool's memory bound is read with flat memory: the process's peak resident set
/// grows by about the 4 MiB memory bound (bound: half the zip, room for ASan), not by the 32 MiB of the zip.
@Suite struct SpooledZipMemoryTests {
    static func peakKiB(_ arguments: [String]) throws -> Int {
        let result = try ConsumerTool.run("time", ["-f", "peak %M", CLIRunner.binary] + arguments, in: CLIRunner.packageRoot)
        let line = result.stderr.split(separator: "\n").last { $0.hasPrefix("peak ") } ?? ""
        return Int(line.dropFirst(5)) ?? -1
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time"))
    func nestedZipOfThirtyTwoMebibytesIsReadInFlatMemory() throws {
        let directory = TemporaryDirectory()
        let map = MapText.map(sources: ["src/big.ts"], contents: ["a\nb\n"])
        func artifact(_ name: String, noise: Int) -> String {
            var random = SeededGenerator(seed: 8)
            let words = (0..<(noise / 8)).map { _ in random.next() }
            let zip = HandZip.build([
                HandZip.Entry("blob.bin", words.withUnsafeBytes { Array($0) }), .text("dist/big.js.map", map),
            ])
            return directory.write(name, ArchiveBuilder.build(.tar, [.file("package/vendor/big.zip", zip)]))
        }
        let small = artifact("small.tar", noise: 1 << 20)
        let large = artifact("large.tar", noise: 32 << 20)
        let result = try CLIRunner.run([large])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("LEAK        \(large)  1 source map exposes 1 file / 2 lines"))
        let smallPeak = try Self.peakKiB([small])
        let largePeak = try Self.peakKiB([large])
        #expect(smallPeak > 0 && largePeak > 0)
        #expect(
            largePeak - smallPeak < 16 << 10, "peak resident set \(smallPeak) KiB for a 1 MiB zip, \(largePeak) KiB for 32 MiB")
    }
}
