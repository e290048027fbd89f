#!/usr/bin/env bash
# Builds the portable release binary of leak-scan and writes dist/ (Linux; the release workflow runs it per platform).
#
#   Scripts/build-release.sh [--skip-deps] [--dist DIR]
#
# - The Swift runtime is linked statically (--static-swift-stdlib).
# - libarchive is built from Debian's source package in a minimal configuration: compression libraries zlib, bzip2,
#   xz/lzma, zstd and lz4, expat for xar (instead of libxml2, which pulls in ICU and with it libstdc++), Mbed TLS's
#   libmbedcrypto (Apache-2.0, like leak-scan) for the MD5/SHA-1 digests without which libarchive drops its xar reader
#   (nettle would do as well, but it is LGPL and this binary is static); no ACL or xattr support (those only matter when
#   extracting to disk, which leak-scan never does), no OpenSSL. libbrotli's decoder comes from Debian's own static
#   archives (libbrotli-dev ships them), and so do Vectorscan (libvectorscan-dev ships libhs.a) and libsquashfs
#   (libsquashfs-dev; LGPL-3.0, built without LZO). ISA-L (igzip + crc only) is built from Debian's source package too,
#   because libisal-dev ships no static archive. Every one of them is linked statically, so `ldd` lists only the C
#   runtime; the script checks that.
# - dist/ gets leak-scan-VERSION-linux-ARCH.tar.gz (binary, LICENSE, README.md), the npm packages (leak-scan and
#   @leak-scan/linux-ARCH, packed with the real npm), the wheel and SHA256SUMS (Scripts/make-dist.py).
#
# The static libraries are cached in .build-release-deps/ (delete it to rebuild them). Prints timings.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
skip_deps=false
dist=$root/dist
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-deps) skip_deps=true; shift ;;
    --dist) dist=$(realpath -m "$2"); shift 2 ;;
    *) echo "usage: Scripts/build-release.sh [--skip-deps] [--dist DIR]" >&2; exit 64 ;;
  esac
done

version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/LeakReporters/ToolInfo.swift)
[ -n "$version" ] || { echo "build-release: no version in Sources/LeakReporters/ToolInfo.swift" >&2; exit 1; }
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) echo "build-release: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac
[ "$(uname -s)" = Linux ] || { echo "build-release: this script builds the Linux binary" >&2; exit 1; }

started=$(date +%s)
step() { echo "build-release: [$(( $(date +%s) - started ))s] $*" >&2; }

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! $skip_deps; then
  step "installing build dependencies (Scripts/install-deps.sh --release)"
  bash Scripts/install-deps.sh --release
fi

deps=$root/.build-release-deps
prefix=$deps/prefix
mkdir -p "$deps/src" "$prefix/lib" "$prefix/include"

# Debian source packages; deb-src entries are added (same mirrors and key as the binary entries) when missing.
fetch_source() {
  local pkg=$1
  if ! ls "$deps/src/${pkg}_"*.dsc >/dev/null 2>&1; then
    if ! (cd "$deps/src" && apt-get source --download-only "$pkg" >/dev/null 2>&1); then
      step "adding deb-src entries for $pkg"
      if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
          | $sudo tee /etc/apt/sources.list.d/leak-scan-deb-src.sources >/dev/null
      else
        grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' \
          | $sudo tee /etc/apt/sources.list.d/leak-scan-deb-src.list >/dev/null
      fi
      $sudo apt-get update -qq
      (cd "$deps/src" && apt-get source --download-only "$pkg" >/dev/null)
    fi
  fi
  local dsc
  dsc=$(ls "$deps/src/${pkg}_"*.dsc | head -1)
  rm -rf "$deps/src/$pkg"
  dpkg-source --no-check -x "$dsc" "$deps/src/$pkg" >/dev/null
}

