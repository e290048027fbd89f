/// Writes Electron asar archives byte by byte, as `@electron/asar` lays them out (no asar tool is packaged here): a
/// size pickle, a header pickle holding the JSON index, then the files' data at the offsets the index gives.
public enum AsarBuilder {
    public enum Member: Sendable {
        case file(String, [UInt8])
        /// Listed in the index with `"unpacked": true`; its data is not in the archive.
        case unpacked(String, size: Int)
        case link(String, target: String)
    }

    /// `order` decides where each file's data goes (default: index order); `offsets` may override a file's offset.
    public static func build(_ members: [Member], dataOrder: [Int]? = nil, offsets: [String: Int] = [:]) -> [UInt8] {
        var data: [UInt8] = []
        var placed: [String: Int] = [:]
        let files = members.enumerated().compactMap { item -> (Int, String, [UInt8])? in
            if case .file(let path, let bytes) = item.element { return (item.offset, path, bytes) }
            return nil
        }
        let order = dataOrder ?? files.indices.map { $0 }
        for index in order {
            placed[files[index].1] = data.count
            data += files[index].2
        }
        final class Directory {
            var children: [(String, Any)] = []
        }
        let root = Directory()
        func insert(_ path: String, _ json: String) {
            var directory = root
            let parts = path.split(separator: "/").map(String.init)
            for part in parts.dropLast() {
                if let existing = directory.children.first(where: { $0.0 == part })?.1 as? Directory {
                    directory = existing
                } else {
                    let created = Directory()
                    directory.children.append((part, created))
                    directory = created
                }
            }
            directory.children.append((parts.last!, json))
        }
        for member in members {
            switch member {
            case .file(let path, let bytes):
                insert(path, #"{"size":\#(bytes.count),"offset":"\#(offsets[path] ?? placed[path]!)"}"#)
            case .unpacked(let path, let size):
                insert(path, #"{"size":\#(size),"unpacked":true}"#)
            case .link(let path, let target):
                insert(path, #"{"link":"\#(target)"}"#)
            }
        }
        func render(_ directory: Directory) -> String {
            "{\"files\":{"
                + directory.children.map { name, value in
                    "\"\(name)\":" + ((value as? Directory).map(render) ?? (value as! String))
                }.joined(separator: ",") + "}}"
        }
        let json = Array(render(root).utf8)
        let padding = (4 - json.count % 4) % 4
        let payload = le32(json.count) + json + [UInt8](repeating: 0, count: padding)
        let header = le32(payload.count) + payload
        return le32(4) + le32(header.count) + header + data
    }

    private static func le32(_ value: Int) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}
