#!/usr/bin/env bash
# Benchmark: leak-scan against `bsdtar -xOf` (libarchive + zlib decompression floor) and `igzip -dc` (ISA-L inflate
# limit) on generated artifacts, in the same run. Prints ratios and peak RSS, and checks counts against ground truth;
# then the throughput of hostile map shapes, the worst one last.
# Usage: Scripts/bench.sh [--quick]     (needs: hyperfine, libarchive-tools, isal, /usr/bin/time; builds the release binary,
# installing its dependencies with Scripts/install-deps.sh --release)
set -euo pipefail
cd "$(dirname "$0")/.."
scale=1.0
rounds=5
if [ "${1:-}" = "--quick" ]; then scale=0.05; rounds=1; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The binary users install (the npm and pip packages, the Action and the release tarball all ship it): the static build
# of Scripts/build-release.sh. A plain `swift build` binary loads about twenty of Debian's shared libraries at start-up
# (libarchive's libxml2 and ICU, Vectorscan's libstdc++), which costs it 2-3 ms per artifact that users never pay.
bash Scripts/build-release.sh --dist "$work/dist" > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
bin=.build-release/release/leak-scan

python3 Scripts/generate-claude-like.py --scale "$scale" --out "$work/claude-like.tgz" > "$work/claude-like.truth"
python3 Scripts/generate-claude-like.py --scale "$scale" --no-map --out "$work/clean.tgz" > /dev/null
python3 Scripts/generate-claude-like.py --scale "$scale" --copies 4 --out "$work/claude-like-x4.tgz" > "$work/claude-like-x4.truth"
members=$(python3 -c "print(max(200, int(20000 * $scale)))")
python3 Scripts/generate-many-small.py --members "$members" --out "$work/many-small.tgz" > "$work/many-small.truth"
python3 Scripts/generate-many-small.py --members "$members" --zip --out "$work/many-small.whl" > "$work/many-small-whl.truth"

# These machines are shared and noisy: load comes in bursts of seconds. So every command of a comparison runs in each
# of $rounds rounds (hyperfine, 2 runs after a warm-up), a burst hits all of them alike, and each command is
# summarized by its median over all its runs. Prints the medians in command order.
timed_in_rounds() {
  for round in $(seq "$rounds"); do
    hyperfine -N -i -w 1 -r 2 --export-json "$work/round-$round.json" "$@" >/dev/null 2>&1
  done
  python3 -c "
import json, statistics, sys
rounds = [json.load(open(f'{sys.argv[1]}/round-{r}.json'))['results'] for r in range(1, int(sys.argv[2]) + 1)]
print(' '.join(str(statistics.median([t for results in rounds for t in results[i]['times']])) for i in range(len(rounds[0]))))
" "$work" "$rounds"
}
printf '| artifact | bsdtar s | igzip s | leak-scan s | leak-scan / bsdtar | peak RSS MiB | counts |\n|---|---|---|---|---|---|---|\n'
for artifact in "$work/claude-like.tgz" "$work/clean.tgz" "$work/many-small.tgz" "$work/claude-like-x4.tgz" "$work/many-small.whl"; do
  name=$(basename "$artifact"); name=${name%.tgz}; [ "${name%.whl}" = "$name" ] || name="${name%.whl}-whl"
  inflate="igzip -dc $artifact"
  [ "${artifact%.tgz}" != "$artifact" ] || inflate="true"
  read -r b i l < <(timed_in_rounds "bsdtar -xOf $artifact" "$inflate" "$bin $artifact")
  rss=$( (/usr/bin/time -v "$bin" "$artifact" 2>&1 >/dev/null || true) | awk '/Maximum resident/ {printf "%.1f", $6/1024}')
  counts="n/a"
  if [ -s "$work/$name.truth" ] && [ "$(cat "$work/$name.truth")" != "{}" ]; then
    expected=$(python3 -c "import json,sys; t=json.load(open(sys.argv[1])); print(f\"{t['files']:,} files / {t['lines']:,} lines\")" "$work/$name.truth")
    if ("$bin" "$artifact" || true) | head -1 | grep -qE "exposes? $expected"; then counts="exact"; else counts="MISMATCH"; fi
  fi
  [ "$inflate" != "true" ] || i=""
  python3 -c "import sys; b,l=float(sys.argv[1]),float(sys.argv[3]); i=f'{float(sys.argv[2]):.3f}' if sys.argv[2] else '–'; print(f'| {sys.argv[4]} | {b:.3f} | {i} | {l:.3f} | {l/b:.2f} | {sys.argv[5]} | {sys.argv[6]} |')" "$b" "$i" "$l" "$name" "$rss" "$counts"
done