jobs=$(nproc)
# arc4random_buf is glibc 2.36: libarchive then uses its own ChaCha-based copy seeded from /dev/urandom (only for
# salts when writing encrypted archives; renamed, since glibc's header declares the name). With the arc4random shim
# below this is belt and braces. The stamp rebuilds the library when this line changes.
libarchive_config="ac_cv_func_arc4random_buf=no (renamed) --without-xml2 --with-expat --without-openssl --without-nettle --with-mbedtls"
if [ ! -f "$prefix/lib/libarchive.a" ] || [ "$(cat "$prefix/libarchive.config" 2>/dev/null)" != "$libarchive_config" ]; then
  step "building libarchive (static, minimal configuration)"
  fetch_source libarchive
  (
    cd "$deps/src/libarchive"
    sed -i 's/\barc4random_buf\b/leak_scan_arc4random_buf/g' libarchive/archive_random.c
    # --disable-maintainer-mode: Debian's patches touch configure.ac and Makefile.am, the autotools are not needed
    ac_cv_func_arc4random_buf=no CFLAGS="-O2 -fPIC -g0" ./configure --quiet --prefix="$prefix" --disable-maintainer-mode \
      --disable-shared --enable-static --with-pic \
      --disable-bsdtar --disable-bsdcpio --disable-bsdcat --disable-acl --disable-xattr \
      --with-zlib --with-bz2lib --with-lzma --with-zstd --with-lz4 --without-lzo2 --without-libb2 \
      --without-xml2 --with-expat --without-openssl --without-nettle --with-mbedtls --without-cng >build.log 2>&1 \
      || { tail -30 build.log config.log >&2; exit 1; }
    make -j"$jobs" >>build.log 2>&1 || { tail -30 build.log >&2; exit 1; }
    make install >>build.log 2>&1 || { tail -30 build.log >&2; exit 1; }
    grep -E '^#define HAVE_(EXPAT_H|ZLIB_H|BZLIB_H|LZMA_H|ZSTD_H|LZ4_H|MBEDTLS_MD_H) 1' config.h | sed 's/^/  /' >&2
  )
  rm -rf "$deps/src/libarchive"
  echo "$libarchive_config" > "$prefix/libarchive.config"
