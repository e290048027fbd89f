#!/usr/bin/env python3
"""Generates a many-member npm tarball: 20,000 members (small modules, a few hundred .map files with sourcesContent,
some scripts with inline base64 maps). Deterministic for a given --seed. Writes the .tgz (or .whl with --zip) and prints
the ground truth as JSON: {"files": N, "lines": N, "maps": N, "inline_maps": N, "members": N}.
Usage: Scripts/generate-many-small.py --out many.tgz [--members 20000] [--zip] [--seed 7]
"""
import argparse
import base64
import gzip
import io
import json
import random
import tarfile
import zipfile

import synthetic_code


def module_text(rng, pool, lines):
    return "".join(line + "\n" for line in rng.choices(pool, k=lines))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--members", type=int, default=20000)
    parser.add_argument("--zip", action="store_true")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = synthetic_code.line_pool(rng)
    members, truth = [], {"files": 0, "lines": 0, "maps": 0, "inline_maps": 0, "members": args.members}
    for index in range(args.members):
        folder = f"package/lib/m{index // 100:03d}"
        roll = index % 50
        if roll == 0:
            sources = [f"../../src/m{index}/f{k}.ts" for k in range(rng.randrange(1, 6))]
            contents = [module_text(rng, pool, rng.randrange(1, 60)) for _ in sources]
            truth["files"] += len(sources)
            truth["lines"] += sum(c.count("\n") for c in contents)
            truth["maps"] += 1
            text = json.dumps({"version": 3, "sources": sources, "sourcesContent": contents, "mappings": "AAAA;AACA"})
            members.append((f"{folder}/f{index}.js.map", text))
        elif roll == 1:
            content = module_text(rng, pool, rng.randrange(1, 30))
            truth["files"] += 1
            truth["lines"] += content.count("\n")
            truth["inline_maps"] += 1
            inline = json.dumps({"version": 3, "sources": [f"src/inline{index}.ts"], "sourcesContent": [content], "mappings": "AAAA"})
            payload = base64.b64encode(inline.encode()).decode()
            members.append((f"{folder}/f{index}.js", f"export{{}};\n//# sourceMappingURL=data:application/json;base64,{payload}\n"))
        else:
            members.append((f"{folder}/f{index}.js", module_text(rng, pool, rng.randrange(1, 60))))
    if args.zip:
        with zipfile.ZipFile(args.out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in members:
                info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, text)
    else:
        raw = io.BytesIO()
        with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as archive:
            for name, text in members:
                data = text.encode()
                info = tarfile.TarInfo(name)
                info.size, info.mtime, info.mode = len(data), 1767225600, 0o644
                archive.addfile(info, io.BytesIO(data))
        with open(args.out, "wb") as out:
            out.write(gzip.compress(raw.getvalue(), compresslevel=6, mtime=0))
    print(json.dumps(truth, sort_keys=True))


if __name__ == "__main__":
    main()
