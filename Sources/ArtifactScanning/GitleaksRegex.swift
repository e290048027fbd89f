import LeakScanCore

/// Go's RE2 syntax (gitleaks' regexes) in the syntax the secret engines take: Vectorscan's PCRE subset and Swift
/// `Regex`. What maps cleanly is rewritten (`\pL` → `\p{L}`, `(?P<name>` → `(?<name>`); what RE2 does not have
/// (lookaround, backreferences) or Swift cannot compile (`\C`) is an error naming the rule.
enum GitleaksRegex {
    /// The pattern rewritten, checked by compiling it; `place` starts the error sentence (`rule aws: regex: `).
    static func translate(
        _ pattern: String, in place: String, fail: (String) -> GitleaksConfigError
    ) throws(GitleaksConfigError) -> String {
        try translated(pattern, in: place, fail: fail).pattern
    }

    /// The rewritten pattern and how many capture groups it has.
    static func translated(
        _ pattern: String, in place: String, fail: (String) -> GitleaksConfigError
    ) throws(GitleaksConfigError) -> (pattern: String, groups: Int) {
        let characters = Array(pattern)
        var out = ""
        var groups = 0
        var index = 0
        var inClass = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                let next = characters[index + 1]
                if (next == "p" || next == "P"), index + 2 < characters.count, characters[index + 2] != "{" {
                    out += "\\\(next){\(characters[index + 2])}"
                    index += 3
                    continue
                }
                if !inClass, next.isNumber, next != "0" {
                    throw fail(place + "backreference \\\(next) is not in Go's RE2 syntax")
                }
                out.append(character)
                out.append(next)
                index += 2
                continue
            }
            if inClass {
                if character == "]" { inClass = false }
                if character == "[", index + 1 < characters.count, characters[index + 1] == ":" {
                    // A POSIX class `[:alpha:]` inside a class: copied through its closing `:]`.
                    if let close = (index + 2..<characters.count).first(where: {
                        characters[$0] == "]" && characters[$0 - 1] == ":"
                    }) {
                        out += String(characters[index...close])
                        index = close + 1
                        continue
                    }
                }
                out.append(character)
                index += 1
                continue
            }
            if character == "[" {
                inClass = true
                out.append(character)
                index += 1
                // A `]` or `^]` right after the opening bracket is a literal.
                if index < characters.count, characters[index] == "^" {
                    out.append("^")
                    index += 1
                }
                if index < characters.count, characters[index] == "]" {
                    out += "\\]"
                    index += 1
                }
                continue
            }
            if character == "(" {
                let rest = String(characters[(index + 1)...].prefix(4))
                if rest.hasPrefix("?=") || rest.hasPrefix("?!") || rest.hasPrefix("?<=") || rest.hasPrefix("?<!") {
                    throw fail(place + "lookaround \"(\(rest.prefix(rest.hasPrefix("?<") ? 3 : 2))\" is not in Go's RE2 syntax")
                }
                if rest.hasPrefix("?>") { throw fail(place + "atomic group \"(?>\" is not in Go's RE2 syntax") }
                if rest.hasPrefix("?P<") {
                    out += "(?<"
                    index += 4
                    groups += 1
                    continue
                }
                if !rest.hasPrefix("?") || rest.hasPrefix("?<") { groups += 1 }
            }
            out.append(character)
            index += 1
        }
        do {
            _ = try SecretRegex.compile(out)
        } catch {
            throw fail(place + "not supported here: \(error)")
        }
        return (out, groups)
    }
}
