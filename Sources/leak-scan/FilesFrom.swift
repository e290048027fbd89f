import ArgumentParser
import Foundation

/// `--files-from FILE|-`: artifact paths one per line (blank lines and `#` comments ignored), for batch audits.
enum FilesFrom {
    static func read(_ source: String?) throws -> [String] {
        guard let source else { return [] }
        let data: Data
        if source == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: source) else {
                throw ValidationError("\(source): cannot read the list of artifacts")
            }
            data = contents
        }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
