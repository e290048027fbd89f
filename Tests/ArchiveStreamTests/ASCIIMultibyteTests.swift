import ArchiveStream
import CASCIIMultibyte
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The ASCII fast path in front of glibc's `mbrtowc` (Sources/CASCIIMultibyte) answers exactly what glibc answers, in
/// every state and locale, and libarchive's tar reader still sees names as before through it.
@Suite struct ASCIIMultibyteTests {
    struct Conversion: Equatable {
        var result: Int
        var wide: UInt32
    }

    /// Runs `body` with the calling thread's LC_CTYPE set to `name` (thread-local: other tests are not affected).
    static func inLocale<T>(_ name: String, _ body: () -> T) throws -> T {
        #if canImport(Glibc)
            let locale = try #require(newlocale(LC_CTYPE_MASK, name, nil))
            let previous = uselocale(locale)
            defer {
                uselocale(previous)
                freelocale(locale)
            }
        #endif
        return body()
    }

    /// Converts `bytes` one call after another with one state, through the fast path or libc's own function.
    static func convert(_ bytes: [UInt8], libc: Bool) -> [Conversion] {
        var state = mbstate_t()
        var conversions: [Conversion] = []
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                for index in characters.indices {
                    var wide: wchar_t = 0x7777
                    let result =
                        libc
                        ? leak_scan_libc_mbrtowc(&wide, characters.baseAddress! + index, characters.count - index, &state)
                        : mbrtowc(&wide, characters.baseAddress! + index, characters.count - index, &state)
                    conversions.append(Conversion(result: result, wide: UInt32(bitPattern: wide)))
                    if result == -1 { state = mbstate_t() }
                }
            }
        }
        return conversions
    }

    @Test func theFastPathIsLinkedOnGlibc() {
        #if canImport(Glibc)
            #expect(leak_scan_ascii_mbrtowc_active() == 1)
        #endif
    }

    @Test(arguments: ["C", "C.UTF-8"])
    func everyByteAndEveryStateAnswersAsGlibcDoes(locale: String) throws {
        guard leak_scan_ascii_mbrtowc_active() == 1 else { return }
        try Self.inLocale(locale) {
            for byte in UInt8.min...UInt8.max {
                #expect(Self.convert([byte], libc: false) == Self.convert([byte], libc: true), "byte \(byte)")
            }
            // ASCII after an incomplete sequence (state not initial), after a complete one, and a four-byte character.
            let sequences: [[UInt8]] = [
                [0xC3, 0x61], [0xC3, 0xA9, 0x61], [0xE2, 0x82, 0x61], [0xF0, 0x9F, 0x98, 0x80, 0x2F], [0x61, 0x00, 0x62],
            ]
            for bytes in sequences {
                #expect(Self.convert(bytes, libc: false) == Self.convert(bytes, libc: true), "\(bytes)")
            }
        }
    }

    @Test func libarchiveStillReadsNamesThroughIt() throws {
        let directory = TemporaryDirectory()
        let members: [ArchiveBuilder.Member] = [
            .text("package/a.js", "x"), .text("package/é😀.js", "yy"), .file("package/dir/", Array("zzz".utf8)),
        ]
        let path = directory.write("a.tar", ArchiveBuilder.build(.tar, members))
        let read = try ArchiveReaderTests.readAll(path)
        #expect(read.map(\.0) == ["package/a.js", "package/é😀.js", "package/dir/"])
        #expect(read.map(\.1) == [.regular, .regular, .directory])
        #expect(read.map(\.2) == [1, 2, 0])
    }
}
