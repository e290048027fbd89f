#!/usr/bin/env bash
# Installs leak-scan: the Debian packages it needs (Scripts/install-deps.sh), then a release build (Swift runtime
# linked statically) copied to PREFIX/bin. Usage: Scripts/install.sh [--prefix /usr/local] [--skip-deps]
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=/usr/local
skip_deps=false
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --skip-deps) skip_deps=true; shift ;;
    *) echo "usage: Scripts/install.sh [--prefix DIR] [--skip-deps]" >&2; exit 64 ;;
  esac
done
$skip_deps || bash Scripts/install-deps.sh
swift build -c release --static-swift-stdlib --product leak-scan
install -d "$prefix/bin"
install -m 0755 .build/release/leak-scan "$prefix/bin/leak-scan"
echo "installed $prefix/bin/leak-scan"
