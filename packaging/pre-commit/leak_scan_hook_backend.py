"""A PEP 517 build backend with no requirements, for the `leak-scan-python` pre-commit hook.

pre-commit installs a `language: python` hook by running `pip install .` in this repository. That builds a wheel named
`leak-scan-hook` holding no code, only `Requires-Dist: leak-scan==VERSION` (VERSION read from
Sources/LeakReporters/ToolInfo.swift), so pip then installs the binary wheel of that exact version from PyPI (or from
wherever PIP_FIND_LINKS / PIP_INDEX_URL point). No setuptools: nothing has to be downloaded to build it.
"""
import base64
import hashlib
import os
import re
import zipfile

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_NAME = "leak_scan_hook"


def _version():
    with open(os.path.join(_ROOT, "Sources", "LeakReporters", "ToolInfo.swift")) as f:
        return re.search(r'static let version = "([^"]+)"', f.read()).group(1)


def _metadata(version):
    return (
        "Metadata-Version: 2.1\n"
        "Name: leak-scan-hook\n"
        f"Version: {version}\n"
        "Summary: Installs the leak-scan binary wheel of the same version (used by the pre-commit hook).\n"
        "License: Apache-2.0\n"
        f"Requires-Dist: leak-scan=={version}\n"
    )


def _dist_info_files(version):
    dist_info = f"{_NAME}-{version}.dist-info"
    wheel = f"Wheel-Version: 1.0\nGenerator: {_NAME}\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    return dist_info, {f"{dist_info}/METADATA": _metadata(version).encode(), f"{dist_info}/WHEEL": wheel.encode()}


def get_requires_for_build_wheel(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    dist_info, files = _dist_info_files(_version())
    for path, data in files.items():
        os.makedirs(os.path.join(metadata_directory, os.path.dirname(path)), exist_ok=True)
        with open(os.path.join(metadata_directory, path), "wb") as f:
            f.write(data)
    return dist_info


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version = _version()
    dist_info, files = _dist_info_files(version)
    record = [
        f"{path},sha256={base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode()},{len(data)}"
        for path, data in files.items()
    ]
    record.append(f"{dist_info}/RECORD,,")
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    name = f"{_NAME}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w", zipfile.ZIP_DEFLATED) as whl:
        for path, data in files.items():
            whl.writestr(zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return name
