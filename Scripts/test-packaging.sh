#!/usr/bin/env bash
# Tests the ways users install leak-scan, against a dist/ built here by Scripts/build-release.sh. Self-contained: installs
# what it needs (apt, pip), builds dist/ (static libraries cached in .build-release-deps/), then checks
#   - action.yml, .github/workflows/*.yml against the GitHub schemas (check-jsonschema),
#   - the binary in bare `debootstrap --variant=minbase` roots of Debian 12 and Ubuntu 22.04 (glibc 2.35, the oldest
#     the wheel's manylinux tag claims) (Scripts/test-release-chroot.sh),
#   - npm: the packed tarballs installed offline into a temp project; npx leak-scan; prepublishOnly stops a publish,
#   - pip: the wheel installed with --no-index into a fresh venv,
#   - pre-commit: the `leak-scan-python` hook that installs itself (pip install . -> the wheel from dist/),
#   - the Action's install step downloading the release from a 127.0.0.1 HTTP server (checksum, tool cache, fallback).
# Exits non-zero on the first failure; prints the time of every step.
#
#   Scripts/test-packaging.sh [--skip-build] [--skip-deps] [--only validate|chroot|npm|pip|pre-commit|action]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
skip_build=false
skip_deps=false
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-build) skip_build=true; shift ;;
    --skip-deps) skip_deps=true; shift ;;
    --only) only=$2; shift 2 ;;
    *) echo "usage: Scripts/test-packaging.sh [--skip-build] [--skip-deps] [--only STEP]" >&2; exit 64 ;;
  esac
done
dist=$root/dist
version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/LeakReporters/ToolInfo.swift)
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "unsupported machine" >&2; exit 1 ;; esac
tmp=$(mktemp -d /tmp/leak-scan-packaging.XXXXXX)
server_pid=""
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
started=$(date +%s)
fail() { echo "test-packaging: FAIL: $*" >&2; exit 1; }
# Runs a command, expects an exit code, keeps its output in $out.
expect() {
  local want=$1; shift
  local code=0
  out=$("$@" 2>&1) || code=$?
  [ "$code" -eq "$want" ] || { printf '%s\n' "$out" | tail -30 >&2; fail "'$*' exited $code, expected $want"; }
}
timed() {
  local name=$1; shift
  [ -z "$only" ] || [ "$only" = "$name" ] || [ "$name" = build ] || [ "$name" = deps ] || return 0
  local t0=$SECONDS
  echo "test-packaging: --- $name" >&2
  "$@"
  echo "test-packaging: --- $name ok ($(( SECONDS - t0 )) s)" >&2
}

# A package that ships its source: an esbuild-style bundle and its map with sourcesContent.
make_leaky_package() {
  local dir=$1
  mkdir -p "$dir/dist"
  printf 'console.log("hi");\n//# sourceMappingURL=index.js.map\n' > "$dir/dist/index.js"
  printf '{"version":3,"sources":["../src/index.ts","../src/secret.ts"],"sourcesContent":["export const a = 1;\\nexport const b = 2;\\n","export const key = 3;\\n"],"mappings":"AAAA"}' > "$dir/dist/index.js.map"
}

deps() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  command -v check-jsonschema >/dev/null || python3 -m pip install -q check-jsonschema 2>/dev/null \
    || python3 -m pip install -q --break-system-packages check-jsonschema
  command -v pre-commit >/dev/null || python3 -m pip install -q pre-commit 2>/dev/null \
    || python3 -m pip install -q --break-system-packages pre-commit
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq debootstrap >/dev/null
  python3 -c "import venv" 2>/dev/null || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
}

build() {
  if $skip_build && [ -f "$dist/SHA256SUMS" ]; then return 0; fi
  local flags=()
  $skip_deps && flags+=(--skip-deps)
  bash Scripts/build-release.sh "${flags[@]}"
}

