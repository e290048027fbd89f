"""leak-scan: find original source code leaking out of release artifacts through source maps.

The wheel installs the `leak-scan` binary as a script (on PATH inside the environment); `python -m leak_scan` runs it too.
"""
import os
import sys
import sysconfig


def find_leak_scan_bin() -> str:
    """Path of the leak-scan binary this wheel installed."""
    name = "leak-scan" + (".exe" if sys.platform == "win32" else "")
    candidates = [sysconfig.get_path("scripts")]
    if sys.version_info >= (3, 10):
        candidates.append(sysconfig.get_path("scripts", scheme=sysconfig.get_preferred_scheme("user")))
    candidates.append(os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(__file__)))), "bin"))
    for directory in candidates:
        path = os.path.join(directory, name)
        if os.path.isfile(path):
            return path
    raise FileNotFoundError(name)
