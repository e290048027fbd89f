#!/usr/bin/env bash
# The install step of action.yml, kept in a script so it can be run (and tested) outside GitHub Actions.
# Downloads the release binary for the runner, checks its SHA-256 against the release's SHA256SUMS, keeps it in the
# runner's tool cache ($RUNNER_TOOL_CACHE/leak-scan/VERSION/ARCH, the layout @actions/tool-cache uses) and puts it on
# PATH. Builds from source only when asked (INPUT_BUILD_FROM_SOURCE=true): a failed download is an error, never a
# silent three-minute build.
#
# Inputs (environment):
#   INPUT_VERSION            release to install, e.g. 0.1.0 (default: the version of the action's own checkout)
#   INPUT_RELEASE_URL        base URL of the release files, {version} replaced
#                            (default https://github.com/leak-scan/leak-scan/releases/download/v{version};
#                            http(s):// or file://)
#   INPUT_BUILD_FROM_SOURCE  true: skip the download, build with swift from the action's checkout
#   RUNNER_OS, RUNNER_ARCH, RUNNER_TOOL_CACHE, RUNNER_TEMP, GITHUB_ENV, GITHUB_PATH, GITHUB_ACTION_PATH (set by Actions)
# Output: LEAK_SCAN=<binary> appended to $GITHUB_ENV, its folder to $GITHUB_PATH.
set -euo pipefail
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
version=${INPUT_VERSION:-}
[ -n "$version" ] || version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' "$action_path/Sources/LeakReporters/ToolInfo.swift")
version=${version#v}
github_env=${GITHUB_ENV:-/dev/null}
github_path=${GITHUB_PATH:-/dev/null}
say() { echo "leak-scan install: $*" >&2; }
die() { echo "::error title=leak-scan install::$*"; say "$*"; exit 1; }

if [ "${INPUT_BUILD_FROM_SOURCE:-false}" = true ]; then
  say "building from source (build-from-source: true)"
  bash "$action_path/Scripts/install-deps.sh"
  swift build -c release --static-swift-stdlib --package-path "$action_path" --product leak-scan
  echo "LEAK_SCAN=$action_path/.build/release/leak-scan" >> "$github_env"
  echo "$action_path/.build/release" >> "$github_path"
  exit 0
fi

runner_os=${RUNNER_OS:-$(uname -s)}
case "$runner_os" in
  Linux) os=linux ;;
  macOS|Darwin) os=darwin ;;
  *) die "no release binary for $runner_os; set build-from-source: true on a runner with Swift 6" ;;
esac
runner_arch=${RUNNER_ARCH:-$(uname -m)}
case "$runner_arch" in
  X64|x86_64) arch=x64 ;;
  ARM64|arm64|aarch64) arch=arm64 ;;
  *) die "no release binary for $runner_os $runner_arch; set build-from-source: true on a runner with Swift 6" ;;
esac

cache_root=${RUNNER_TOOL_CACHE:-${HOME}/.cache/leak-scan-tool-cache}
cache=$cache_root/leak-scan/$version/$arch
if [ -f "$cache.complete" ] && [ -x "$cache/leak-scan" ]; then
  say "leak-scan $version $os-$arch from the tool cache ($cache)"
else
  base=${INPUT_RELEASE_URL:-https://github.com/leak-scan/leak-scan/releases/download/v\{version\}}
  base=${base//\{version\}/$version}
  base=${base%/}
  name=leak-scan-$version-$os-$arch.tar.gz
  work=$(mktemp -d "${RUNNER_TEMP:-/tmp}/leak-scan-install.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  fetch() { curl --fail --silent --show-error --location --retry 3 --proto '=https,http,file' -o "$2" "$1"; }
  fetch "$base/SHA256SUMS" "$work/SHA256SUMS" \
    || die "cannot download $base/SHA256SUMS (is $version released? pin an existing release, or set build-from-source: true)"
  fetch "$base/$name" "$work/$name" || die "cannot download $base/$name"
  expected=$(awk -v file="$name" '$2 == file || $2 == "*" file {print $1}' "$work/SHA256SUMS")
  [ -n "$expected" ] || die "SHA256SUMS of $version does not list $name"
  if command -v sha256sum >/dev/null; then actual=$(sha256sum "$work/$name" | cut -d' ' -f1)
  else actual=$(shasum -a 256 "$work/$name" | cut -d' ' -f1); fi
  [ "$actual" = "$expected" ] || die "SHA-256 mismatch for $name: got $actual, SHA256SUMS says $expected"
  rm -rf "$cache" "$cache.complete"
  mkdir -p "$cache"
  tar -xzf "$work/$name" -C "$cache"
  [ -x "$cache/leak-scan" ] || die "$name has no leak-scan binary"
  touch "$cache.complete"
  say "leak-scan $version $os-$arch downloaded from $base, SHA-256 verified, cached in $cache"
fi
reported=$("$cache/leak-scan" --version) || die "$cache/leak-scan does not run on this runner"
[ "$reported" = "$version" ] || die "$cache/leak-scan reports version $reported, expected $version"
echo "LEAK_SCAN=$cache/leak-scan" >> "$github_env"
echo "$cache" >> "$github_path"
