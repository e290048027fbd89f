#!/usr/bin/env bash
# Builds SampleArtifacts/*.tgz|whl from SampleArtifacts/src with real tools: esbuild (Debian), npm pack, python3 zipfile.
# Usage: Scripts/make-sample-artifacts.sh   (needs: apt-get install esbuild; node/npm; python3)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/SampleArtifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$out/src/." "$work/"
export SOURCE_DATE_EPOCH=499162500

stamp() { find "$1" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +; }
pack() { (cd "$work/$1" && npm pack --silent --pack-destination "$out" >/dev/null); }

# leaky-cli: bundled with its dependency, external map with sourcesContent (first-party + node_modules).
(cd "$work/leaky-cli" && NODE_PATH=vendor/node_modules esbuild src/cli.ts --bundle --platform=node \
  --sourcemap --outfile=dist/cli.js --log-level=warning)
pack leaky-cli

# names-only: external map without sourcesContent.
(cd "$work/names-only" && esbuild src/index.ts --bundle --format=cjs --sourcemap --sources-content=false \
  --outfile=dist/index.js --log-level=warning)
pack names-only

# clean-lib: no map at all.
(cd "$work/clean-lib" && esbuild src/index.ts --bundle --format=cjs --outfile=dist/index.js --log-level=warning)
pack clean-lib

# inline-widget: inline data: maps in a script and a stylesheet, and a dangling sourceMappingURL.
(cd "$work/inline-widget" && esbuild src/widget.ts --bundle --format=cjs --sourcemap=inline \
  --outfile=dist/widget.js --log-level=warning \
  && esbuild src/widget.css --sourcemap=inline --outfile=dist/widget.css --log-level=warning \
  && cp src/legacy.js dist/legacy.js)
pack inline-widget

# py-wheel: a wheel shipping a web asset and its map.
(cd "$work/py-wheel" && esbuild web/app.ts --sourcemap --outfile=demo_pkg/static/app.js --log-level=warning \
  && mkdir -p demo_pkg-0.1.0.dist-info \
  && printf 'Metadata-Version: 2.1\nName: demo-pkg\nVersion: 0.1.0\n' > demo_pkg-0.1.0.dist-info/METADATA \
  && printf 'Wheel-Version: 1.0\nGenerator: leak-scan samples\nRoot-Is-Purelib: true\nTag: py3-none-any\n' \
     > demo_pkg-0.1.0.dist-info/WHEEL \
  && stamp . && rm -f "$out/demo_pkg-0.1.0-py3-none-any.whl" \
  && python3 -m zipfile -c "$out/demo_pkg-0.1.0-py3-none-any.whl" demo_pkg demo_pkg-0.1.0.dist-info)

# nested: a wheel that vendors the leaky npm tarball (nested archive, chained locations).
(mkdir -p "$work/nested/share" && cp "$out/leaky-cli-1.0.0.tgz" "$work/nested/share/" \
  && stamp "$work/nested" && cd "$work/nested" && rm -f "$out/nested_tools-1.0-py3-none-any.whl" \
  && python3 -m zipfile -c "$out/nested_tools-1.0-py3-none-any.whl" share)

# index-map: an index map whose sections embed two maps and reference a third by url.
(cd "$work/index-map" && esbuild src/a.ts --sourcemap --outfile=dist/a.js --log-level=warning \
  && esbuild src/b.ts --sourcemap --outfile=dist/b.js --log-level=warning \
  && python3 make-index-map.py && rm dist/a.js dist/a.js.map dist/b.js dist/b.js.map)
pack index-map

# debian-app: a .deb (ar + data.tar.xz) shipping the leaky bundle and its map under /usr/share.
(mkdir -p "$work/debian-app/usr/share/demo-app" && tar -xzf "$out/leaky-cli-1.0.0.tgz" -C "$work" \
  && cp "$work/package/dist/cli.js" "$work/package/dist/cli.js.map" "$work/debian-app/usr/share/demo-app/" \
  && stamp "$work/debian-app" \
  && dpkg-deb --root-owner-group -Zxz --build "$work/debian-app" "$out/demo-app_1.0_all.deb" >/dev/null)

ls -l "$out"/*.tgz "$out"/*.whl "$out"/*.deb
