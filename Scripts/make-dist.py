#!/usr/bin/env python3
"""Packs one built leak-scan binary into dist/: the release tarball, the npm packages and the wheel, then SHA256SUMS.

    Scripts/make-dist.py --binary PATH --version V --os linux|darwin --arch x64|arm64 [--dist dist]

Called by Scripts/build-release.sh (Linux) and by the release workflow on every platform. Everything it writes is
deterministic (fixed timestamps and owners, sorted members), so SHA256SUMS only changes when the binary does.

- leak-scan-V-OS-ARCH.tar.gz: leak-scan, LICENSE, README.md (flat).
- npm, the esbuild/biome pattern: @leak-scan/OS-ARCH (the binary, `os`/`cpu`/`libc` fields) and the main package
  leak-scan (the launcher packaging/npm/bin/leak-scan.js, optionalDependencies on every platform package), packed with
  the real `npm pack`.
- the wheel, the ruff pattern: leak_scan-V-py3-none-PLATFORM.whl carrying the binary as a script
  (leak_scan-V.data/scripts/leak-scan) plus a small `leak_scan` module for `python -m leak_scan`. The platform tag is
  derived from the binary: manylinux_2_N for the highest GLIBC_2.N symbol version it imports, macosx_M_m for its
  minimum macOS version.
- SHA256SUMS: `sha256sum` format over every file in dist/ (rewritten, so merging platform dists and rerunning works).
"""
import argparse
import base64
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPOSITORY = "https://github.com/leak-scan/leak-scan"
DESCRIPTION = "Find original source code leaking out of release artifacts (npm tarballs, wheels, zips) through source maps."
PLATFORMS = ["linux-x64", "linux-arm64", "darwin-arm64", "darwin-x64"]
EPOCH = 315532800  # 1980-01-01, the earliest time a zip can store
WHEEL_ARCH = {("linux", "x64"): "x86_64", ("linux", "arm64"): "aarch64", ("darwin", "x64"): "x86_64", ("darwin", "arm64"): "arm64"}


def glibc_needed(binary):
    """Highest GLIBC_2.N version the binary imports, as (2, N)."""
    out = subprocess.run(["objdump", "-T", binary], check=True, capture_output=True, text=True).stdout
    versions = {(int(a), int(b)) for a, b in re.findall(r"GLIBC_(\d+)\.(\d+)", out)}
    if not versions:
        sys.exit("make-dist: no GLIBC symbol versions in the binary")
    return max(versions)


def macos_minimum(binary):
    """The binary's minimum macOS version (LC_BUILD_VERSION minos or LC_VERSION_MIN_MACOSX), as (major, minor)."""
    out = subprocess.run(["otool", "-l", binary], check=True, capture_output=True, text=True).stdout
    match = re.search(r"minos (\d+)\.(\d+)", out) or re.search(r"LC_VERSION_MIN_MACOSX.*?version (\d+)\.(\d+)", out, re.S)
    if not match:
        sys.exit("make-dist: no minimum macOS version in the binary")
    return int(match.group(1)), int(match.group(2))


def wheel_platform_tag(binary, os_name, arch):
    if os_name == "linux":
        major, minor = glibc_needed(binary)
        return f"manylinux_{major}_{minor}_{WHEEL_ARCH[(os_name, arch)]}"
    major, minor = macos_minimum(binary)
    if major >= 11:
        minor = 0  # since macOS 11 wheel tags carry the major version only
    return f"macosx_{major}_{minor}_{WHEEL_ARCH[(os_name, arch)]}"


def tar_add(tar, name, data, mode):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = mode
    info.mtime = EPOCH
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    tar.addfile(info, io.BytesIO(data))


