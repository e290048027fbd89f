/// Writes tar streams block by block, so tests can build what tar tools do not write on purpose: zero blocks in the
/// middle, pax global headers with a size, GNU long names next to pax paths, link names on files, bodies on links.
public enum HandTar {
    /// One 512-byte ustar header (checksum computed) for `name` of `size` bytes and type `type`.
    public static func header(
        _ name: String, size: Int, type: Character = "0", linkName: String = "", prefix: String = "", mode: Int = 0o644
    ) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, width: Int) {
            for (index, byte) in Array(text.utf8).prefix(width).enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, at offset: Int, width: Int) {
            put(
                String(repeating: "0", count: max(0, width - 1 - String(value, radix: 8).count)) + String(value, radix: 8),
                at: offset, width: width - 1)
        }
        put(name, at: 0, width: 100)
        octal(mode, at: 100, width: 8)
        octal(0, at: 108, width: 8)
        octal(0, at: 116, width: 8)
        octal(size, at: 124, width: 12)
        octal(499_162_500, at: 136, width: 12)
        block[156] = type.asciiValue ?? UInt8(ascii: "0")
        put(linkName, at: 157, width: 100)
        put("ustar\u{0}00", at: 257, width: 8)
        put(prefix, at: 345, width: 155)
        for index in 148..<156 { block[index] = 0x20 }
        let sum = block.reduce(0) { $0 + Int($1) }
        put(String(repeating: "0", count: 6 - String(sum, radix: 8).count) + String(sum, radix: 8) + "\u{0} ", at: 148, width: 8)
        return block
    }

    /// `bytes` padded with zeros to a whole number of blocks.
    public static func padded(_ bytes: [UInt8]) -> [UInt8] {
        bytes + [UInt8](repeating: 0, count: (512 - bytes.count % 512) % 512)
    }

    /// A regular file: header and padded body.
    public static func file(_ name: String, _ content: [UInt8], linkName: String = "") -> [UInt8] {
        header(name, size: content.count, linkName: linkName) + padded(content)
    }

    public static func file(_ name: String, text: String) -> [UInt8] {
        file(name, Array(text.utf8))
    }

    /// A pax extended (`x`) or global (`g`) header carrying `records` (`key=value`, lengths computed).
    public static func pax(_ records: [(String, String)], global: Bool = false, linkName: String = "") -> [UInt8] {
        var body: [UInt8] = []
        for (key, value) in records {
            let content = " \(key)=\(value)\n"
            var length = content.utf8.count + 1
            while "\(length)".utf8.count + content.utf8.count != length { length += 1 }
            body += Array("\(length)\(content)".utf8)
        }
        return header(
            global ? "pax_global_header" : "PaxHeader/x", size: body.count, type: global ? "g" : "x", linkName: linkName)
            + padded(body)
    }

    /// A GNU long-name (`L`) record naming the next member.
    public static func longName(_ name: String) -> [UInt8] {
        let body = Array(name.utf8) + [0]
        return header("././@LongLink", size: body.count, type: "L") + padded(body)
    }

    /// `block` (a header) with its 12-byte size field replaced by `field` (e.g. base-256 bytes) and its checksum
    /// computed again.
    public static func withSizeField(_ block: [UInt8], _ field: [UInt8]) -> [UInt8] {
        var copy = block
        copy.replaceSubrange(124..<136, with: field)
        for index in 148..<156 { copy[index] = 0x20 }
        let sum = String(copy.reduce(0) { $0 + Int($1) }, radix: 8)
        let text = Array((String(repeating: "0", count: 6 - sum.count) + sum).utf8) + [0, 0x20]
        copy.replaceSubrange(148..<156, with: text)
        return copy
    }

    public static let zeroBlock = [UInt8](repeating: 0, count: 512)
    /// The end-of-archive marker: two zero blocks.
    public static let end = zeroBlock + zeroBlock
}
