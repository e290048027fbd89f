import LeakScanCore
import TestSupport
import Testing

@Suite struct SourcePathTests {
    @Test(
        arguments: [
            ("webpack:///./src/index.ts", nil, "src/index.ts"),
            ("webpack://my-lib/./src/x.ts", nil, "my-lib/src/x.ts"),
            ("file:///home/u/p/src/a.ts", nil, "home/u/p/src/a.ts"),
            ("../../src/a/../b.ts", nil, "src/b.ts"),
            ("/abs/./c.ts", nil, "abs/c.ts"),
            ("a.vue?vue&type=script", nil, "a.vue?vue&type=script"),
            ("x.ts", "src/", "src/x.ts"),
            ("x.ts", "webpack:///app", "app/x.ts"),
            ("C:\\work\\src\\a.ts", nil, "work/src/a.ts"),
        ] as [(String, String?, String)])
    func normalizes(source: String, root: String?, expected: String) {
        #expect(SourcePath.normalize(source, sourceRoot: root) == expected)
    }

    /// The rule written the obvious way (split on separators, a stack of segments), against the one-pass version on
    /// generated paths full of `.`, `..`, `\\`, empty segments, schemes and queries.
    @Test func onePassNormalizationAgreesWithTheSegmentStack() {
        func reference(_ path: String) -> String {
            let query = path.firstIndex(of: "?") ?? path.endIndex
            var body = Substring(path[..<query])
            for scheme in ["webpack://", "file://"] where body.hasPrefix(scheme) { body = body.dropFirst(scheme.count) }
            var stack: [Substring] = []
            for segment in body.split(whereSeparator: { $0 == "/" || $0 == "\\" }) where segment != "." {
                if segment == ".." { _ = stack.popLast() } else { stack.append(segment) }
            }
            return stack.joined(separator: "/") + path[query...]
        }
        let pieces = ["a", "bc", ".", "..", "", "src", "x.ts", "..", "\\", "é", "node_modules"]
        var random = SeededGenerator(seed: 41)
        for _ in 0..<3_000 {
            var path = ["", "webpack://", "file:///", "/", "./", "../"][Int(random.next() % 6)]
            for _ in 0..<Int(random.next() % 7) {
                path += pieces[Int(random.next() % UInt64(pieces.count))] + (random.next() % 5 == 0 ? "\\" : "/")
            }
            path += pieces[Int(random.next() % UInt64(pieces.count))]
            if random.next() % 6 == 0 { path += "?q=../x" }
            #expect(SourcePath.normalize(path) == reference(path), "\(path)")
        }
    }

    @Test func firstPartyMeansNoNodeModulesSegment() {
        #expect(SourcePath.isFirstParty("src/node_modules_helper.ts"))
        #expect(!SourcePath.isFirstParty("node_modules/react/index.js"))
        #expect(!SourcePath.isFirstParty("packages/a/node_modules/b/c.js"))
    }

    @Test func queryFragmentAndLoaderPrefixesAreNotPartOfTheTest() {
        #expect(SourcePath.isFirstParty("src/a.vue?vue&type=script&lang=ts&from=node_modules/x"))
        #expect(SourcePath.isFirstParty("src/a.ts?node_modules/babel-loader/lib/index.js"))
        #expect(SourcePath.isFirstParty("src/a.ts#node_modules/x"))
        #expect(SourcePath.isFirstParty("node_modules/css-loader/dist/cjs.js!node_modules/postcss-loader!./src/app.css"))
        #expect(!SourcePath.isFirstParty("src/loader.js!node_modules/react/index.js"))
        #expect(!SourcePath.isFirstParty("node_modules/x/y.js?src=1"))
    }

    @Test func aMapUnderNodeModulesAttributesItsSourcesToThatPackage() {
        #expect(!SourcePath.isFirstParty("src/index.ts", mapMember: "package/node_modules/dep/dist/index.js.map"))
        #expect(SourcePath.isFirstParty("src/index.ts", mapMember: "package/dist/index.js.map"))
        #expect(SourcePath.isFirstParty("src/index.ts", mapMember: "package/dist/node_modules.js.map"))
        #expect(
            SourcePath.isFirstParty("src/index.ts", mapMember: "package/node_modules/@acme/ui/dist/ui.js.map", ownScope: "@acme"))
        #expect(
            !SourcePath.isFirstParty(
                "src/index.ts", mapMember: "package/node_modules/@other/ui/dist/ui.js.map", ownScope: "@acme"))
    }

    @Test func theOwnScopeUnderNodeModulesIsFirstParty() {
        #expect(SourcePath.isFirstParty("node_modules/@acme/ui/src/button.tsx", ownScope: "@acme"))
        #expect(!SourcePath.isFirstParty("node_modules/@acme/ui/src/button.tsx"))
        #expect(!SourcePath.isFirstParty("node_modules/@acme/ui/node_modules/lodash/a.js", ownScope: "@acme"))
        #expect(!SourcePath.isFirstParty("node_modules/@acmeish/ui/a.js", ownScope: "@acme"))
        #expect(!SourcePath.isFirstParty("node_modules/react/a.js", ownScope: "@acme"))
        #expect("@acme/cli".npmScope == "@acme")
        #expect("cli".npmScope == nil)
        #expect("@/x".npmScope == nil)
    }
}

/// The allocation-free fast path of `SourcePath.normalize` against the full rule on random paths made of the pieces
/// that matter (separators, dots, queries): a leading `./` forces the full rule and must not change the result.
@Suite struct SourcePathFastPathTests {
    @Test func fastPathAgreesWithTheFullRule() {
        let pieces = ["a", "src", "/", "/", ".", "..", "\\", "?q=1", "node_modules", "b.ts", "..."]
        var random = SeededGenerator(seed: 77)
        var fastPathTaken = 0
        for _ in 0..<5_000 {
            let path = (0..<Int.random(in: 1...7, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            if SourcePath.normalize(path) == path { fastPathTaken += 1 }
            #expect(SourcePath.normalize(path) == SourcePath.normalize("./" + path), "\(path)")
        }
        #expect(fastPathTaken > 500)
    }
}
