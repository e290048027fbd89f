#!/usr/bin/env python3
"""Generates one hostile source map (a plain .map file, read as one member) of about --megabytes MB, in a shape that
makes a JSON tokenizer walk byte by byte if it can: numbers, dense brackets, deep nesting, whitespace, long strings,
many short strings, many long source names. Every shape is a valid map exposing src/a.ts (2 lines), except
`long-names` whose sources are names only. Prints the ground truth as JSON: {"files": N, "lines": N, "bytes": N}.
Usage: Scripts/generate-hostile.py --shape SHAPE --out hostile.map [--megabytes 100]
"""
import argparse
import base64
import json
import os

TAIL = '"sources":["src/a.ts"],"sourcesContent":["a\\nb"]}'


def skipped_value(unit, megabytes):
    """A value the counting rules do not read (key "x"), made of `unit` repeated, ahead of the counted sources."""
    return '{"x":[' + unit * (megabytes * 1_000_000 // len(unit)) + '0],' + TAIL


def deep(megabytes):
    half = megabytes * 1_000_000 // 2
    return '{"x":' + "[" * half + "]" * half + "," + TAIL


def whitespace(megabytes):
    """Whitespace between every token of the map object itself (read structurally, not skipped)."""
    gap = " \n\t\r" * (megabytes * 1_000_000 // 4 // 6)
    return "{" + gap + '"version"' + gap + ":" + gap + "3" + gap + "," + gap + TAIL[:-1] + gap + "}"


def long_names(megabytes):
    """As many 4,000-byte source names as fit, all names only (no sourcesContent)."""
    count = megabytes * 1_000_000 // 4_004
    names = ",".join(f'"src/{index:08d}/' + "n" * 3_983 + '.ts"' for index in range(count))
    return '{"version":3,"sources":[' + names + '],"mappings":""}'


SHAPES = {
    "numbers": lambda mb: skipped_value("0,", mb),
    "long-numbers": lambda mb: skipped_value("1234567890.5e-3,", mb),
    "empty-arrays": lambda mb: skipped_value("[],", mb),
    "empty-objects": lambda mb: skipped_value("{},", mb),
    "deep": deep,
    "whitespace": whitespace,
    "long-string": lambda mb: '{"mappings":"' + "A" * (mb * 1_000_000) + '",' + TAIL,
    "short-strings": lambda mb: skipped_value('"a",', mb),
    "escaped-strings": lambda mb: skipped_value('"\\\\\\"[",', mb),
    "long-names": long_names,
}


def many_sources(count):
    """Four maps of `count` sources with 4,000-byte names, each embedding two lines: memory must not grow with the
    names of every map until the end of the artifact."""
    files = {}
    for map_index in range(4):
        names = ",".join(f'"src/m{map_index}/{index:08d}/' + "n" * 3_980 + '.ts"' for index in range(count))
        contents = ",".join(['"x\\ny"'] * count)
        files[f"dist/m{map_index}.js.map"] = (
            '{"version":3,"sources":[' + names + '],"sourcesContent":[' + contents + '],"mappings":""}'
        )
    return files, {"maps": 4, "files": 4 * count, "lines": 8 * count}


def nested_maps(count):
    """One map whose `sourcesContent` entries each end in 100 inline maps (`count` nested maps in all); past 10,000
    nested maps per map the rest are not counted (a limit: the scan is incomplete)."""
    inner = json.dumps({"version": 3, "sources": ["inner.ts"], "sourcesContent": ["x\ny"], "mappings": ""})
    comment = "//# sourceMappingURL=data:application/json;base64," + base64.b64encode(inner.encode()).decode() + "\n"
    entries = max(1, count // 100)
    text = json.dumps({
        "version": 3,
        "sources": [f"src/e{index}.ts" for index in range(entries)],
        "sourcesContent": ["x()\n" + comment * 100] * entries,
        "mappings": "",
    })
    return {"dist/nested.js.map": text}, {"maps": 1 + min(10_000, entries * 100), "files": entries, "nested": entries * 100}


def inline_not_maps(count):
    """One script of `count` inline `data:` comments whose base64 payload is not a map: a note each, the first
    1,000 kept and the rest counted."""
    comment = "//# sourceMappingURL=data:application/json;base64," + base64.b64encode(b"not a map").decode() + "\n"
    return {"dist/app.js": "x()\n" + comment * count}, {"maps": 0, "files": 0, "notes": count}


def sections(count):
    """One index map of `count` sections, each embedding a one-source map: past `--max-map-entries` (100,000)
    sections the rest are not counted (a limit)."""
    section = '{"offset":{"line":%d,"column":0},"map":{"version":3,"sources":["src/s%d.ts"],"sourcesContent":["a\\nb"],"mappings":""}}'
    text = '{"version":3,"sections":[' + ",".join(section % (index, index) for index in range(count)) + "]}"
    counted = min(count, 100_000)
    return {"dist/index.js.map": text}, {"maps": 1, "files": counted, "lines": 2 * counted}


MEMORY_SHAPES = {
    "many-sources": many_sources,
    "nested-maps": nested_maps,
    "inline-not-maps": inline_not_maps,
    "sections": sections,
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shape", required=True, choices=sorted(SHAPES) + sorted(MEMORY_SHAPES))
    parser.add_argument("--out", required=True)
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--count", type=int, default=100_000, help="size of a memory shape (written into --out as a folder)")
    args = parser.parse_args()
    if args.shape in MEMORY_SHAPES:
        files, truth = MEMORY_SHAPES[args.shape](args.count)
        for name, text in files.items():
            path = os.path.join(args.out, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as out:
                out.write(text)
        print(json.dumps(truth))
        return
    text = SHAPES[args.shape](args.megabytes)
    with open(args.out, "w") as out:
        out.write(text)
    exposed = args.shape != "long-names"
    print(json.dumps({"files": 1 if exposed else 0, "lines": 2 if exposed else 0, "bytes": len(text)}))


if __name__ == "__main__":
    main()
