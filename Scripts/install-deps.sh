#!/usr/bin/env bash
# Installs what leak-scan needs on a Debian machine: libarchive and ISA-L (headers + pkg-config), and python3 with
# `jsonschema` and `pre-commit` from PyPI for the schema checks and the pre-commit hook test; the real consumers the
# consumer-parity tests extract with (npm's node-tar, unzip, pip, dpkg-deb, rpmbuild/rpm2cpio, cpio).
set -euo pipefail
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq libarchive-dev libisal-dev pkg-config python3 python3-pip >/dev/null
$sudo apt-get install -y -qq unzip cpio rpm rpm2cpio dpkg nodejs >/dev/null
command -v npm >/dev/null || $sudo apt-get install -y -qq npm >/dev/null
python3 -c "import jsonschema" 2>/dev/null && command -v pre-commit >/dev/null \
  || $sudo python3 -m pip install -q --break-system-packages jsonschema pre-commit 2>/dev/null \
  || $sudo python3 -m pip install -q jsonschema pre-commit
