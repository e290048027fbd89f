// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets, kept out of the main package because they have no `main` of their own (libFuzzer supplies it).
/// Build and run with `Scripts/fuzz.sh`.
let package = Package(
    name: "leak-scan-fuzz",
    dependencies: [.package(name: "leak-scan", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzTokenizer", dependencies: ["FuzzDriver", .product(name: "LeakScanCore", package: "leak-scan")]),
        .executableTarget(name: "FuzzInlineMap", dependencies: ["FuzzDriver", .product(name: "LeakScanCore", package: "leak-scan")]),
        .executableTarget(
            name: "FuzzReferenceFinder", dependencies: ["FuzzDriver", .product(name: "LeakScanCore", package: "leak-scan")]),
        .executableTarget(name: "FuzzGzipHeader", dependencies: ["FuzzDriver", .product(name: "ArchiveStream", package: "leak-scan")]),
        .executableTarget(name: "FuzzArtifactScan", dependencies: ["FuzzDriver", .product(name: "ArtifactScanning", package: "leak-scan")]),
    ]
)
