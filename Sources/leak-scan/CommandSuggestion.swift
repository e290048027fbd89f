/// "Did you mean": a mistyped subcommand would otherwise be scanned as a missing file (the default command is `scan`).
enum CommandSuggestion {
    /// The command within two edits of `word` (Levenshtein), the closest first; nil when none is that close.
    static func nearest(to word: String, among commands: [String]) -> String? {
        let scored = commands.map { (command: $0, distance: distance(Array(word.lowercased()), Array($0))) }
        return scored.filter { $0.distance <= 2 && $0.distance < $0.command.count }.min { $0.distance < $1.distance }?.command
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1]
            for (j, right) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
