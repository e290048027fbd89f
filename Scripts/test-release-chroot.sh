#!/usr/bin/env bash
# Proves the release binary runs on a bare Debian root: `debootstrap --variant=minbase` (essential packages and apt,
# none of the -dev packages, no libarchive, ISA-L, brotli, expat or Mbed TLS runtime), then `chroot` and scan.
#
#   Scripts/test-release-chroot.sh dist/leak-scan-VERSION-linux-ARCH.tar.gz
#
# The root is cached in .build-release-deps/rootfs-SUITE (delete it to bootstrap again); LEAK_SCAN_CHROOT_SUITE picks
# the suite (default bookworm), LEAK_SCAN_CHROOT_MIRROR the mirror, LEAK_SCAN_CHROOT_DEBOOTSTRAP_ARGS extra options
# (e.g. the oldest glibc the binary claims, Ubuntu 22.04's 2.35: LEAK_SCAN_CHROOT_SUITE=jammy
# LEAK_SCAN_CHROOT_MIRROR=http://archive.ubuntu.com/ubuntu LEAK_SCAN_CHROOT_DEBOOTSTRAP_ARGS=--no-check-gpg on a Debian
# host without Ubuntu's keyring). Needs root (or sudo) for debootstrap and chroot.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$(realpath "${1:?usage: Scripts/test-release-chroot.sh dist/leak-scan-VERSION-linux-ARCH.tar.gz}")
suite=${LEAK_SCAN_CHROOT_SUITE:-bookworm}
mirror=${LEAK_SCAN_CHROOT_MIRROR:-http://deb.debian.org/debian}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
rootfs=$PWD/.build-release-deps/rootfs-$suite
version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/LeakReporters/ToolInfo.swift)

if [ ! -x "$rootfs/bin/sh" ]; then
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq debootstrap >/dev/null
  echo "test-release-chroot: debootstrap --variant=minbase $suite (cached in $rootfs)" >&2
  $sudo rm -rf "$rootfs.part"
  mkdir -p "$(dirname "$rootfs")"
  # shellcheck disable=SC2086
  $sudo debootstrap --variant=minbase ${LEAK_SCAN_CHROOT_DEBOOTSTRAP_ARGS:-} "$suite" "$rootfs.part" "$mirror" >/dev/null
  $sudo mv "$rootfs.part" "$rootfs"
fi

fail() { echo "test-release-chroot: FAIL: $*" >&2; exit 1; }
# The root really is bare: none of the libraries the binary was built against. (minbase does carry the zlib, bzip2,
# xz, zstd, lz4, nettle, libstdc++ and libgcc_s runtimes, because dpkg and apt need them; ldd inside the root shows the binary
# does not load them.)
for lib in libarchive.so libisal.so libbrotlidec.so libexpat.so libmbedcrypto.so libxml2.so libicuuc.so; do
  found=$(find "$rootfs/usr/lib" "$rootfs/lib" -name "$lib*" 2>/dev/null | head -1 || true)
  [ -z "$found" ] || fail "the root is not bare: ${found#"$rootfs"}"
done
if find "$rootfs/usr/include" -name '*.h' 2>/dev/null | grep -q .; then fail "the root has C headers"; fi

# /proc is mounted as on any real system: the Swift runtime on Linux reads the program's arguments from
# /proc/self/cmdline, so without it the binary sees none (and exits 64, "give at least one artifact").
$sudo mount -t proc proc "$rootfs/proc"
trap '$sudo umount "$rootfs/proc" 2>/dev/null || true' EXIT
work=$rootfs/tmp/leak-scan-test
$sudo rm -rf "$work"
$sudo mkdir -p "$work"
$sudo tar -xzf "$tarball" -C "$work"
$sudo cp SampleArtifacts/leaky-cli-1.0.0.tgz SampleArtifacts/clean-lib-3.1.0.tgz SampleArtifacts/demo-app_1.0_all.deb \
  SampleArtifacts/nested_tools-1.0-py3-none-any.whl "$work/"
run() { $sudo chroot "$rootfs" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 /tmp/leak-scan-test/leak-scan "$@"; }
expect_exit() {
  local want=$1; shift
  local code=0 out
  out=$(run "$@" 2>&1) || code=$?
  [ "$code" -eq "$want" ] || { echo "$out" >&2; fail "leak-scan $* exited $code, expected $want"; }
  echo "$out"
}

loaded=$($sudo chroot "$rootfs" /usr/bin/ldd /tmp/leak-scan-test/leak-scan)
echo "$loaded" | sed 's/^/  /' >&2
others=$(echo "$loaded" | awk '{print $1}' | grep -vE '^(linux-vdso\.so\.1|/lib.*/ld-linux.*\.so\.[0-9]+|libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1)$' || true)
[ -z "$others" ] || fail "in the root the binary loads more than the C runtime: $others"
out=$(expect_exit 0 --version)
[ "$out" = "$version" ] || fail "--version printed '$out', expected '$version'"
out=$(expect_exit 1 /tmp/leak-scan-test/leaky-cli-1.0.0.tgz)
echo "$out" | grep -q "5 files / 45 lines" || fail "leaky-cli: wrong counts: $out"
expect_exit 0 /tmp/leak-scan-test/clean-lib-3.1.0.tgz >/dev/null
out=$(expect_exit 1 /tmp/leak-scan-test/demo-app_1.0_all.deb)            # ar + xz (static liblzma)
echo "$out" | grep -q "5 files / 45 lines" || fail "demo-app deb: wrong counts: $out"
out=$(expect_exit 1 /tmp/leak-scan-test/nested_tools-1.0-py3-none-any.whl) # zip + nested gzip tar (ISA-L)
echo "$out" | grep -q "5 files / 45 lines" || fail "nested_tools wheel: wrong counts: $out"
# every compression filter linked in: the leaky tarball recompressed with bzip2, xz, zstd and lz4 (made outside the root)
tar_plain=$(mktemp)
gzip -dc SampleArtifacts/leaky-cli-1.0.0.tgz > "$tar_plain"
for tool in bzip2 xz zstd lz4; do
  command -v "$tool" >/dev/null || continue
  "$tool" -c < "$tar_plain" 2>/dev/null | $sudo tee "$work/leaky.tar.$tool" >/dev/null
  out=$(expect_exit 1 "/tmp/leak-scan-test/leaky.tar.$tool")
  echo "$out" | grep -q "5 files / 45 lines" || fail "$tool: wrong counts: $out"
done
rm -f "$tar_plain"
$sudo rm -rf "$work"
echo "test-release-chroot: ok ($suite minbase root, $(du -shx "$rootfs" | cut -f1))"
