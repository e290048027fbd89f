#!/usr/bin/env bash
# The scan step of action.yml, kept in a script so it can be run (and tested) outside GitHub Actions. One leak-scan run
# scans every input once (`pack:DIR` packs an npm folder first) and writes, from that one result, the annotations
# (stdout), one SARIF file for all inputs, and the Markdown table on $GITHUB_STEP_SUMMARY.
# Inputs (environment): INPUT_PATHS (newline- or space-separated), INPUT_SARIF (default leak-scan.sarif),
# INPUT_FAIL_ON (error|warning|never, default error), INPUT_CATEGORY (SARIF category, default leak-scan),
# LEAK_SCAN (the binary, default leak-scan on PATH). Exits with leak-scan's code.
set -uo pipefail
bin=${LEAK_SCAN:-leak-scan}
sarif=${INPUT_SARIF:-leak-scan.sarif}
arguments=()
for item in ${INPUT_PATHS:-}; do
  case "$item" in
    pack:*) arguments+=(--pack "${item#pack:}") ;;
    *) arguments+=("$item") ;;
  esac
done
if [ ${#arguments[@]} -eq 0 ]; then
  echo "leak-scan action: no paths given (input 'paths')" >&2
  exit 64
fi
exec "$bin" scan --format github --also-write "sarif=$sarif" --fail-on "${INPUT_FAIL_ON:-error}" \
  --sarif-category "${INPUT_CATEGORY:-leak-scan}" "${arguments[@]}"
