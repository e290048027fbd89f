import LeakScanCore

/// Classifies `sourceMappingURL` values against the members of the archive that holds the referring file.
struct ReferenceResolver {
    /// Normalized paths of the regular members of one archive level.
    private let members: Set<String>

    init(memberPaths: [String]) {
        members = Set(memberPaths.lazy.map { SourcePath.normalize($0) })
    }

    func status(of url: String, referencedFrom memberPath: String) -> Reference.Status {
        let lower = url.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") { return .remote }
        var target = url
        if let cut = target.firstIndex(where: { $0 == "?" || $0 == "#" }) { target = String(target[..<cut]) }
        target = target.removingPercentEncodingIfPossible
        let directory = memberPath.split(separator: "/").dropLast().joined(separator: "/")
        let joined = target.hasPrefix("/") || directory.isEmpty ? target : directory + "/" + target
        return members.contains(SourcePath.normalize(joined)) ? .present : .missing
    }
}

extension String {
    /// `%20` and friends decoded when the escapes form valid UTF-8; otherwise the string as written.
    fileprivate var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
