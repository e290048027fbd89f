// swift-tools-version: 6.0
import PackageDescription

/// libFuzzer targets. A package of its own because they are built with `-sanitize=fuzzer,address`, which SwiftPM applies
/// to a whole build, not per target: kept apart, the main package never carries fuzzer instrumentation. Each `main.swift`
/// hands control to libFuzzer's driver. Build and run with `Scripts/fuzz.sh`.
let package = Package(
    name: "leak-scan-fuzz",
    dependencies: [.package(name: "leak-scan", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzTokenizer", dependencies: ["FuzzDriver", .product(name: "LeakScanCore", package: "leak-scan")]),
        .executableTarget(name: "FuzzInlineMap", dependencies: ["FuzzDriver", .product(name: "LeakScanCore", package: "leak-scan")]),
        .executableTarget(
            name: "FuzzReferenceFinder", dependencies: ["FuzzDriver", .product(name: "LeakScanCore", package: "leak-scan")]),
        .executableTarget(
            name: "FuzzSecretScan",
            dependencies: [
                "FuzzDriver", .product(name: "LeakScanCore", package: "leak-scan"),
                .product(name: "SecretMatching", package: "leak-scan"),
            ]),
        .executableTarget(name: "FuzzGzipHeader", dependencies: ["FuzzDriver", .product(name: "ArchiveStream", package: "leak-scan")]),
        .executableTarget(name: "FuzzArtifactScan", dependencies: ["FuzzDriver", .product(name: "ArtifactScanning", package: "leak-scan")]),
        .executableTarget(
            name: "FuzzWasmSection", dependencies: ["FuzzDriver", .product(name: "LeakScanCore", package: "leak-scan")]),
        .executableTarget(
            name: "FuzzContainerReaders", dependencies: ["FuzzDriver", .product(name: "ArchiveStream", package: "leak-scan")]),
    ]
)
