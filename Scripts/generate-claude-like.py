#!/usr/bin/env python3
"""Generates a Claude-Code-shaped npm tarball: package/cli.js (bundle) + package/cli.js.map whose sourcesContent
holds ~1,906 first-party src/**.ts files (~513,676 lines) and ~2,850 node_modules entries (~471,266 lines). As in the
2026 incident, 552 of the first-party files are src/components/*.tsx entries that end in their own inline base64 map
embedding the pre-compiler source; that nested map names the bare file, which resolves against the entry's path to the
entry's own path, so the two count once by path (the larger lines and bytes), as leak-scan's counting rules say.

Deterministic for a given --seed and --scale. Writes the .tgz and prints the ground truth as JSON on stdout:
{"files": N, "lines": N, "bytes": N, "first_party_files": N, "first_party_lines": N, ...}.
Usage: Scripts/generate-claude-like.py --out cli.tgz [--scale 1.0] [--copies 1] [--seed 2026]
"""
import argparse
import base64
import gzip
import io
import json
import random
import tarfile

import synthetic_code

FIRST_PARTY_FILES, FIRST_PARTY_LINES = 1906, 513676
NESTED_MAP_FILES = 552
THIRD_PARTY_FILES, THIRD_PARTY_LINES = 2850, 471266
DIRECTORIES = ["src/tools", "src/services", "src/components", "src/commands", "src/utils", "src/hooks", "src/query"]
PACKAGES = ["react", "lodash-es", "zod", "chalk", "yaml", "ink", "undici", "ajv", "semver", "diff"]


def split_lines(total_lines, files, rng):
    """Positive line counts per file that sum exactly to total_lines."""
    weights = [rng.random() + 0.05 for _ in range(files)]
    scale = (total_lines - files) / sum(weights)
    counts = [1 + int(w * scale) for w in weights]
    counts[0] += total_lines - sum(counts)
    return counts


def sources(rng, scale):
    """(name, compiled text, pre-compiler text or None) per entry; the pre-compiler text goes into a nested map."""
    pool = synthetic_code.line_pool(rng)
    entries = []
    first_files = max(1, round(FIRST_PARTY_FILES * scale))
    third_files = max(1, round(THIRD_PARTY_FILES * scale))
    nested_files = min(first_files, max(1, round(NESTED_MAP_FILES * scale)))
    for index, lines in enumerate(split_lines(max(first_files, round(FIRST_PARTY_LINES * scale)), first_files, rng)):
        if index < nested_files:
            entries.append((f"src/components/Component{index}.tsx", lines, True))
        else:
            entries.append((f"{rng.choice(DIRECTORIES)}/module{index}.ts", lines, False))
    for index, lines in enumerate(split_lines(max(third_files, round(THIRD_PARTY_LINES * scale)), third_files, rng)):
        entries.append((f"node_modules/{rng.choice(PACKAGES)}/dist/file{index}.js", lines, False))
    for path, lines, nested in entries:
        text = "\n".join(rng.choice(pool) for _ in range(lines))
        if rng.random() < 0.8:
            text += "\n"
        original = None
        if nested:
            original = "\n".join(rng.choice(pool) for _ in range(rng.randrange(1, 2 * lines + 2))) + "\n"
        yield "../" + path, text, original


def with_nested_map(text, name, original):
    """The compiled entry ending in its own inline map, which names the bare file and embeds its pre-compiler text."""
    nested = json.dumps({"version": 3, "sources": [name.rsplit("/", 1)[-1]], "sourcesContent": [original],
                         "names": [], "mappings": "AAAA"})
    encoded = base64.b64encode(nested.encode()).decode()
    return text + "//# sourceMappingURL=data:application/json;charset=utf-8;base64," + encoded + "\n"


def line_count(data):
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def build(seed, scale, copies):
    rng = random.Random(seed)
    truth = dict(files=0, lines=0, bytes=0, first_party_files=0, first_party_lines=0, third_party_files=0,
                 third_party_lines=0, sources=0)
    names, contents = [], []
    # The independent count: one per normalized path (the "../" dropped; a nested map's bare name resolved against its
    # entry's directory), the larger lines and bytes of duplicates.
    by_path = {}

    def count(path, data):
        lines, size = by_path.get(path, (0, 0))
        by_path[path] = (max(lines, line_count(data)), max(size, len(data)))

    for name, text, original in sources(rng, scale):
        for copy in range(copies):
            stem, extension = name.rsplit(".", 1)
            copied = name if copy == 0 else f"{stem}_{copy}.{extension}"
            names.append(copied)
            path = copied[len("../"):]
            if original is None:
                contents.append(text)
            else:
                if not text.endswith("\n"):
                    text += "\n"
                contents.append(with_nested_map(text, copied, original))
                count(path, original.encode())
            count(path, contents[-1].encode())
    for path, (lines, size) in by_path.items():
        party = "third_party" if "node_modules/" in path else "first_party"
        truth["files"] += 1
        truth["lines"] += lines
        truth["bytes"] += size
        truth[party + "_files"] += 1
        truth[party + "_lines"] += lines
    truth["sources"] = len(names)
    truth["nested_maps"] = sum(1 for text in contents if "sourceMappingURL=data:" in text)
    mappings = synthetic_code.mappings(rng, int(1500000 * scale * copies) + 1)
    source_map = json.dumps({"version": 3, "file": "cli.js", "sources": names, "sourcesContent": contents,
                             "names": [], "mappings": mappings}, ensure_ascii=False).encode()
    bundle_lines = max(10, int(288000 * scale))
    bundle_pool = synthetic_code.line_pool(rng, indent=False)
    bundle = ("#!/usr/bin/env node\n" + "\n".join(rng.choices(bundle_pool, k=bundle_lines))
              + "\n//# sourceMappingURL=cli.js.map\n").encode()
    return truth, bundle, source_map


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--copies", type=int, default=1, help="repeat every source N times (x4 map size)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-map", action="store_true", help="ship only the bundle (the clean benchmark artifact)")
    args = parser.parse_args()
    truth, bundle, source_map = build(args.seed, args.scale, args.copies)
    package_json = json.dumps({"name": "claude-like-cli", "version": "2.1.88", "bin": {"claude": "cli.js"}}).encode()
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=6) as zipped:
        with tarfile.open(fileobj=zipped, mode="w", format=tarfile.PAX_FORMAT) as tar:
            members = [("package/package.json", package_json), ("package/cli.js", bundle)]
            if not args.no_map:
                members.append(("package/cli.js.map", source_map))
            for name, data in members:
                info = tarfile.TarInfo(name)
                info.size, info.mtime, info.mode = len(data), 499162500, 0o644
                tar.addfile(info, io.BytesIO(data))
    print(json.dumps({} if args.no_map else truth, sort_keys=True))


if __name__ == "__main__":
    main()
