import Foundation
import ArtifactScanning
import LeakScanCore
import TestSupport
import Testing

/// Consumer parity for zip, wheel, deb and rpm: artifacts built with the real tools (and hand-built divergent
/// zips), extracted inside the test by the real consumer into a temporary directory, what it wrote counted by an
/// independent counter (Python's json), and leak-scan's unique-by-path counts asserted equal — or INCOMPLETE where
/// the readers disagree.
@Suite struct ConsumerParityTests {
    static func map(_ name: String, lines: Int) -> String {
        MapText.map(
            sources: ["src/\(name).ts"], contents: [(1...lines).map { "// \(name) \($0)" }.joined(separator: "\n") + "\n"])
    }

    static func scanned(_ report: ArtifactReport) -> ConsumerCounter.Count {
        ConsumerCounter.Count(files: report.totals.uniqueByPath.files, lines: report.totals.uniqueByPath.lines)
    }

    enum ZipConsumer: String, Sendable, CaseIterable, CustomStringConvertible {
        case unzip, pythonZipfile
        var description: String { rawValue }

        var isInstalled: Bool {
            switch self {
            case .unzip: ConsumerTool.exists("unzip")
            case .pythonZipfile: ConsumerTool.exists("python3")
            }
        }

        /// Extracts `zip` into `out`; nil when the consumer refuses the archive (then it hands out nothing).
        func extract(_ zip: String, into out: String) throws -> Bool {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            switch self {
            case .unzip:
                // 0 = fine, 1 = warnings (extra bytes before the zip) but extracted.
                return try ConsumerTool.run("unzip", ["-q", "-o", zip, "-d", out], in: out).status <= 1
            case .pythonZipfile:
                return try ConsumerTool.run("python3", ["-m", "zipfile", "-e", zip, out], in: out).status == 0
            }
        }
    }

    enum Expectation: Sendable {
        /// Complete, and equal to what every consumer wrote.
        case exact
        /// INCOMPLETE with a "zip readers disagree" diagnostic.
        case incomplete
    }

    struct ZipCase: Sendable, CustomStringConvertible {
        var name: String
        var bytes: [UInt8]
        var expectation: Expectation
        var description: String { name }
    }

    static var zipCases: [ZipCase] {
        let a = HandZip.Entry.text("dist/a.js.map", map("a", lines: 3))
        let b = HandZip.Entry.text("dist/b.js.map", map("b", lines: 4))
        var lyingSize = a
        lyingSize.localSize = 5
        var lyingName = b
        lyingName.localName = "dist/b.txt"
        return [
            ZipCase(name: "plain", bytes: HandZip.build([a, b]), expectation: .exact),
            ZipCase(
                name: "self-extractor stub",
                bytes: HandZip.build([a, b], prefix: Array("MZ\u{90}\u{0}".utf8) + [UInt8](repeating: 0, count: 3000)),
                expectation: .exact),
            ZipCase(
                name: "launch script", bytes: HandZip.build([a], prefix: Array("#!/bin/sh\nexec java -jar \"$0\"\n".utf8)),
                expectation: .exact),
            ZipCase(
                name: "stray end record between members", bytes: HandZip.build([a, b], between: HandZip.strayEndRecord),
                expectation: .exact),
            ZipCase(name: "two concatenated zips", bytes: HandZip.build([a]) + HandZip.build([b]), expectation: .incomplete),
            ZipCase(name: "lying local size", bytes: HandZip.build([lyingSize, b]), expectation: .incomplete),
            ZipCase(name: "lying local name", bytes: HandZip.build([a, lyingName]), expectation: .incomplete),
        ]
    }

