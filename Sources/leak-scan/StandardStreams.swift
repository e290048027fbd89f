#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard input, output and error as file descriptors (FoundationEssentials has no `FileHandle`). Writes go out whole:
/// partial writes continue and interrupted calls retry.
enum StandardStreams {
    /// Best effort: when standard error itself refuses, there is nowhere left to say so (the exit code still does).
    static func writeError(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    static var errorIsTerminal: Bool {
        isatty(STDERR_FILENO) != 0
    }

    /// Everything on standard input up to its end.
    static func readInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += chunk[..<count]
            } else if count == 0 || errno != EINTR {
                return bytes
            }
        }
    }

    /// Writes all of `text` to `descriptor`; false when the descriptor refused it (closed pipe, full disk).
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }
}

/// The C library's `write`, named apart from `StandardStreams.write` (Glibc and Darwin name their modules differently).
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