# Hostile maps (Scripts/generate-hostile.py): 100 MB each, also with --quick (smaller ones would time the start-up),
# in shapes that make a JSON tokenizer walk byte by byte. Throughput of the whole scan (file read, tokenizer, finder);
# the worst shape is printed last.
hostile_mb=100
shapes=(numbers long-numbers empty-arrays empty-objects deep whitespace long-string short-strings escaped-strings long-names)
commands=()
for shape in "${shapes[@]}"; do
  python3 Scripts/generate-hostile.py --shape "$shape" --megabytes "$hostile_mb" --out "$work/$shape.map" > "$work/$shape.truth"
  commands+=("$bin $work/$shape.map")
done
read -r -a seconds < <(timed_in_rounds "${commands[@]}")
printf '\n| hostile map (%s MB) | leak-scan s | MB/s | peak RSS MiB | counts |\n|---|---|---|---|---|\n' "$hostile_mb"
worst=""
for index in "${!shapes[@]}"; do
  shape=${shapes[$index]}
  rss=$( (/usr/bin/time -v "$bin" "$work/$shape.map" 2>&1 >/dev/null || true) | awk '/Maximum resident/ {printf "%.1f", $6/1024}')
  expected=$(python3 -c "import json,sys; t=json.load(open(sys.argv[1])); print(f\"exposes {t['files']:,} file / {t['lines']:,} lines\" if t['files'] else 'names only')" "$work/$shape.truth")
  if ("$bin" "$work/$shape.map" || true) | head -1 | grep -q "$expected"; then counts="exact"; else counts="MISMATCH"; fi
  row=$(python3 -c "import os,sys; s=float(sys.argv[2]); print(f'{os.path.getsize(sys.argv[1])/1e6/s:.0f}')" "$work/$shape.map" "${seconds[$index]}")
  printf '| %s | %.3f | %s | %s | %s |\n' "$shape" "${seconds[$index]}" "$row" "$rss" "$counts"
  if [ -z "$worst" ] || [ "$row" -lt "${worst%% *}" ]; then worst="$row $shape"; fi
done
printf '\nworst hostile shape: %s at %s MB/s\n' "${worst#* }" "${worst%% *}"

# Many artifacts: the same eight artifacts scanned with --jobs 1 and --jobs 2; throughput ratio (higher is better).
batch=()
for copy in 1 2 3 4; do
  cp "$work/claude-like.tgz" "$work/batch-$copy.tgz"; cp "$work/many-small.tgz" "$work/batch-small-$copy.tgz"
  batch+=("$work/batch-$copy.tgz" "$work/batch-small-$copy.tgz")
done
read -r one two < <(timed_in_rounds "$bin --quiet --jobs 1 ${batch[*]}" "$bin --quiet --jobs 2 ${batch[*]}")
python3 -c "import sys; a,b=map(float,sys.argv[1:3]); print(f'\n8 artifacts: --jobs 1 {a:.3f} s, --jobs 2 {b:.3f} s, throughput x{a/b:.2f}')" "$one" "$two"

# Secret scan (on by default): claude-like with and without it (wall-clock ratio, peak RSS), and the secret scan's own
# throughput: decoded sourcesContent bytes over the extra user CPU time it costs (decoding every entry, Vectorscan,
# coordinates), each the median of $rounds runs. The compiled database is cached on disk, so a warm-up run comes first.
"$bin" "$work/claude-like.tgz" >/dev/null || true
read -r off on < <(timed_in_rounds "$bin --no-secrets $work/claude-like.tgz" "$bin $work/claude-like.tgz")
user_time() {
  # A leaking artifact exits 1: that is the verdict, not a failure of the measurement.
  for _ in $(seq "$rounds"); do { /usr/bin/time -f %U "$bin" "$@" 2>&1 >/dev/null || true; } | tail -1; done \
    | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
user_off=$(user_time --no-secrets "$work/claude-like.tgz")
user_on=$(user_time "$work/claude-like.tgz")
rss_on=$( (/usr/bin/time -v "$bin" "$work/claude-like.tgz" 2>&1 >/dev/null || true) | awk '/Maximum resident/ {printf "%.1f", $6/1024}')
python3 -c "
import json, sys
off, on, uoff, uon = map(float, sys.argv[1:5]); b = json.load(open(sys.argv[5]))['bytes']
rate = f'{b / (uon - uoff) / 1e6:.0f} MB/s' if uon > uoff else 'n/a (below timer resolution)'
print(f'\nclaude-like secrets: off {off:.3f} s, on {on:.3f} s, on/off x{on/off:.2f}, peak RSS on {sys.argv[6]} MiB; '
      f'user CPU {uoff:.2f} -> {uon:.2f} s; secret scan {rate} over {b/1e6:.1f} MB of decoded sources')
" "$off" "$on" "$user_off" "$user_on" "$work/claude-like.truth" "$rss_on"