validate() {
  check-jsonschema --builtin-schema vendor.github-actions action.yml
  check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
  python3 - <<'EOF'
import sys, yaml
hooks = yaml.safe_load(open(".pre-commit-hooks.yaml"))
ids = [hook["id"] for hook in hooks]
assert len(ids) == len(set(ids)), ids
for hook in hooks:
    for key in ("id", "name", "entry", "language"):
        assert key in hook, (hook, key)
print("ok -- .pre-commit-hooks.yaml:", ", ".join(ids))
EOF
}

chroot_test() {
  bash Scripts/test-release-chroot.sh "$dist/leak-scan-$version-linux-$arch.tar.gz"
  # the oldest glibc the wheel's manylinux tag claims: Ubuntu 22.04, glibc 2.35
  ls "$dist"/leak_scan-"$version"-py3-none-manylinux_2_35_*.whl >/dev/null || fail "the wheel no longer claims glibc 2.35"
  LEAK_SCAN_CHROOT_SUITE=jammy LEAK_SCAN_CHROOT_MIRROR=http://archive.ubuntu.com/ubuntu \
    LEAK_SCAN_CHROOT_DEBOOTSTRAP_ARGS=--no-check-gpg \
    bash Scripts/test-release-chroot.sh "$dist/leak-scan-$version-linux-$arch.tar.gz"
}

