import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// Sensitive terms (issue 18 item 3): words match whole and case-blind (any mix of cases, on both engines), also past
/// ASCII (`Überprojekt`, a CJK codename), `re:` terms are regular expressions; at every split, at exact UTF-16 columns.
@Suite struct SensitiveTermTests {
    static let terms = ["Überprojekt", "星辰计划", "capybara", #"re:\bproj-(?:alpha|beta)-v\d{1,3}\b"#]

    static let original = """
        // 😀 ÜBERPROJEKT and überprojekt ship, not Überprojekte
        const a = "星辰计划"; // Capybara, cApYbArA, not capybaras
        fetch("https://PROJ-beta-v12.example") // proj-gamma-v1 is fine
        """

    struct Hit: Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var text: String
        var description: String { "\(line):\(column)=\(text)" }
    }

    static func at(_ needle: String, in text: String) -> Hit {
        let range = text.range(of: needle)!
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return Hit(line: line, column: text[lineStart..<range.lowerBound].utf16.count + 1, text: needle)
    }

    static let expected = [
        at("ÜBERPROJEKT", in: original), at("überprojekt", in: original), at("星辰计划", in: original),
        at("Capybara", in: original), at("cApYbArA", in: original), at("PROJ-beta-v12", in: original),
    ]

    @Test(arguments: [false, true])
    func termsMatchPastASCIIAndAsPatternsAtEverySplit(anchorEngine: Bool) throws {
        let best = try SecretRuleSet.scanning(enabling: [], terms: Self.terms)
        let scanning = anchorEngine ? SecretScanning(rules: best.rules) : best
        let input = Array(MapText.map(sources: ["src/plan.ts"], contents: [Self.original]).utf8)
        func run(_ chunks: [ArraySlice<UInt8>]) -> [Hit] {
            var tokenizer = SourceMapTokenizer(secrets: scanning)
            for chunk in chunks { chunk.withUnsafeBytes { tokenizer.consume($0) } }
            let secrets = tokenizer.finish()?.exposed.first?.secrets ?? []
            #expect(secrets.allSatisfy { $0.ruleID == "sensitive-term" && $0.kind == .sensitiveTerm })
            return secrets.map { Hit(line: $0.line, column: $0.column, text: $0.secret) }
        }
        #expect(run([input[...]]) == Self.expected)
        #expect(SplitFeeder.firstMismatch(of: input, run: run) == nil)
    }

    @Test func aTermPatternThatCannotRunIsAnError() {
        #expect(
            throws: SecretRuleSet.InvalidTerm(term: #"re:a\C"#, message: #"not supported here: '\C' is not currently supported"#)
        ) {
            try SecretRuleSet.scanning(enabling: [], terms: [#"re:a\C"#])
        }
        #expect(throws: SecretRuleSet.InvalidTerm(term: "re:x*", message: "matches empty text")) {
            try SecretRuleSet.scanning(enabling: [], terms: ["re:x*"])
        }
    }
}
