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
        #expect(result.stderr.contains("<stdin>!dist/x.js.map: zip readers disagree: the local header says 0 compressed / 0 uncompressed bytes"))
    }
}
