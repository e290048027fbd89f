/// Recognises containers and compressed streams by their first bytes (magic numbers), so a member is opened for what it
/// is, not for what its name says. Looks at most `headLength` bytes, once per member: a few comparisons, never a pass.
public enum ContentSniffer {
    /// What the first bytes say.
    public enum Kind: String, Sendable, Equatable {
        case tar, zip, sevenZip = "7z", rpm, cpio, ar, xar, cab, rar
        /// Electron's asar (read by `AsarReader`).
        case asar
        case gzip, bzip2, xz, zstd, lz4, lzip, compress
        /// Snap packages, AppImage payloads (read by `SquashfsReader`).
        case squashfs

        /// True for single compressed streams (a file, or an archive inside), false for archive formats.
        public var isCompression: Bool {
            switch self {
            case .gzip, .bzip2, .xz, .zstd, .lz4, .lzip, .compress: true
            default: false
            }
        }
    }

    /// Bytes `classify` needs to see every magic it knows (a tar header, whose checksum is checked, is 512 bytes); fewer
    /// is fine for short members.
    public static let headLength = 512

    public static func classify(_ head: UnsafeRawBufferPointer) -> Kind? {
        let count = head.count
        guard count >= 4 else { return nil }
        let b0 = head[0], b1 = head[1], b2 = head[2], b3 = head[3]
        switch (b0, b1) {
        case (0x1F, 0x8B): return count >= 3 && b2 == 8 ? .gzip : nil
        case (0x1F, 0x9D): return .compress
        case (0x50, 0x4B) where (b2, b3) == (3, 4) || (b2, b3) == (5, 6) || (b2, b3) == (7, 8): return .zip
        case (0x37, 0x7A) where matches(head, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]): return .sevenZip
        case (0xED, 0xAB) where (b2, b3) == (0xEE, 0xDB): return .rpm
        case (0xFD, 0x37) where matches(head, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]): return .xz
        case (0x28, 0xB5) where (b2, b3) == (0x2F, 0xFD): return .zstd
        case (0x04, 0x22) where (b2, b3) == (0x4D, 0x18): return .lz4
        case (0x02, 0x21) where (b2, b3) == (0x4C, 0x18): return .lz4
        case (0x42, 0x5A) where isBzip2(head): return .bzip2
        case (0x4C, 0x5A) where matches(head, Array("LZIP".utf8)): return .lzip
        case (0x21, 0x3C) where matches(head, Array("!<arch>\n".utf8)) || matches(head, Array("!<thin>\n".utf8)): return .ar
        case (0x78, 0x61) where matches(head, Array("xar!".utf8)): return .xar
        case (0x4D, 0x53) where matches(head, Array("MSCF".utf8)): return .cab
        case (0x52, 0x61) where matches(head, Array("Rar!\u{1A}\u{07}".utf8)): return .rar
        case (0x68, 0x73) where matches(head, Array("hsqs".utf8)): return .squashfs
        case (0x73, 0x71) where matches(head, Array("sqsh".utf8)): return .squashfs
        case (0xC7, 0x71), (0x71, 0xC7): return count >= 26 ? .cpio : nil
        case (0x30, 0x37) where isASCIICpio(head): return .cpio
        case (0x04, 0x00) where AsarReader.recognises(head): return .asar
        default: break
        }
        if count >= 512, head[257] == 0x75, head[258] == 0x73, head[259] == 0x74, head[260] == 0x61, head[261] == 0x72,
            hasValidTarChecksum(head)
        {
            return .tar
        }
        return nil
    }

    /// The header checksum (octal at 148, the byte sum of the 512-byte header with the checksum field as spaces), as
    /// libarchive and GNU tar check it; only computed once `ustar` was found at 257.
    private static func hasValidTarChecksum(_ head: UnsafeRawBufferPointer) -> Bool {
        var stored = 0
        var digits = 0
        for byte in head[148..<156] {
            if (0x30...0x37).contains(byte) {
                stored = stored * 8 + Int(byte - 0x30)
                digits += 1
            } else if byte == 0 || byte == 0x20 {
                if digits > 0 { break }
            } else {
                return false
            }
        }
        guard digits > 0 else { return false }
        var sum = 0
        for index in 0..<512 { sum += (148..<156).contains(index) ? 0x20 : Int(head[index]) }
        return sum == stored
    }

    private static func matches(_ head: UnsafeRawBufferPointer, _ magic: [UInt8]) -> Bool {
        head.count >= magic.count && magic.indices.allSatisfy { head[$0] == magic[$0] }
    }

    /// `BZh1`…`BZh9`, then a block (π in BCD) or the end-of-stream marker (√π): ten bytes, so text starting `BZh9`
    /// is not taken for bzip2.
    private static func isBzip2(_ head: UnsafeRawBufferPointer) -> Bool {
        guard head.count >= 10, head[2] == 0x68, (0x31...0x39).contains(head[3]) else { return false }
        let marker = Array(head[4..<10])
        return marker == [0x31, 0x41, 0x59, 0x26, 0x53, 0x59] || marker == [0x17, 0x72, 0x45, 0x38, 0x50, 0x90]
    }

    /// `070707` followed by 70 octal digits (odc), or `070701`/`070702` followed by 104 hex digits (newc, crc):
    /// the whole header, so a text file that starts with those digits is not taken for cpio.
    private static func isASCIICpio(_ head: UnsafeRawBufferPointer) -> Bool {
        guard head.count >= 6, head[2] == 0x30, head[3] == 0x37, head[4] == 0x30 else { return false }
        switch head[5] {
        case 0x37:
            return head.count >= 76 && head[6..<76].allSatisfy { (0x30...0x37).contains($0) }
        case 0x31, 0x32:
            return head.count >= 110 && head[6..<110].allSatisfy(isHexDigit)
        default:
            return false
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    /// Brotli streams have no magic number: `.br` (web servers' precompressed assets) and `.brotli` (Debian's name).
    public static func isBrotli(name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            hasSuffix(bytes, ".br") && bytes.count > 3 || hasSuffix(bytes, ".brotli") && bytes.count > 7
        }
    }

    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let start = suffix.utf8Start
        for index in 0..<count {
            var byte = bytes[bytes.count - count + index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != start[index] { return false }
        }
        return true
    }

    /// The first bytes as a short printable excerpt for messages, in backticks: `` `<!DOCTYPE html><h…` ``; bytes
    /// outside printable ASCII (and backticks) as `\xNN`.
    public static func excerpt(_ head: UnsafeRawBufferPointer, limit: Int = 16) -> String {
        var text = "`"
        for byte in head.prefix(limit) {
            if (0x20...0x7E).contains(byte), byte != 0x60 {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return text + (head.count > limit ? "…`" : "`")
    }
}
