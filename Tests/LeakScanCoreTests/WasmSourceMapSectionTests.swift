import Foundation
import LeakScanCore
import TestSupport
import Testing

/// A WebAssembly module's `sourceMappingURL` custom section: V8 (and so Node and DevTools) take a module's source map URL
/// from it, so a `data:` map there exposes its sources as an inline map in a script's comment does.
@Suite struct WasmSourceMapSectionTests {
    static let map = MapText.map(
        sources: ["../src/lib.rs", "../src/main.rs"], contents: ["fn a() {}\nfn b() {}\n", "fn main() {\n}"])
    static let dataURL = "data:application/json;base64," + MapText.base64(map)

    /// What the scanner found in a member: maps as `kind offset lines`, then references, then notes.
    static func scan(_ chunks: [ArraySlice<UInt8>], member: String = "dist/app.wasm") -> [String] {
        let scanner = EntryScanner(location: Location(["pkg.tgz", member]))
        for chunk in chunks {
            chunk.withUnsafeBytes { scanner.consume($0) }
        }
        let findings = scanner.finish()
        return findings.maps.map { "\($0.kind) \($0.location.byteOffset ?? 0) \($0.summary.exposed.map(\.stats.lines))" }
            + findings.referenceURLs.map { "ref \($0.offset) \($0.url)" } + findings.notes.map { "note \($0.kind)" }
    }

    static func module(_ sections: [UInt8]...) -> [UInt8] {
        WasmModule.header + sections.joined()
    }

    @Test func anInlineMapInTheSectionIsCountedAtEverySplitPoint() {
        let name = WasmModule.customSection(name: "name", payload: [0, 0])
        let bytes = Self.module(WasmModule.typeSection, name, WasmModule.sourceMappingURL(Self.dataURL))
        let urlOffset =
            WasmModule.header.count + WasmModule.typeSection.count + name.count
            + (WasmModule.sourceMappingURL(Self.dataURL).count - Self.dataURL.utf8.count)
        #expect(Self.scan([bytes[...]]) == ["inline \(urlOffset) [2, 2]"])
        #expect(SplitFeeder.firstMismatch(of: bytes) { Self.scan($0) } == nil)
        let scanner = EntryScanner(location: Location(["pkg.tgz", "dist/app.wasm"]))
        bytes.withUnsafeBytes { scanner.consume($0) }
        let finding = scanner.finish().maps[0]
        #expect(finding.summary.exposed.map(\.path) == ["src/lib.rs", "src/main.rs"])
        #expect(finding.totals.firstParty.files == 2)
        #expect(finding.totals.firstParty.lines == 4)
    }

    /// The URL is the section's string verbatim: a percent-encoded payload may hold raw spaces (the comment grammar
    /// would end the value there; the fetch spec's data: URL processor keeps them).
    @Test func aPercentEncodedPayloadWithRawSpacesIsDecodedWhole() {
        let url =
            "data:application/json,"
            + Self.map.replacingOccurrences(of: "\n", with: "%0A").replacingOccurrences(
                of: ",", with: ", ")
        let bytes = Self.module(WasmModule.sourceMappingURL(url))
        #expect(Self.scan([bytes[...]]) == ["inline \(bytes.count - url.utf8.count) [2, 2]"])
        #expect(SplitFeeder.firstMismatch(of: bytes) { Self.scan($0) } == nil)
    }

    @Test func aURLInTheSectionIsAReference() {
        let bytes = Self.module(WasmModule.typeSection, WasmModule.sourceMappingURL("app.wasm.map"))
        #expect(Self.scan([bytes[...]]) == ["ref \(bytes.count - 12) app.wasm.map"])
        #expect(SplitFeeder.firstMismatch(of: bytes) { Self.scan($0) } == nil)
    }

