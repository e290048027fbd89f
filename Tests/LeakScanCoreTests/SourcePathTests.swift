import LeakScanCore
import Testing

@Suite struct SourcePathTests {
    @Test(arguments: [
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

    @Test func firstPartyMeansNoNodeModulesSegment() {
        #expect(SourcePath.isFirstParty("src/node_modules_helper.ts"))
        #expect(!SourcePath.isFirstParty("node_modules/react/index.js"))
        #expect(!SourcePath.isFirstParty("packages/a/node_modules/b/c.js"))
    }
}
