#!/usr/bin/env bash
# The test command of the README and of CI: installs the dependencies, then runs the whole Swift Testing suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift test "$@"