    /// Sections that are not the one: another name or case, the name's bytes inside another section, an empty URL.
    @Test func otherSectionsAreSkipped() {
        let url = WasmModule.string(Self.dataURL)
        let bytes = Self.module(
            WasmModule.customSection(name: "SourceMappingURL", payload: url),
            WasmModule.customSection(name: "sourceMappingURLs", payload: url),
            [0x0B] + WasmModule.leb(WasmModule.sourceMappingURL(Self.dataURL).count)
                + WasmModule.sourceMappingURL(Self.dataURL),
            WasmModule.sourceMappingURL(""))
        #expect(Self.scan([bytes[...]]).isEmpty)
        #expect(SplitFeeder.firstMismatch(of: bytes) { Self.scan($0) } == nil)
    }

    /// Every such section's map is counted (V8 keeps the first; another engine may keep another); only the first section
    /// is the module's reference, as V8 loads only that one.
    @Test func everySectionIsRead() {
        let bytes = Self.module(
            WasmModule.sourceMappingURL("a.wasm.map"), WasmModule.sourceMappingURL(Self.dataURL),
            WasmModule.sourceMappingURL(Self.dataURL))
        let found = Self.scan([bytes[...]])
        #expect(found.count == 3)
        #expect(found.filter { $0.hasPrefix("inline ") && $0.hasSuffix("[2, 2]") }.count == 2)
        #expect(found.last == "ref \(WasmModule.header.count + 20) a.wasm.map")
        let inlineFirst = Self.module(
            WasmModule.sourceMappingURL(Self.dataURL), WasmModule.sourceMappingURL("b.wasm.map"),
            WasmModule.sourceMappingURL(Self.dataURL))
        #expect(Self.scan([inlineFirst[...]]).map { $0.hasPrefix("inline ") && $0.hasSuffix("[2, 2]") } == [true, true])
        #expect(SplitFeeder.firstMismatch(of: inlineFirst) { Self.scan($0) } == nil)
    }

    /// A module of many sections whose payloads are not maps keeps 1,000 notes and counts the rest in one more, as the
    /// comment finder does: memory stays bounded and nothing is dropped unsaid.
    @Test func notesPastTheCapAreCounted() {
        let notAMap = WasmModule.sourceMappingURL("data:application/json;base64," + MapText.base64("not json"))
        let bytes = Self.module(Array(repeating: notAMap, count: SourceMappingURLFinder.maxNotesKept + 5).joined().map { $0 })
        let found = Self.scan([bytes[...]])
        #expect(found.count == SourceMappingURLFinder.maxNotesKept + 1)
        #expect(found.last == "note notesNotKept(count: 5)")
        #expect(found.dropLast().allSatisfy { $0.hasPrefix("note inlinePayloadNotAMap") })
    }

    /// Broken framing (an overlong number, a URL longer than its section, a cut-off module) finds nothing and never
    /// reads past the bytes given; a payload cut off by the member's end is counted as it stands.
    @Test func brokenFramingIsLeftAlone() {
        let overlong = Self.module([0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01] + WasmModule.sourceMappingURL(Self.dataURL))
        #expect(Self.scan([overlong[...]]).isEmpty)
        let content = WasmModule.string("sourceMappingURL") + WasmModule.leb(500) + Array("x.map".utf8)
        let tooLong = Self.module([0x00] + WasmModule.leb(content.count) + content)
        #expect(Self.scan([tooLong[...]]).isEmpty)
        let whole = Self.module(WasmModule.sourceMappingURL(Self.dataURL))
        for cut in stride(from: 1, to: whole.count, by: 7) {
            let found = Self.scan([whole[..<cut]])
            #expect(found.allSatisfy { $0.hasPrefix("inline ") || $0.hasPrefix("note ") }, "\(cut)")
        }
        #expect(Self.scan([Array("\0asm-not-a-module".utf8)[...]]).isEmpty)
    }

