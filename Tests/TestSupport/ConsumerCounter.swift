public import Foundation

/// Counts what a real consumer extracted, independently of leak-scan: every file under a directory that parses (with
/// Python's `json`) as an object with a `sourcesContent` array; each non-null string entry is an exposed file, its
/// lines are `\n`s plus one for an unterminated last line. Unique by source path (lines = max), as the verdict counts.
public enum ConsumerCounter {
    public struct Count: Sendable, Equatable, CustomStringConvertible {
        public var files: Int
        public var lines: Int
        public var description: String { "\(files) files / \(lines) lines" }

        public init(files: Int, lines: Int) {
            self.files = files
            self.lines = lines
        }
    }

    static let script = #"""
        import json, os, sys
        best = {}
        for root, dirs, files in os.walk(sys.argv[1]):
            for name in files:
                path = os.path.join(root, name)
                if os.path.islink(path) or not os.path.isfile(path):
                    continue
                try:
                    data = json.load(open(path, encoding='utf-8-sig'))
                except Exception:
                    continue
                if not isinstance(data, dict) or not isinstance(data.get('sourcesContent'), list):
                    continue
                sources = data.get('sources') or []
                for i, content in enumerate(data['sourcesContent']):
                    if not isinstance(content, str):
                        continue
                    lines = content.count('\n') + (1 if content and not content.endswith('\n') else 0)
                    key = sources[i] if i < len(sources) else '<unnamed %d>' % i
                    best[key] = max(best.get(key, 0), lines)
        print(len(best), sum(best.values()))
        """#

    /// What the consumer wrote under `directory`; throws when python3 is missing or fails.
    public static func count(_ directory: String) throws -> Count {
        let result = try ConsumerTool.run("python3", ["-c", script, directory], in: directory)
        let numbers = result.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard result.status == 0, numbers.count == 2 else {
            throw ConsumerTool.Missing(name: "python3 counter (\(result.stderr))")
        }
        return Count(files: numbers[0], lines: numbers[1])
    }

    /// Extracts a tarball with npm's own node-tar (the one npm bundles), as `npm install` would (non-strict).
    /// Returns node-tar's warnings, one a line.
    @discardableResult
    public static func extractWithNodeTar(_ tarball: String, into directory: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let root = try npmRoot.get()
        let script = """
            const tar = require(process.argv[1] + '/npm/node_modules/tar');
            const warnings = [];
            tar.x({ file: process.argv[2], cwd: process.argv[3], sync: true, onwarn: (code, message) => warnings.push(code + ' ' + message) });
            console.log(warnings.join('\\n'));
            """
        let result = try ConsumerTool.run("node", ["-e", script, root, tarball, directory], in: directory)
        guard result.status == 0 else { throw ConsumerTool.Missing(name: "node-tar (\(result.stderr))") }
        return result.stdout
    }

    /// The regular files npm's own node-tar (6, npm 10's) reads from a tar, in order: path and header size, as its
    /// `Parser` hands them to `Unpack` (`tar.t` drives the same parser). Throws when node or npm is missing.
    public static func listFilesWithNodeTar(_ tarball: String) throws -> [NodeTarFile] {
        let root = try npmRoot.get()
        let script = """
            const tar = require(process.argv[1] + '/npm/node_modules/tar');
            const files = [];
            tar.t({ file: process.argv[2], sync: true, onentry: e => {
              if (['File', 'OldFile', 'ContiguousFile'].includes(e.type)) files.push({ path: e.path, size: e.header.size });
            } });
            console.log(JSON.stringify(files));
            """
        let result = try ConsumerTool.run("node", ["-e", script, root, tarball], in: "/")
        guard result.status == 0 else { throw ConsumerTool.Missing(name: "node-tar (\(result.stderr))") }
        return try JSONDecoder().decode([NodeTarFile].self, from: Data(result.stdout.utf8))
    }

    /// The regular files node-tar 7's parser reads from a tar (`version`: a folder of Tests/Fixtures/node-tar-7, its
    /// TypeScript transpiled as that folder's README says), with npm's own minipass and minizlib.
    public static func listFilesWithNodeTar7(_ tarball: String, version: String) throws -> [NodeTarFile] {
        let fixtures = CLIRunner.packageRoot + "/Tests/Fixtures/node-tar-7"
        let modules = try npmRoot.get() + "/npm/node_modules"
        let result = try ConsumerTool.run(
            "node", [fixtures + "/list.js", fixtures + "/" + version, tarball], in: "/", environment: ["NODE_PATH": modules])
        guard result.status == 0 else { throw ConsumerTool.Missing(name: "node-tar \(version) (\(result.stderr))") }
        return try JSONDecoder().decode([NodeTarFile].self, from: Data(result.stdout.utf8))
    }

    /// A file as node-tar lists it.
    public struct NodeTarFile: Decodable, Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var size: Int64

        public init(path: String, size: Int64) {
            self.path = path
            self.size = size
        }

        public var description: String { "\(path.debugDescription) (\(size))" }
    }

    /// `npm root -g`, asked once.
    static let npmRoot = Result<String, any Error> {
        try ConsumerTool.run("npm", ["root", "-g"], in: "/").stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True when node and npm's bundled node-tar can be run.
    public static var hasNodeTar: Bool {
        ConsumerTool.exists("node") && ConsumerTool.exists("npm")
    }
}
