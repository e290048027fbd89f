import Foundation

/// An independent counter of what a consumer got: walks extracted files with Foundation's JSON parser and base64
/// decoder (none of leak-scan's code), counting `sourcesContent` entries of map files and of base64 inline maps.
public struct ExposureOracle: Equatable, CustomStringConvertible {
    public var maps = 0
    public var files = 0
    public var lines = 0
    public var bytes = 0

    public init() {}

    public init(maps: Int, files: Int, lines: Int, bytes: Int) {
        self.maps = maps
        self.files = files
        self.lines = lines
        self.bytes = bytes
    }

    public var description: String { "\(maps) maps, \(files) files / \(lines) lines / \(bytes) bytes" }

    /// Counts one file's content: a JSON map, or a script with a base64 `sourceMappingURL=data:` comment.
    public mutating func count(fileContent data: [UInt8]) {
        if let object = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any], object["sources"] is [Any] {
            countMap(object)
            return
        }
        let text = String(decoding: data, as: UTF8.self)
        let marker = "sourceMappingURL=data:application/json;base64,"
        var rest = text[...]
        while let range = rest.range(of: marker) {
            let payload = rest[range.upperBound...].prefix { !$0.isWhitespace }
            if let decoded = Data(base64Encoded: String(payload)),
                let object = try? JSONSerialization.jsonObject(with: decoded) as? [String: Any]
            {
                countMap(object)
            }
            rest = rest[range.upperBound...]
        }
    }

    /// Counts every regular file under `directory`; symbolic links to files count as their targets unless
    /// `followingSymbolicLinks` is false.
    public mutating func count(directory: String, followingSymbolicLinks: Bool = true) throws {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = directory + "/" + relative
            if !followingSymbolicLinks,
                try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType == .typeSymbolicLink
            {
                continue
            }
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            count(fileContent: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }

    private mutating func countMap(_ object: [String: Any]) {
        maps += 1
        for case let entry as String in object["sourcesContent"] as? [Any] ?? [] {
            files += 1
            let newlines = entry.utf8.count { $0 == 0x0A }
            lines += newlines + (entry.isEmpty || entry.utf8.last == 0x0A ? 0 : 1)
            bytes += entry.utf8.count
        }
    }
}