    /// V8's own reading, through the inspector's `Debugger.scriptParsed` (the URL DevTools gets), on generated modules:
    /// a type section and custom sections around the section, a second section after it, names that differ, plain URLs
    /// and `data:` URLs in both encodings. For a `data:` URL the map is fetched (`fetch('data:…')`) and counted, and
    /// leak-scan must count exactly that.
    @Test func sectionReaderAgreesWithV8() throws {
        var random = SeededGenerator(seed: 0x3A5)
        let encodedMap = Self.map.utf8.map { String(format: "%%%02X", $0) }.joined()
        let urls = [
            "app.wasm.map", "https://cdn.example/x.wasm.map", " spaced url ", Self.dataURL,
            "DATA:application/json;BASE64," + MapText.base64(Self.map), "data:application/json," + encodedMap,
        ]
        let fillers: [[UInt8]] = [
            WasmModule.customSection(name: "name", payload: [0, 0]),
            WasmModule.customSection(name: "SourceMappingURL", payload: WasmModule.string("hidden.map")),
            WasmModule.customSection(name: "producers", payload: Array(repeating: 7, count: 300)),
        ]
        var modules: [[UInt8]] = []
        for index in 0..<120 {
            var sections: [[UInt8]] = (0..<Int.random(in: 0..<3, using: &random)).map { _ in
                fillers.randomElement(using: &random)!
            }
            if Bool.random(using: &random) { sections.insert(WasmModule.typeSection, at: 0) }
            if Int.random(in: 0..<8, using: &random) > 0 {
                let url = urls.randomElement(using: &random)!
                var section = WasmModule.sourceMappingURL(url)
                if Bool.random(using: &random) {
                    let content = WasmModule.string("sourceMappingURL") + WasmModule.string(url) + [1, 2, 3]
                    section = [0x00] + WasmModule.leb(content.count) + content
                }
                sections.insert(section, at: Int.random(in: 0...sections.count, using: &random))
            }
            // A second section: V8 keeps the first, and only the first is the module's reference here too.
            if Int.random(in: 0..<4, using: &random) == 0 { sections.append(WasmModule.sourceMappingURL("second.wasm.map")) }
            // V8 compiles identical bytes once and reports that script once: each module gets a section of its own.
            sections.append(WasmModule.customSection(name: "test", payload: WasmModule.leb(index)))
            modules.append(WasmModule.header + sections.joined())
        }
        let program = #"""
            const session = new (require('inspector').Session)();
            session.connect();
            let parsed = null;
            session.on('Debugger.scriptParsed', (m) => { if (m.params.url.startsWith('wasm://')) parsed = m.params.sourceMapURL; });
            await new Promise((resolve) => session.post('Debugger.enable', resolve));
            for (const b of inputs) {
                parsed = null;
                new WebAssembly.Module(b);
                // Every module is reported (with an empty URL when it has none), not always before the next tick.
                for (let wait = 0; parsed === null && wait < 2000; wait++) await new Promise((resolve) => setTimeout(resolve, 1));
                if (parsed === null) throw new Error('no scriptParsed event');
                const url = parsed;
                let counted = null;
                if (url.toLowerCase().startsWith('data:')) {
                    const map = JSON.parse(await (await fetch(url)).text());
                    counted = (map.sourcesContent ?? []).map((c) => c.split('\n').length - 1 + (c.length > 0 && !c.endsWith('\n') ? 1 : 0));
                }
                out.push(JSON.stringify({ url, counted }));
            }
            """#
        let lines = try NodeOracle.run(program, inputs: modules)
        try #require(lines.count == modules.count)
        struct V8Reading: Decodable {
            var url: String
            var counted: [Int]?
        }
        var inline = 0
        var references = 0
        for (module, line) in zip(modules, lines) {
            let v8 = try JSONDecoder().decode(V8Reading.self, from: Data(line.utf8))
            let found = Self.scan([module[...]])
            if let counted = v8.counted {
                #expect(found == ["inline \(found.first?.split(separator: " ")[1] ?? "?") \(counted)"], "\(line)")
                inline += 1
            } else if v8.url.isEmpty {
                #expect(found.isEmpty, "\(line)")
            } else {
                #expect(found.count == 1 && found.first?.hasSuffix(" " + v8.url) == true, "\(line) \(found)")
                references += 1
            }
        }
        #expect(inline > 30)
        #expect(references > 20)
    }
}