    /// Each zip case, top level and nested in a `.tgz` (the streamed path before), against each consumer.
    @Test(arguments: zipCases, ZipConsumer.allCases)
    func zipParity(_ example: ZipCase, _ consumer: ZipConsumer) throws {
        try #require(consumer.isInstalled && ConsumerTool.exists("python3"), "\(consumer) and python3 are needed")
        let directory = TemporaryDirectory()
        let zip = directory.write("app.zip", example.bytes)
        let extracted = try consumer.extract(zip, into: directory.path + "/out")
        let wrote = extracted ? try ConsumerCounter.count(directory.path + "/out") : ConsumerCounter.Count(files: 0, lines: 0)
        let nested = directory.write(
            "pkg.tgz", ArchiveBuilder.build(.tar, filter: .gzip, [.file("package/vendor/app.zip", example.bytes)]))
        for report in [ArtifactScanner().scan(.path(zip)), ArtifactScanner().scan(.path(nested))] {
            switch example.expectation {
            case .exact:
                #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
                #expect(Self.scanned(report) == wrote)
            case .incomplete:
                #expect(report.isIncomplete)
                #expect(report.diagnostics.contains { $0.message.hasPrefix("zip readers disagree: ") }, "\(report.diagnostics)")
            }
        }
    }

    /// A zip entry marked as a symbolic link whose data is a map: Python's zipfile (pip) writes a file holding the
    /// map, unzip a symlink; leak-scan counts what pip wrote.
    @Test(.enabled(if: ConsumerTool.exists("python3"), "needs python3"))
    func zipSymlinkEntryCountsWhatPythonWrites() throws {
        let directory = TemporaryDirectory()
        let zip = directory.write(
            "app.zip", HandZip.build([HandZip.Entry("dist/a.js.map", Array(Self.map("a", lines: 6).utf8), unixMode: 0o120777)]))
        #expect(try ZipConsumer.pythonZipfile.extract(zip, into: directory.path + "/out"))
        let wrote = try ConsumerCounter.count(directory.path + "/out")
        #expect(wrote == ConsumerCounter.Count(files: 1, lines: 6))
        #expect(Self.scanned(ArtifactScanner().scan(.path(zip))) == wrote)
    }

    /// A wheel built by Python's zipfile with a self-extractor-style stub, installed by pip from the file.
    @Test(.enabled(if: ConsumerTool.exists("python3") && ConsumerTool.exists("pip3"), "needs python3 and pip3"))
    func wheelInstalledByPip() throws {
        let directory = TemporaryDirectory()
        directory.write("demo/static/app.js.map", Array(Self.map("wheel", lines: 9).utf8))
        directory.write("demo/__init__.py", Array("".utf8))
        let build = """
            import zipfile
            files = {'demo/__init__.py': '', 'demo/static/app.js.map': open('demo/static/app.js.map').read(),
                     'demo-1.0.dist-info/METADATA': 'Metadata-Version: 2.1\\nName: demo\\nVersion: 1.0\\n',
                     'demo-1.0.dist-info/WHEEL': 'Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n'}
            record = ''.join(name + ',,\\n' for name in files) + 'demo-1.0.dist-info/RECORD,,\\n'
            with zipfile.ZipFile('demo-1.0-py3-none-any.whl', 'w') as wheel:
                for name, text in files.items():
                    wheel.writestr(name, text)
                wheel.writestr('demo-1.0.dist-info/RECORD', record)
            """
        #expect(try ConsumerTool.run("python3", ["-c", build], in: directory.path).status == 0)
        let wheel = directory.path + "/demo-1.0-py3-none-any.whl"
        let installed = try ConsumerTool.run(
            "pip3",
            [
                "install", "--quiet", "--no-index", "--no-deps", "--no-compile", "--disable-pip-version-check", "--target",
                directory.path + "/site", wheel,
            ],
            in: directory.path)
        #expect(installed.status == 0, "\(installed.stderr)")
        let wrote = try ConsumerCounter.count(directory.path + "/site")
        #expect(wrote == ConsumerCounter.Count(files: 1, lines: 9))
        let nested = directory.write(
            "bundle.tgz",
            ArchiveBuilder.build(
                .tar, filter: .gzip,
                [.file("wheels/demo-1.0-py3-none-any.whl", Array(FileManager.default.contents(atPath: wheel) ?? Data()))]))
        for report in [ArtifactScanner().scan(.path(wheel)), ArtifactScanner().scan(.path(nested))] {
            #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
            #expect(Self.scanned(report) == wrote)
        }
    }

