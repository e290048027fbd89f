#!/usr/bin/env bash
# Installs what leak-scan needs on a Debian machine: libarchive, ISA-L and libbrotli (headers + pkg-config), and python3 with
# `jsonschema` and `pre-commit` from PyPI for the schema checks and the pre-commit hook test; the compressors the
# parity tests build members with (brotli, zstd, lz4, xz, bzip2, gzip).
set -euo pipefail
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq libarchive-dev libisal-dev libbrotli-dev pkg-config python3 python3-pip \
  brotli zstd lz4 xz-utils bzip2 gzip >/dev/null
python3 -c "import jsonschema" 2>/dev/null && command -v pre-commit >/dev/null \
  || $sudo python3 -m pip install -q --break-system-packages jsonschema pre-commit 2>/dev/null \
  || $sudo python3 -m pip install -q jsonschema pre-commit