def write_tarball(path, files):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data, mode in files:
            tar_add(tar, name, data, mode)
    with open(path, "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as gz:
            gz.write(raw.getvalue())


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def write_wheel(dist, version, tag, binary_data, license_data, readme_text):
    name = "leak_scan"
    dist_info = f"{name}-{version}.dist-info"
    module_dir = os.path.join(ROOT, "packaging", "python", "leak_scan")
    metadata = "\n".join([
        "Metadata-Version: 2.1",
        "Name: leak-scan",
        f"Version: {version}",
        f"Summary: {DESCRIPTION}",
        f"Home-page: {REPOSITORY}",
        "License: Apache-2.0",
        f"Project-URL: Source, {REPOSITORY}",
        "Keywords: source-map,sourcemap,security,release,npm,wheel,leak",
        "Classifier: License :: OSI Approved :: Apache Software License",
        "Classifier: Environment :: Console",
        "Classifier: Topic :: Security",
        "Classifier: Topic :: Software Development :: Build Tools",
        "Requires-Python: >=3.8",
        "Description-Content-Type: text/markdown",
        "",
        readme_text,
    ])
    wheel = "\n".join(["Wheel-Version: 1.0", "Generator: leak-scan Scripts/make-dist.py", "Root-Is-Purelib: false", f"Tag: py3-none-{tag}", ""])
    entries = []
    for module in sorted(os.listdir(module_dir)):
        if module.endswith(".py"):
            with open(os.path.join(module_dir, module), "rb") as f:
                entries.append((f"{name}/{module}", f.read(), 0o644))
    entries.append((f"{name}-{version}.data/scripts/leak-scan", binary_data, 0o755))
    entries.append((f"{dist_info}/METADATA", metadata.encode(), 0o644))
    entries.append((f"{dist_info}/WHEEL", wheel.encode(), 0o644))
    entries.append((f"{dist_info}/licenses/LICENSE", license_data, 0o644))
    record_lines = [f"{path},{record_hash(data)},{len(data)}" for path, data, _ in entries]
    record_lines.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record_lines) + "\n").encode(), 0o644))
    path = os.path.join(dist, f"{name}-{version}-py3-none-{tag}.whl")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as whl:
        for entry_path, data, mode in entries:
            info = zipfile.ZipInfo(entry_path, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            whl.writestr(info, data)
    return path


def npm_pack(directory, dist):
    out = subprocess.run(["npm", "pack", "--json", "--pack-destination", dist], cwd=directory, check=True,
                         capture_output=True, text=True).stdout
    return os.path.join(dist, json.loads(out)[0]["filename"])


def write_npm(dist, version, os_name, arch, binary_data, license_data, readme_data):
    common = {"version": version, "license": "Apache-2.0", "homepage": REPOSITORY,
              "repository": {"type": "git", "url": f"git+{REPOSITORY}.git"}}
    written = []
    with tempfile.TemporaryDirectory() as work:
        platform = os.path.join(work, "platform")
        os.makedirs(os.path.join(platform, "bin"))
        manifest = {"name": f"@leak-scan/{os_name}-{arch}", **common,
                    "description": f"The {os_name}-{arch} binary of leak-scan (installed by the leak-scan package).",
                    "os": [os_name], "cpu": [arch], "files": ["bin/leak-scan"], "preferUnplugged": True}
        if os_name == "linux":
            manifest["libc"] = ["glibc"]
        with open(os.path.join(platform, "package.json"), "w") as f:
            json.dump(manifest, f, indent=2)
        with open(os.path.join(platform, "bin", "leak-scan"), "wb") as f:
            f.write(binary_data)
        os.chmod(os.path.join(platform, "bin", "leak-scan"), 0o755)
        for name, data in (("LICENSE", license_data), ("README.md", f"# @leak-scan/{os_name}-{arch}\n\nThe `leak-scan` binary for {os_name}-{arch}. Install [`leak-scan`]({REPOSITORY}) instead: it picks this package on {os_name}-{arch}.\n".encode())):
            with open(os.path.join(platform, name), "wb") as f:
                f.write(data)
        written.append(npm_pack(platform, dist))

        main = os.path.join(work, "main")
        os.makedirs(os.path.join(main, "bin"))
        manifest = {"name": "leak-scan", **common, "description": DESCRIPTION,
                    "keywords": ["source-map", "sourcemap", "security", "prepublish", "release", "leak"],
                    "bin": {"leak-scan": "bin/leak-scan.js"}, "files": ["bin/leak-scan.js"],
                    "engines": {"node": ">=16"},
                    "optionalDependencies": {f"@leak-scan/{p}": version for p in PLATFORMS}}
        with open(os.path.join(main, "package.json"), "w") as f:
            json.dump(manifest, f, indent=2)
        shutil.copy(os.path.join(ROOT, "packaging", "npm", "bin", "leak-scan.js"), os.path.join(main, "bin", "leak-scan.js"))
        os.chmod(os.path.join(main, "bin", "leak-scan.js"), 0o755)
        for name, data in (("LICENSE", license_data), ("README.md", readme_data)):
            with open(os.path.join(main, name), "wb") as f:
                f.write(data)
        written.append(npm_pack(main, dist))
    return written


def write_checksums(dist):
    lines = []
    for name in sorted(os.listdir(dist)):
        path = os.path.join(dist, name)
        if name == "SHA256SUMS" or not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            lines.append(f"{hashlib.sha256(f.read()).hexdigest()}  {name}\n")
    with open(os.path.join(dist, "SHA256SUMS"), "w") as f:
        f.writelines(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--os", required=True, choices=["linux", "darwin"])
    parser.add_argument("--arch", required=True, choices=["x64", "arm64"])
    parser.add_argument("--dist", default=os.path.join(ROOT, "dist"))
    parser.add_argument("--no-npm", action="store_true", help="skip the npm packages (no npm on this machine)")
    args = parser.parse_args()
    args.dist = os.path.abspath(args.dist)  # npm pack runs in a temporary folder
    os.makedirs(args.dist, exist_ok=True)
    with open(args.binary, "rb") as f:
        binary = f.read()
    with open(os.path.join(ROOT, "LICENSE"), "rb") as f:
        license_data = f.read()
    with open(os.path.join(ROOT, "README.md"), "rb") as f:
        readme = f.read()

    base = f"leak-scan-{args.version}-{args.os}-{args.arch}"
    write_tarball(os.path.join(args.dist, base + ".tar.gz"),
                  [("leak-scan", binary, 0o755), ("LICENSE", license_data, 0o644), ("README.md", readme, 0o644)])
    tag = wheel_platform_tag(args.binary, args.os, args.arch)
    write_wheel(args.dist, args.version, tag, binary, license_data, readme.decode())
    if not args.no_npm:
        write_npm(args.dist, args.version, args.os, args.arch, binary, license_data, readme)
    write_checksums(args.dist)
    for name in sorted(os.listdir(args.dist)):
        print(f"{os.path.getsize(os.path.join(args.dist, name)):>10}  {name}")


if __name__ == "__main__":
    main()
