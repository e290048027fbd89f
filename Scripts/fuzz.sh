#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/, -sanitize=fuzzer,address) and runs each for SECONDS (default 300) with its
# corpus under fuzz-corpus/<target>. Crashing inputs land in fuzz-corpus/crashes/; copy each into
# Tests/Fixtures/fuzz-regressions/ so the regression test replays it.
# Usage: Scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzTokenizer FuzzInlineMap FuzzReferenceFinder FuzzWasmSection FuzzGzipHeader FuzzArtifactScan FuzzContainerReaders FuzzSecretScan)
swift build -c release --package-path Fuzz --build-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address >/dev/null
mkdir -p fuzz-corpus/crashes
# Swift Regex construction (the secret rules' capturing pass) leaves parser boxes unreachable: not leak-scan's leak.
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan-suppressions.txt"
for target in "${targets[@]}"; do
  corpus="fuzz-corpus/$target"
  mkdir -p "$corpus"
  if [ -z "$(ls -A "$corpus")" ]; then
    cp SampleArtifacts/*.tgz SampleArtifacts/*.whl SampleArtifacts/*.deb "$corpus/" 2>/dev/null || true
    find SampleArtifacts/src -type f -name '*.map' -exec cp {} "$corpus/" \; 2>/dev/null || true
    cp Tests/Fixtures/fuzz-regressions/* "$corpus/" 2>/dev/null || true
    # small squashfs images (gzip, xz, zstd) of the sample sources, for the squashfs reader
    [ "$target" != FuzzContainerReaders ] || ! command -v mksquashfs >/dev/null || for comp in gzip xz zstd; do
      mksquashfs SampleArtifacts/src "$corpus/sample-$comp.sqfs" -comp "$comp" -b 4K -noappend -quiet -no-progress >/dev/null
    done
    # module sections after the header the target prepends (first byte: chunk size): a type section, a `name` section,
    # and `sourceMappingURL` sections holding a reference and a base64 `data:` map
    [ "$target" != FuzzWasmSection ] || python3 - "$corpus/wasm-sections" <<'PY'
import base64, sys
def leb(n):
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n: return bytes(out)
def string(text): return leb(len(text)) + text
def custom(name, payload):
    content = string(name) + payload
    return b"\x00" + leb(len(content)) + content
data = b"data:application/json;base64," + base64.b64encode(b'{"version":3,"sources":["src/a.rs"],"sourcesContent":["fn a() {}\\n"]}')
sections = b"\x01\x04\x01\x60\x00\x00" + custom(b"name", b"\x00\x00") + custom(b"sourceMappingURL", string(b"a.wasm.map"))
open(sys.argv[1], "wb").write(b"\x07" + sections + custom(b"sourceMappingURL", string(data)))
PY
    # an Electron asar (size pickle, JSON index pickle, the files' data) holding a script and its map, for the asar reader
    [ "$target" != FuzzArtifactScan ] || python3 - "$corpus/app.asar" <<'PY'
import json, struct, sys
files = {"main.js": b"x()\n//# sourceMappingURL=main.js.map\n",
         "main.js.map": b'{"version":3,"sources":["src/a.ts"],"sourcesContent":["a\\n"],"mappings":""}'}
index, data = {"files": {}}, b""
for name, body in files.items():
    index["files"][name] = {"size": len(body), "offset": str(len(data))}
    data += body
text = json.dumps(index, separators=(",", ":")).encode()
payload = struct.pack("<I", len(text)) + text + b"\0" * ((4 - len(text) % 4) % 4)
header = struct.pack("<I", len(payload)) + payload
open(sys.argv[1], "wb").write(struct.pack("<II", 4, len(header)) + header + data)
PY
    # gzip headers with every optional field, prefixed with the two bytes that choose split point and block size
    [ "$target" != FuzzGzipHeader ] || for name in a bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb; do
      printf 'leak-scan\n' > "/tmp/$name" && (printf '\x05\x09'; gzip -c -N "/tmp/$name") > "$corpus/gzip-name-$name" && rm "/tmp/$name"
    done
  fi
  echo "== $target: ${seconds}s"
  ".build-fuzz/release/$target" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix=fuzz-corpus/crashes/ -print_final_stats=1 2>&1 | grep -E "^#[0-9]+.*DONE|stat::|ERROR|SUMMARY|Done" || true
done
