#!/usr/bin/env bash
# Installs what leak-scan needs on a Debian machine: libarchive and ISA-L (headers + pkg-config), and python3 with
# `jsonschema` from PyPI for the generators and the JSON/SARIF schema checks in the tests.
set -euo pipefail
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq libarchive-dev libisal-dev pkg-config python3 python3-pip >/dev/null
python3 -c "import jsonschema" 2>/dev/null \
  || $sudo python3 -m pip install -q --break-system-packages jsonschema 2>/dev/null \
  || $sudo python3 -m pip install -q jsonschema
