// Vectorscan's compiled databases: only in builds with the `Vectorscan` trait (the default).
#if Vectorscan
    import CVectorscan

    #if canImport(Glibc)
        import Glibc
    #elseif canImport(Darwin)
        import Darwin
    #endif

    /// Compiled Vectorscan databases kept on disk (`$XDG_CACHE_HOME/leak-scan`, else `~/.cache/leak-scan`), keyed by
    /// the Vectorscan version and the patterns: compiling the built-in rules costs ~80 ms per process, loading them
    /// well under a millisecond. The cache is an optimization only: any failure (no home, read-only disk, a database built
    /// for another CPU, which `hs_deserialize_database` refuses) falls back to compiling.
    enum DatabaseCache {
        /// The file for these patterns, or nil when there is no cache folder.
        static func path(for patterns: [String]) -> String? {
            func variable(_ name: String) -> String? {
                getenv(name).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let base = variable("XDG_CACHE_HOME") ?? variable("HOME").map { $0 + "/.cache" }
            guard let base else { return nil }
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            let version = String(cString: hs_version())
            for byte in (["stream", version] + patterns).joined(separator: "\u{0}").utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            let hex = String(hash, radix: 16)
            return base + "/leak-scan/secrets-" + String(repeating: "0", count: 16 - hex.count) + hex + ".hsdb"
        }

        /// The database in `path`, when it is there and loads on this machine.
        static func load(_ path: String) -> OpaquePointer? {
            guard let file = fopen(path, "rb") else { return nil }
            defer { fclose(file) }
            var bytes: [CChar] = []
            var chunk = [CChar](repeating: 0, count: 1 << 16)
            while true {
                let read = fread(&chunk, 1, chunk.count, file)
                if read <= 0 { break }
                bytes += chunk[..<read]
                if bytes.count > 64 << 20 { return nil }
            }
            var database: OpaquePointer?
            let status = bytes.withUnsafeBufferPointer { hs_deserialize_database($0.baseAddress, $0.count, &database) }
            return status == HS_SUCCESS ? database : nil
        }

        /// Writes `database` to `path` (through a temporary file and a rename, so readers never see half a file).
        static func store(_ database: OpaquePointer, at path: String) {
            var serialized: UnsafeMutablePointer<CChar>?
            var length = 0
            guard hs_serialize_database(database, &serialized, &length) == HS_SUCCESS, let serialized else { return }
            defer { free(serialized) }
            guard let slash = path.lastIndex(of: "/") else { return }
            let folder = String(path[..<slash])
            let parent = folder[..<(folder.lastIndex(of: "/") ?? folder.endIndex)]
            mkdir(String(parent), 0o755)
            mkdir(folder, 0o755)
            let temporary = path + ".\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tmp"
            guard let file = fopen(temporary, "wb") else { return }
            let written = fwrite(serialized, 1, length, file)
            fclose(file)
            if written == length { rename(temporary, path) } else { unlink(temporary) }
        }
    }
#endif
