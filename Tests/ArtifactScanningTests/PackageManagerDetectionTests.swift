import ArtifactScanning
import Foundation
import TestSupport
import Testing

/// `--pack-manager auto`: the nearest lockfile decides, up to the git root; npm when there is none.
@Suite struct PackageManagerDetectionTests {
    @Test func nearestLockfileDecidesUpToTheGitRoot() {
        let directory = TemporaryDirectory()
        _ = directory.write("outer/pnpm-lock.yaml", [])
        _ = directory.write("outer/repo/.git/HEAD", [])
        _ = directory.write("outer/repo/yarn.lock", [])
        _ = directory.write("outer/repo/packages/ui/package.json", [])
        _ = directory.write("outer/repo/packages/api/package.json", [])
        _ = directory.write("outer/repo/packages/api/bun.lock", [])
        _ = directory.write("outer/other/.git/HEAD", [])
        _ = directory.write("outer/other/app/package.json", [])
        _ = directory.write("outer/npm/package-lock.json", [])
        _ = directory.write("outer/both/yarn.lock", [])
        _ = directory.write("outer/both/pnpm-lock.yaml", [])
        let root = directory.path + "/outer"
        #expect(PackageManager.detect(forPackageIn: root + "/repo/packages/ui") == .yarn)
        #expect(PackageManager.detect(forPackageIn: root + "/repo/packages/api") == .bun)
        // The git root ends the search: the pnpm lockfile above it belongs to another project.
        #expect(PackageManager.detect(forPackageIn: root + "/other/app") == .npm)
        #expect(PackageManager.detect(forPackageIn: root + "/npm") == .npm)
        #expect(PackageManager.detect(forPackageIn: root) == .pnpm)
        // Two lockfiles in one folder: the documented order decides.
        #expect(PackageManager.detect(forPackageIn: root + "/both") == .pnpm)
    }
}