npm_test() {
  local app=$tmp/npm-app t0
  mkdir -p "$app"
  make_leaky_package "$app"
  cat > "$app/package.json" <<EOF
{"name": "leaky-app", "version": "1.0.0", "files": ["dist"],
 "scripts": {"prepublishOnly": "leak-scan pack ."}}
EOF
  # offline: a registry nobody listens on, and --offline; the platform packages this machine cannot use stay absent
  local npm_flags=(--offline --registry http://127.0.0.1:9/ --no-audit --no-fund --cache "$tmp/npm-cache")
  t0=$(date +%s%N)
  expect 0 npm install "${npm_flags[@]}" --prefix "$app" --save-dev \
    "$dist/leak-scan-linux-$arch-$version.tgz" "$dist/leak-scan-$version.tgz"
  expect 0 bash -c "cd '$app' && npx --offline leak-scan --version"
  local elapsed=$(( ($(date +%s%N) - t0) / 1000000 ))
  [ "$out" = "$version" ] || fail "npx leak-scan --version printed '$out'"
  echo "test-packaging: npm install + npx leak-scan --version: ${elapsed} ms" >&2
  [ -x "$app/node_modules/@leak-scan/linux-$arch/bin/leak-scan" ] || fail "the platform binary is not executable"
  expect 1 bash -c "cd '$app' && npx --offline leak-scan '$root/SampleArtifacts/leaky-cli-1.0.0.tgz'"
  echo "$out" | grep -q "^LEAK" || fail "no LEAK verdict: $out"
  expect 0 bash -c "cd '$app' && npx --offline leak-scan '$root/SampleArtifacts/clean-lib-3.1.0.tgz'"
  # prepublishOnly stops the publish of the leaking package, and lets it through once the map is gone
  expect 1 bash -c "cd '$app' && npm publish --dry-run ${npm_flags[*]}"
  echo "$out" | grep -q "LEAK" || fail "npm publish --dry-run failed without a LEAK verdict: $out"
  echo "$out" | grep -q "prepublishOnly" || fail "npm publish --dry-run did not run prepublishOnly: $out"
  rm "$app/dist/index.js.map"
  sed -i '/sourceMappingURL/d' "$app/dist/index.js"
  expect 0 bash -c "cd '$app' && npm publish --dry-run ${npm_flags[*]}"
  # clear messages when no binary matches
  expect 2 node -e 'Object.defineProperty(process, "platform", {value: "freebsd"}); require(process.argv[1])' \
    "$app/node_modules/leak-scan/bin/leak-scan.js"
  echo "$out" | grep -q "no prebuilt binary for freebsd-$arch" || fail "unexpected message: $out"
  local bare=$tmp/npm-bare
  mkdir -p "$bare"
  echo '{"name": "bare", "version": "1.0.0"}' > "$bare/package.json"
  expect 0 npm install "${npm_flags[@]}" --prefix "$bare" "$dist/leak-scan-$version.tgz"
  expect 2 bash -c "cd '$bare' && npx --offline leak-scan --version"
  echo "$out" | grep -q "platform package @leak-scan/linux-$arch is not installed" || fail "unexpected message: $out"
}

pip_test() {
  local venv=$tmp/venv wheel
  wheel=$(ls "$dist"/leak_scan-"$version"-py3-none-*.whl)
  python3 -m venv "$venv"
  expect 0 "$venv/bin/pip" install --no-index --no-cache-dir "$wheel"
  expect 0 "$venv/bin/leak-scan" --version
  [ "$out" = "$version" ] || fail "leak-scan --version printed '$out'"
  expect 0 "$venv/bin/python" -m leak_scan --version
  [ "$out" = "$version" ] || fail "python -m leak_scan --version printed '$out'"
  expect 1 "$venv/bin/leak-scan" "$root/SampleArtifacts/demo_pkg-0.1.0-py3-none-any.whl"
  echo "$out" | grep -q "^LEAK" || fail "no LEAK verdict: $out"
  expect 0 "$venv/bin/pip" check
  # the wheel is itself clean, and pip's view of it agrees with its RECORD
  expect 0 "$venv/bin/leak-scan" "$wheel"
  expect 0 "$venv/bin/python" - "$wheel" <<'EOF'
import base64, csv, hashlib, io, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as whl:
    names = set(whl.namelist())
    record = next(n for n in names if n.endswith(".dist-info/RECORD"))
    rows = list(csv.reader(io.TextIOWrapper(whl.open(record), "utf-8")))
    assert {row[0] for row in rows} == names, "RECORD lists exactly the wheel's files"
    for path, digest, size in rows:
        if path == record:
            assert digest == "" and size == ""
            continue
        data = whl.read(path)
        assert digest == "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode(), path
        assert int(size) == len(data), path
EOF
  "$venv/bin/pip" uninstall -q -y leak-scan
  [ ! -e "$venv/bin/leak-scan" ] || fail "pip uninstall left the binary behind"
}

precommit_test() {
  local work=$tmp/precommit
  mkdir -p "$work"
  make_leaky_package "$work"
  echo '{"name": "precommit-app", "version": "1.0.0", "files": ["dist"]}' > "$work/package.json"
  git -C "$work" init -q -b main
  git -C "$work" add -A
  git -C "$work" -c user.name=t -c user.email=t@example.invalid commit -q -m init
  # pre-commit builds the hook's venv with `pip install .` of this repository (pyproject.toml, an in-tree backend with
  # no requirements), which requires leak-scan==VERSION: served from dist/ only, no index.
  # no leak-scan on PATH: the verdict below can only come from the wheel the hook installed from dist/
  ! command -v leak-scan >/dev/null || fail "leak-scan is on PATH ($(command -v leak-scan)); the test needs it absent"
  local env=(env PIP_NO_INDEX=1 PIP_FIND_LINKS="$dist" PRE_COMMIT_HOME="$tmp/pre-commit-home")
  expect 1 bash -c "cd '$work' && ${env[*]} pre-commit try-repo '$root' leak-scan-python --all-files --verbose"
  echo "$out" | grep -q "LEAK" || fail "the hook failed without a LEAK verdict: $out"
  git -C "$work" rm -q dist/index.js.map
  git -C "$work" -c user.name=t -c user.email=t@example.invalid commit -q -m "drop the map"
  expect 0 bash -c "cd '$work' && ${env[*]} pre-commit try-repo '$root' leak-scan-python --all-files"
}

action_test() {
  local served=$tmp/served port base env_file path_file cache=$tmp/tool-cache t0 elapsed
  mkdir -p "$served/v$version"
  cp "$dist/SHA256SUMS" "$dist/leak-scan-$version-linux-$arch.tar.gz" "$served/v$version/"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 -m http.server --bind 127.0.0.1 --directory "$served" "$port" >/dev/null 2>&1 &
  server_pid=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/v$version/SHA256SUMS" >/dev/null && break; sleep 0.1; done
  base="http://127.0.0.1:$port/v{version}"
  env_file=$tmp/github-env path_file=$tmp/github-path
  action_install() {
    : > "$env_file"; : > "$path_file"
    env -u INPUT_VERSION RUNNER_OS=Linux RUNNER_ARCH="${arch^^}" RUNNER_TOOL_CACHE="$cache" RUNNER_TEMP="$tmp" \
      GITHUB_ENV="$env_file" GITHUB_PATH="$path_file" GITHUB_ACTION_PATH="$root" "$@" bash Scripts/action-install.sh
  }
  # first run: download over HTTP, checksum, tool cache; the version defaults to the action's own
  t0=$(date +%s%N)
  expect 0 action_install INPUT_RELEASE_URL="$base"
  elapsed=$(( ($(date +%s%N) - t0) / 1000000 ))
  echo "test-packaging: action install step (download + verify + extract): ${elapsed} ms" >&2
  echo "$out" | grep -q "SHA-256 verified" || fail "no verification: $out"
  grep -qx "LEAK_SCAN=$cache/leak-scan/$version/$arch/leak-scan" "$env_file" || fail "GITHUB_ENV: $(cat "$env_file")"
  grep -qx "$cache/leak-scan/$version/$arch" "$path_file" || fail "GITHUB_PATH: $(cat "$path_file")"
  [ -f "$cache/leak-scan/$version/$arch.complete" ] || fail "no tool-cache marker"
  # the scan step with the installed binary
  expect 1 env LEAK_SCAN="$cache/leak-scan/$version/$arch/leak-scan" INPUT_PATHS="$root/SampleArtifacts/leaky-cli-1.0.0.tgz" \
    INPUT_SARIF="$tmp/out.sarif" GITHUB_STEP_SUMMARY="$tmp/summary.md" bash Scripts/action-scan.sh
  echo "$out" | grep -q "::error" || fail "no annotation: $out"
  python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["version"] == "2.1.0"' "$tmp/out.sarif"
  # second run: from the tool cache, the server is not asked (it is gone)
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  expect 0 action_install INPUT_RELEASE_URL="$base" INPUT_VERSION="v$version"
  echo "$out" | grep -q "from the tool cache" || fail "no cache hit: $out"
  # file:// URL, a fresh cache
  rm -rf "$cache"
  expect 0 action_install INPUT_RELEASE_URL="file://$served/v{version}" INPUT_VERSION="$version"
  # a tampered tarball is refused and nothing is cached
  rm -rf "$cache"
  printf 'x' >> "$served/v$version/leak-scan-$version-linux-$arch.tar.gz"
  expect 1 action_install INPUT_RELEASE_URL="file://$served/v{version}"
  echo "$out" | grep -q "SHA-256 mismatch" || fail "tampering not detected: $out"
  [ ! -e "$cache/leak-scan/$version/$arch.complete" ] || fail "a tampered download was cached"
  # a release that does not exist: an error naming the fallback, no silent source build
  expect 1 action_install INPUT_RELEASE_URL="file://$served/v{version}" INPUT_VERSION=9.9.9
  echo "$out" | grep -q "build-from-source: true" || fail "the error does not name the fallback: $out"
}

$skip_deps || timed deps deps
timed build build
timed validate validate
timed chroot chroot_test
timed npm npm_test
timed pip pip_test
timed pre-commit precommit_test
timed action action_test
echo "test-packaging: all ok ($(( $(date +%s) - started )) s)" >&2
