/// WebAssembly module bytes built by hand (no wasm toolchain here): the header, sections and the `sourceMappingURL`
/// custom section that V8 reads a module's source map URL from.
public enum WasmModule {
    /// `\0asm`, version 1.
    public static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]
    /// A type section declaring one function type without parameters or results.
    public static let typeSection: [UInt8] = [0x01, 0x04, 0x01, 0x60, 0x00, 0x00]

    /// `value` as unsigned LEB128 (wasm's `varuint32`).
    public static func leb(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        repeat {
            var byte = UInt8(rest & 0x7F)
            rest >>= 7
            if rest != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while rest != 0
        return bytes
    }

    /// A length-prefixed UTF-8 string.
    public static func string(_ text: String) -> [UInt8] {
        leb(text.utf8.count) + Array(text.utf8)
    }

    public static func customSection(name: String, payload: [UInt8]) -> [UInt8] {
        let content = string(name) + payload
        return [0x00] + leb(content.count) + content
    }

    public static func sourceMappingURL(_ url: String) -> [UInt8] {
        customSection(name: "sourceMappingURL", payload: string(url))
    }
}
