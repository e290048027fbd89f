#!/usr/bin/env bash
# Formats every Swift file with the toolchain's swift-format (config: .swift-format), then lints; `--check` only lints
# and fails on any finding (what CI runs). Usage: Scripts/format.sh [--check]
set -euo pipefail
cd "$(dirname "$0")/.."
files=()
while IFS= read -r -d '' file; do files+=("$file"); done < <(git ls-files -z -- '*.swift' ':!:Package.swift' ':!:Fuzz/Package.swift')
if [ "${1:-}" != "--check" ]; then
  swift format format --in-place --parallel "${files[@]}"
fi
swift format lint --strict --parallel "${files[@]}"
