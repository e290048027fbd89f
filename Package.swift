// swift-tools-version: 6.1
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
        .library(name: "SecretMatching", targets: ["SecretMatching"]),
        .library(name: "ArchiveStream", targets: ["ArchiveStream"]),
    ],
    traits: [
        .trait(
            name: "ISAL",
            description: "Inflate gzip with Intel ISA-L (2-3x faster than zlib). Without it gzip is inflated by zlib."
        ),
        .trait(
            name: "Vectorscan",
            description: "Match secrets with Vectorscan (GB/s). Without it the pure-Swift anchor engine matches them, slower."
        ),
        .default(enabledTraits: ["ISAL", "Vectorscan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
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
            providers: [.apt(["libbrotli-dev"]), .brew(["brotli"])]
        ),
        // zlib: macOS has it in the SDK, Debian in zlib1g-dev (libarchive needs it anyway).
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "ArchiveStream",
            dependencies: ["CArchive", .target(name: "CISAL", condition: .when(traits: ["ISAL"])), "CBrotli", "CZlib", "CSquashfs", "CSHA256", "CASCIIMultibyte"],
            swiftSettings: swiftSettings
        ),
        .systemLibrary(
            name: "CVectorscan",
            pkgConfig: "libhs",
            providers: [.apt(["libvectorscan-dev"]), .brew(["vectorscan"])]
        ),
        .systemLibrary(
            name: "CSquashfs",
            pkgConfig: "libsquashfs1",
            providers: [.apt(["libsquashfs-dev"])]
        ),
        // SHA-256 with the x86 SHA extensions (the artifact digest); the only C compiled here, no library behind it.
        .target(name: "CSHA256"),
        // An ASCII fast path in front of glibc's mbrtowc, which libarchive's tar reader calls per name byte.
        .target(name: "CASCIIMultibyte"),
        .target(name: "LeakScanCore", swiftSettings: swiftSettings),
        .target(
            name: "SecretMatching",
            dependencies: [.target(name: "CVectorscan", condition: .when(traits: ["Vectorscan"])), "LeakScanCore"],
            swiftSettings: swiftSettings),
        .target(
            name: "ArtifactScanning",
            dependencies: ["ArchiveStream", "LeakScanCore", "SecretMatching", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings),
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
        .testTarget(name: "ArchiveStreamTests", dependencies: ["ArchiveStream", "CASCIIMultibyte", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SecretMatchingTests", dependencies: ["SecretMatching", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "LeakScanCoreTests", dependencies: ["LeakScanCore", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ArtifactScanningTests", dependencies: ["ArtifactScanning", "LeakReporters", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "LeakReportersTests", dependencies: ["LeakReporters", "ArtifactScanning", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"], swiftSettings: swiftSettings),
    ]
)
