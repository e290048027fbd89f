#!/usr/bin/env bash
# Installs what leak-scan needs on a Debian machine: libarchive (headers + pkg-config) and python3 for test generators.
set -euo pipefail
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq libarchive-dev libisal-dev pkg-config python3 >/dev/null