    /// A Debian package built by dpkg-deb, extracted by dpkg-deb.
    @Test(.enabled(if: ConsumerTool.exists("dpkg-deb") && ConsumerTool.exists("python3"), "needs dpkg-deb and python3"))
    func debianPackageExtractedByDpkgDeb() throws {
        let directory = TemporaryDirectory()
        directory.write(
            "root/DEBIAN/control",
            Array("Package: demo\nVersion: 1.0\nArchitecture: all\nMaintainer: t <t@example.com>\nDescription: demo\n".utf8))
        directory.write("root/usr/share/demo/app.js.map", Array(Self.map("deb", lines: 4).utf8))
        directory.write("root/usr/share/demo/vendor.js.map", Array(Self.map("vendor", lines: 2).utf8))
        let built = try ConsumerTool.run(
            "dpkg-deb", ["--root-owner-group", "--build", "root", "demo_1.0_all.deb"], in: directory.path)
        #expect(built.status == 0, "\(built.stderr)")
        let deb = directory.path + "/demo_1.0_all.deb"
        #expect(try ConsumerTool.run("dpkg-deb", ["-x", deb, directory.path + "/out"], in: directory.path).status == 0)
        let wrote = try ConsumerCounter.count(directory.path + "/out")
        #expect(wrote == ConsumerCounter.Count(files: 2, lines: 6))
        let report = ArtifactScanner().scan(.path(deb))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(Self.scanned(report) == wrote)
    }

    /// An rpm built by rpmbuild whose payload holds a hard-linked pair (cpio puts the data on the last link),
    /// extracted with `rpm2cpio | cpio -idm`.
    @Test(
        .enabled(
            if: ConsumerTool.exists("rpmbuild") && ConsumerTool.exists("rpm2cpio") && ConsumerTool.exists("cpio")
                && ConsumerTool.exists("python3"), "needs rpmbuild, rpm2cpio, cpio and python3"))
    func rpmExtractedByRpm2cpio() throws {
        let directory = TemporaryDirectory()
        directory.write("app.js.map", Array(Self.map("rpm", lines: 5).utf8))
        let spec = """
            Name: demo
            Version: 1.0
            Release: 1
            Summary: demo
            License: MIT
            BuildArch: noarch
            %description
            demo
            %install
            mkdir -p %{buildroot}/usr/share/demo
            cp \(directory.path)/app.js.map %{buildroot}/usr/share/demo/app.js.map
            ln %{buildroot}/usr/share/demo/app.js.map %{buildroot}/usr/share/demo/same.js.map
            %files
            /usr/share/demo/app.js.map
            /usr/share/demo/same.js.map
            """
        directory.write("demo.spec", Array(spec.utf8))
        let built = try ConsumerTool.run(
            "rpmbuild",
            ["--define", "_topdir \(directory.path)/rpmbuild", "--define", "__os_install_post %{nil}", "-bb", "demo.spec"],
            in: directory.path)
        #expect(built.status == 0, "\(built.stderr)")
        let rpm = directory.path + "/rpmbuild/RPMS/noarch/demo-1.0-1.noarch.rpm"
        try FileManager.default.createDirectory(atPath: directory.path + "/out", withIntermediateDirectories: true)
        let extracted = try ConsumerTool.shell("rpm2cpio '\(rpm)' | cpio -idm --quiet", in: directory.path + "/out")
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let wrote = try ConsumerCounter.count(directory.path + "/out")
        #expect(wrote == ConsumerCounter.Count(files: 1, lines: 5))
        let report = ArtifactScanner().scan(.path(rpm))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(Self.scanned(report) == wrote)
        #expect(report.maps.count >= 1)
    }
}