fi
if [ ! -f "$prefix/lib/libisal.a" ]; then
  step "building ISA-L (static, igzip + crc)"
  fetch_source libisal
  (
    cd "$deps/src/libisal"
    make -f Makefile.unx -j"$jobs" units=igzip lib >build.log 2>&1 || { tail -30 build.log >&2; exit 1; }
    cp bin/isa-l.a "$prefix/lib/libisal.a"
    mkdir -p "$prefix/include/isa-l"
    cp include/*.h "$prefix/include/isa-l/"
  )
  rm -rf "$deps/src/libisal"
fi

# The link directory holds only static archives, so -larchive, -lisal, -lz … resolve to them and never to a .so.
linkdir=$deps/link
rm -rf "$linkdir"
mkdir -p "$linkdir"
ln -s "$prefix/lib/libarchive.a" "$prefix/lib/libisal.a" "$linkdir/"
multiarch=$(gcc -print-multiarch 2>/dev/null || echo "$(uname -m)-linux-gnu")
for lib in z bz2 lzma zstd lz4 expat mbedcrypto brotlidec brotlicommon hs squashfs; do
  archive=/usr/lib/$multiarch/lib$lib.a
  [ -f "$archive" ] || { echo "build-release: missing $archive" >&2; exit 1; }
  ln -s "$archive" "$linkdir/"
done

# arc4random/arc4random_buf (glibc 2.36, called by Debian's libexpat.a and GCC's libstdc++.a) defined in the binary.
gcc -O2 -fPIC -c packaging/linux/arc4random-compat.c -o "$deps/arc4random-compat.o"
ar rcs "$linkdir/libleakscancompat.a" "$deps/arc4random-compat.o"

# The Swift runtime is C++: its static-stdlib-args.lnk says -lstdc++, which the link directory turns into GCC's
# libstdc++.a (allowed by the GCC runtime library exception); -static-libgcc makes clang take the unwinder from
# libgcc_eh.a instead of libgcc_s.so.
libstdcxx=$(gcc -print-file-name=libstdc++.a)
[ -f "$libstdcxx" ] || { echo "build-release: no libstdc++.a (apt-get install libstdc++-12-dev)" >&2; exit 1; }
ln -s "$libstdcxx" "$linkdir/libstdc++.a"

# SwiftPM links the system-library targets with what pkg-config says, including -L of the libdir, and GNU ld applies
# every -L to every -l: these .pc files make that libdir the static one (and list what libarchive.a needs).
pcdir=$deps/pkgconfig
mkdir -p "$pcdir"
printf 'Name: libarchive\nDescription: static libarchive for the leak-scan release\nVersion: 3.6.2\nCflags:\nLibs: -L%s -larchive -lexpat -lmbedcrypto -lzstd -llz4 -llzma -lbz2 -lz\n' "$linkdir" > "$pcdir/libarchive.pc"
printf 'Name: libisal\nDescription: static ISA-L for the leak-scan release\nVersion: 2.30.0\nCflags:\nLibs: -L%s -lisal\n' "$linkdir" > "$pcdir/libisal.pc"
printf 'Name: libbrotlidec\nDescription: static brotli decoder for the leak-scan release\nVersion: 1.0.9\nCflags:\nLibs: -L%s -lbrotlidec -lbrotlicommon\n' "$linkdir" > "$pcdir/libbrotlidec.pc"
# Vectorscan (libvectorscan-dev ships libhs.a) is C++: libstdc++.a and libm after it.
printf 'Name: libhs\nDescription: static Vectorscan for the leak-scan release\nVersion: 5.4.9\nCflags: -I/usr/include/hs\nLibs: -L%s -lhs -lstdc++ -lm\n' "$linkdir" > "$pcdir/libhs.pc"
printf 'Name: libsquashfs\nDescription: static libsquashfs for the leak-scan release\nVersion: 1.2.0\nCflags:\nLibs: -L%s -lsquashfs -lzstd -llz4 -llzma -lz\n' "$linkdir" > "$pcdir/libsquashfs1.pc"
export PKG_CONFIG_PATH=$pcdir

step "swift build -c release --static-swift-stdlib"
rm -f "$root/.build-release/release/leak-scan"  # SwiftPM does not relink when only a static library changed
build=$root/.build-release
link_flags=(-Xlinker -L"$linkdir")
for lib in archive isal brotlidec brotlicommon squashfs hs stdc++ m expat mbedcrypto zstd lz4 lzma bz2 z leakscancompat; do link_flags+=(-Xlinker -l"$lib"); done
swift build -c release --static-swift-stdlib --product leak-scan --build-path "$build" \
  -Xswiftc -Xclang-linker -Xswiftc -static-libgcc \
  "${link_flags[@]}" 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
binary=$build/release/leak-scan
[ -x "$binary" ] || { echo "build-release: the build produced no binary" >&2; exit 1; }

stage=$deps/stage
rm -rf "$stage"
mkdir -p "$stage"
cp "$binary" "$stage/leak-scan"
strip "$stage/leak-scan"

step "checking the binary's dynamic dependencies"
ldd "$stage/leak-scan" | sed 's/^/  /' >&2
unexpected=$(ldd "$stage/leak-scan" | awk '{print $1}' \
  | grep -vE '^(linux-vdso\.so\.1|linux-gate\.so\.1|/lib.*/ld-linux.*\.so\.[0-9]+|ld-linux.*\.so\.[0-9]+|libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|libutil\.so\.1)$' || true)
if [ -n "$unexpected" ]; then
  echo "build-release: the binary links more than the C runtime:" $unexpected >&2
  exit 1
fi
reported=$("$stage/leak-scan" --version)
[ "$reported" = "$version" ] || { echo "build-release: the binary says version '$reported', expected $version" >&2; exit 1; }

step "writing $dist"
mkdir -p "$dist"
rm -f "$dist"/leak-scan-*.tar.gz "$dist"/leak-scan-*.tgz "$dist"/leak_scan-*.whl "$dist/SHA256SUMS"
python3 Scripts/make-dist.py --binary "$stage/leak-scan" --version "$version" --os linux --arch "$arch" --dist "$dist"
(cd "$dist" && sha256sum --check --quiet SHA256SUMS)
size=$(stat -c %s "$stage/leak-scan")
gz=$(gzip -9c "$stage/leak-scan" | wc -c)
step "done: leak-scan $version linux-$arch, stripped $size bytes, gzip -9 $gz bytes"
ls -l "$dist" >&2
