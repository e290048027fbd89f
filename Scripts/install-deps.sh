#!/usr/bin/env bash
# Installs what leak-scan needs on a Debian machine: libarchive, ISA-L, libbrotli, libsquashfs and Vectorscan (headers
# + pkg-config), and python3 with `jsonschema` and `pre-commit` from PyPI for the schema checks and the pre-commit hook
# test; the tools the parity tests build members with (brotli, zstd, lz4, xz, bzip2, gzip, zip, mksquashfs, 7zz) and
# the real consumers the consumer-parity tests extract with (npm's node-tar, unzip, pip, dpkg-deb, rpmbuild/rpm2cpio,
# cpio, unsquashfs, 7zz, bsdtar), and yarnpkg for `pack --pack-manager yarn`.
# With --release also what Scripts/build-release.sh needs to build the static libraries and dist/ (source packages are
# unpacked with dpkg-source, ISA-L's assembly needs nasm, the static archives of every compression library, npm).
set -euo pipefail
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq libarchive-dev libisal-dev libbrotli-dev libsquashfs-dev libvectorscan-dev pkg-config python3 python3-pip \
  brotli zstd lz4 xz-utils bzip2 gzip >/dev/null
$sudo apt-get install -y -qq unzip zip libarchive-tools cpio rpm rpm2cpio dpkg nodejs squashfs-tools 7zip >/dev/null
command -v npm >/dev/null || $sudo apt-get install -y -qq npm >/dev/null
# Yarn 1 (Debian's yarnpkg) for the --pack-manager yarn tests; pnpm and bun have no Debian package.
$sudo apt-get install -y -qq yarnpkg >/dev/null
if [ "${1:-}" = --release ]; then
  $sudo apt-get install -y -qq dpkg-dev gcc g++ make nasm curl zlib1g-dev libbz2-dev liblzma-dev libzstd-dev liblz4-dev libexpat1-dev \
    libmbedtls-dev binutils >/dev/null
fi
python3 -c "import jsonschema" 2>/dev/null && command -v pre-commit >/dev/null \
  || $sudo python3 -m pip install -q --break-system-packages jsonschema pre-commit 2>/dev/null \
  || $sudo python3 -m pip install -q jsonschema pre-commit
