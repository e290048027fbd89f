#!/usr/bin/env bash
# The scan step of action.yml, kept in a script so it can be run (and tested) outside GitHub Actions.
# Inputs (environment): INPUT_PATHS (newline- or space-separated artifacts; `pack:DIR` packs an npm folder first),
# INPUT_SARIF (where to write SARIF, default leak-scan.sarif), LEAK_SCAN (the binary, default leak-scan on PATH).
# Writes SARIF, prints GitHub annotations, appends the Markdown table to $GITHUB_STEP_SUMMARY, exits with leak-scan's code.
set -uo pipefail
bin=${LEAK_SCAN:-leak-scan}
sarif=${INPUT_SARIF:-leak-scan.sarif}
artifacts=()
packages=()
for item in ${INPUT_PATHS:-}; do
  case "$item" in
    pack:*) packages+=("${item#pack:}") ;;
    *) artifacts+=("$item") ;;
  esac
done
status=0
run() {
  local code=0
  "$bin" "$@" --format sarif --output "$sarif.part" >/dev/null 2>&1 || code=$?
  "$bin" "$@" --format github || true
  return "$code"
}
if [ ${#artifacts[@]} -gt 0 ]; then
  run scan "${artifacts[@]}" || status=$?
  mv "$sarif.part" "$sarif"
fi
if [ ${#packages[@]} -gt 0 ]; then
  code=0
  run pack "${packages[@]}" || code=$?
  [ "$code" -le "$status" ] || status=$code
  if [ -f "$sarif" ]; then mv "$sarif.part" "${sarif%.sarif}-pack.sarif"; else mv "$sarif.part" "$sarif"; fi
fi
if [ ${#artifacts[@]} -eq 0 ] && [ ${#packages[@]} -eq 0 ]; then
  echo "leak-scan action: no paths given (input 'paths')" >&2
  exit 64
fi
exit "$status"
