// swift-tools-version: 6.0
import PackageDescription

/// One settings array shared by every Swift target, so language mode and warnings never drift apart.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "leak-scan",
    // Mutex (Synchronization) needs macOS 15; Linux has no minimum.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "leak-scan", targets: ["leak-scan"]),
        .library(name: "ArtifactScanning", targets: ["ArtifactScanning"]),
        .library(name: "LeakScanCore", targets: ["LeakScanCore"]),
        .library(name: "ArchiveStream", targets: ["ArchiveStream"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"]), .brew(["libarchive"])]
        ),
        .systemLibrary(
            name: "CISAL",
            pkgConfig: "libisal",
            providers: [.apt(["libisal-dev"]), .brew(["isa-l"])]
        ),
        .systemLibrary(
            name: "CBrotli",
            pkgConfig: "libbrotlidec",
            providers: [.apt(["libbrotli-dev"])]
        ),
        // SHA-256 with the x86 SHA extensions (the artifact digest); the only C compiled here, no library behind it.
        .target(name: "CSHA256"),
        .target(name: "ArchiveStream", dependencies: ["CArchive", "CISAL", "CBrotli", "CSHA256"], swiftSettings: swiftSettings),
        .target(name: "LeakScanCore", swiftSettings: swiftSettings),
        .target(name: "ArtifactScanning", dependencies: ["ArchiveStream", "LeakScanCore"], swiftSettings: swiftSettings),
        .target(name: "LeakReporters", dependencies: ["LeakScanCore"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "leak-scan",
            dependencies: [
                "ArtifactScanning", "LeakReporters", "LeakScanCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "TestSupport", dependencies: ["CArchive", "ArchiveStream", "LeakScanCore"], path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "ArchiveStreamTests", dependencies: ["ArchiveStream", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "LeakScanCoreTests", dependencies: ["LeakScanCore", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ArtifactScanningTests", dependencies: ["ArtifactScanning", "LeakReporters", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "LeakReportersTests", dependencies: ["LeakReporters", "ArtifactScanning", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"], swiftSettings: swiftSettings),
    ]
)
