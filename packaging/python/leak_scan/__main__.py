import os
import sys

from leak_scan import find_leak_scan_bin

if __name__ == "__main__":
    binary = find_leak_scan_bin()
    os.execv(binary, [binary, *sys.argv[1:]])
