#!/usr/bin/env bash
# The test command of the README and of CI: the whole Swift Testing suite (arguments go to `swift test`). Installing
# the dependencies is Scripts/install-deps.sh's job, which CI runs first.
set -euo pipefail
cd "$(dirname "$0")/.."
swift test "$@"
