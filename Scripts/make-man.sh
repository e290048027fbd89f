#!/usr/bin/env bash
# Regenerates Docs/man/leak-scan.1 from the command definition with swift-argument-parser's generate-manual plugin
# (builds leak-scan in release mode the first time). HelpTextTests fails when an option is missing from the page.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p Docs/man
swift package --allow-writing-to-package-directory generate-manual --date "$(date -u +%Y-%m-%d)" \
  --authors "the leak-scan authors" --output-directory Docs/man
