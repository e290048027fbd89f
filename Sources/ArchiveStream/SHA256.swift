import CSHA256

/// SHA-256 (FIPS 180-4) over a stream, fed block by block: the artifact's digest for auditors, computed as its bytes
/// are read. Written here because the one crypto library at hand differs between builds (nettle behind the system
/// libarchive, mbedcrypto in the static release) and swift-crypto costs minutes per cold build. Blocks go through the
/// x86 SHA instructions where the CPU has them (CSHA256), through the portable code below elsewhere.
public struct SHA256: Sendable {
    /// True when this CPU runs SHA-256 in hardware (x86 SHA extensions).
    public static let hardwareAvailable = leak_scan_sha256_hardware_available() == 1

    private static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19
    )
    /// Bytes fed so far (the padding encodes their count in bits).
    public private(set) var byteCount: Int64 = 0
    /// The start of a 64-byte block that is not complete yet, carried to the next `update`.
    private var pending: [UInt8] = []
    private let usesHardware: Bool

    /// `hardware: false` forces the portable code (tests compare both).
    public init(hardware: Bool = SHA256.hardwareAvailable) {
        usesHardware = hardware && Self.hardwareAvailable
    }

    /// Feeds the next bytes of the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var start = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        byteCount += Int64(remaining)
        if !pending.isEmpty {
            let taken = min(64 - pending.count, remaining)
            pending += UnsafeRawBufferPointer(start: start, count: taken)
            start += taken
            remaining -= taken
            guard pending.count == 64 else { return }
            let block = pending
            pending.removeAll(keepingCapacity: true)
            block.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress { compress(base, blocks: 1) }
            }
        }
        let whole = remaining / 64
        if whole > 0 { compress(start, blocks: whole) }
        if remaining % 64 > 0 {
            pending += UnsafeRawBufferPointer(start: start + whole * 64, count: remaining % 64)
        }
    }

    /// Feeds the next bytes of the message.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        if let done = bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) { return done }
        Array(bytes).withUnsafeBytes { update($0) }
    }

    /// The 32-byte digest of everything fed; the hasher itself is left as it was.
    public func finalize() -> [UInt8] {
        var copy = self
        var padding: [UInt8] = [0x80]
        let used = Int(byteCount % 64)
        padding += [UInt8](repeating: 0, count: (used < 56 ? 55 : 119) - used)
        let bits = UInt64(byteCount) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { padding.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        let fedBefore = copy.byteCount
        padding.withUnsafeBytes { copy.update($0) }
        copy.byteCount = fedBefore
        let words = [
            copy.state.0, copy.state.1, copy.state.2, copy.state.3, copy.state.4, copy.state.5, copy.state.6, copy.state.7,
        ]
        return words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - 8 * $0)) } }
    }

    /// The digest as 64 lowercase hexadecimal digits (as `sha256sum` prints it).
    public func hexDigest() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    @inline(__always)
    private static func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }

    /// Runs the compression function over `blocks` consecutive 64-byte blocks at `start`.
    private mutating func compress(_ start: UnsafeRawPointer, blocks: Int) {
        if usesHardware {
            withUnsafeMutableBytes(of: &state) { words in
                leak_scan_sha256_blocks_hardware(
                    words.baseAddress?.assumingMemoryBound(to: UInt32.self), start.assumingMemoryBound(to: UInt8.self), blocks)
            }
            return
        }
        var (h0, h1, h2, h3, h4, h5, h6, h7) = state
        Self.roundConstants.withUnsafeBufferPointer { constants in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                for block in 0..<blocks {
                    let base = start + block * 64
                    for index in 0..<16 {
                        schedule[index] = base.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self).bigEndian
                    }
                    for index in 16..<64 {
                        let early = schedule[index - 15]
                        let late = schedule[index - 2]
                        let sigma0 = Self.rotateRight(early, 7) ^ Self.rotateRight(early, 18) ^ (early >> 3)
                        let sigma1 = Self.rotateRight(late, 17) ^ Self.rotateRight(late, 19) ^ (late >> 10)
                        schedule[index] = schedule[index - 16] &+ sigma0 &+ schedule[index - 7] &+ sigma1
                    }
                    var (a, b, c, d, e, f, g, h) = (h0, h1, h2, h3, h4, h5, h6, h7)
                    for index in 0..<64 {
                        let sum1 = Self.rotateRight(e, 6) ^ Self.rotateRight(e, 11) ^ Self.rotateRight(e, 25)
                        let choice = (e & f) ^ (~e & g)
                        let temp1 = h &+ sum1 &+ choice &+ constants[index] &+ schedule[index]
                        let sum0 = Self.rotateRight(a, 2) ^ Self.rotateRight(a, 13) ^ Self.rotateRight(a, 22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        h = g
                        g = f
                        f = e
                        e = d &+ temp1
                        d = c
                        c = b
                        b = a
                        a = temp1 &+ sum0 &+ majority
                    }
                    h0 = h0 &+ a
                    h1 = h1 &+ b
                    h2 = h2 &+ c
                    h3 = h3 &+ d
                    h4 = h4 &+ e
                    h5 = h5 &+ f
                    h6 = h6 &+ g
                    h7 = h7 &+ h
                }
            }
        }
        state = (h0, h1, h2, h3, h4, h5, h6, h7)
    }
}
