import Foundation
import LeakScanCore
import Testing

@Suite struct FlatMemoryTests {
    /// Peak resident set of this process (`VmHWM`), in bytes.
    static func peakResidentBytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
    }

    /// A 1 GiB map on one line, generated chunk by chunk straight into the core: it is counted exactly and the
    /// process's peak memory grows by far less than the map (other tests and, under ASan, its quarantine run alongside,
    /// hence a bound of three quarters of the map: holding the map would cost more than all of it).
    @Test func gibibyteSingleLineMapIsCountedInFlatMemory() {
        let before = Self.peakResidentBytes()
        let scanner = EntryScanner(location: Location(["huge.tgz", "package/huge.js.map"]))
        let head = Array(#"{"version":3,"sources":["src/huge.ts"],"sourcesContent":[""#.utf8)
        let tail = Array(#""],"mappings":"AAAA"}"#.utf8)
        var chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        for index in stride(from: 64, to: chunk.count, by: 64) {
            chunk[index - 2] = UInt8(ascii: "\\")
            chunk[index - 1] = UInt8(ascii: "t")
        }
        head.withUnsafeBytes { scanner.consume($0) }
        for _ in 0..<1024 {
            chunk.withUnsafeBytes { scanner.consume($0) }
        }
        tail.withUnsafeBytes { scanner.consume($0) }
        let findings = scanner.finish()
        let growth = Self.peakResidentBytes() - before
        #expect(findings.maps.count == 1)
        let escapesPerChunk = (1 << 20) / 64 - 1
        let expectedBytes = 1024 * ((1 << 20) - escapesPerChunk)
        let exposed = findings.maps.first?.summary.exposed ?? []
        #expect(exposed.map(\.stats.bytes) == [expectedBytes])
        #expect(exposed.map(\.stats.lines) == [1])
        #expect(growth < 768 << 20, "peak memory grew by \(growth >> 20) MiB while streaming 1 GiB")
    }

    /// Hostile shapes from issue 15: 64 MiB of numbers and of dense brackets inside a value the rules do not read, and
    /// nesting a million deep. All are skipped in blocks; the map after them is still counted, memory stays flat.
    @Test(arguments: ["0,", "[],", "[[", "1234567890.5e-3,"])
    func punctuationAndNumbersAreSkippedInFlatMemory(unit: String) {
        let before = Self.peakResidentBytes()
        let scanner = EntryScanner(location: Location(["hostile.tgz", "package/x.json"]))
        Array(#"{"x":["#.utf8).withUnsafeBytes { scanner.consume($0) }
        let chunk = Array(String(repeating: unit, count: (1 << 20) / unit.utf8.count).utf8)
        for _ in 0..<64 {
            chunk.withUnsafeBytes { scanner.consume($0) }
        }
        if unit == "[[" {
            let closers = [UInt8](repeating: UInt8(ascii: "]"), count: 1 << 20)
            for _ in 0..<64 {
                closers.withUnsafeBytes { scanner.consume($0) }
            }
        }
        Array(#"0],"sources":["src/a.ts"],"sourcesContent":["a\nb"]}"#.utf8).withUnsafeBytes { scanner.consume($0) }
        let findings = scanner.finish()
        #expect(findings.maps.first?.summary.exposed.map(\.stats.lines) == [2])
        #expect(findings.maps.first?.summary.limitHit == nil)
        let growth = Self.peakResidentBytes() - before
        #expect(growth < 96 << 20, "peak memory grew by \(growth >> 20) MiB")
    }
}
