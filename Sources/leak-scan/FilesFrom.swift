import FoundationEssentials
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `--files-from FILE|-`: artifact paths one per line (blank lines and `#` comments ignored), for batch audits.
enum FilesFrom {
    static func read(_ source: String?) throws(CommandError) -> [String] {
        guard let source else { return [] }
        let bytes: [UInt8]
        if source == "-" {
            bytes = StandardStreams.readInput()
        } else {
            guard let contents = FileManager.default.contents(atPath: source) else {
                throw .incomplete("\(source): cannot read the list of artifacts: \(String(cString: strerror(errno)))")
            }
            bytes = Array(contents)
        }
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { String($0.trimmingWhitespace) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
