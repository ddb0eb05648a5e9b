#!/usr/bin/env bash
# Installs the Debian 12 packages urbis builds and tests with, if missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libeigen3-dev libfmt-dev libspdlog-dev libyaml-cpp-dev libtbb-dev
  libcli11-dev librandom123-dev nlohmann-json3-dev libcsv-dev libcpp-httplib-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libopenmpi-dev openmpi-bin slurm-wlm munge python3
)
# The calibration figures of docs/CALIBRATION.md (scripts/calibration-*.sh).
packages+=(gnuplot-nox)
# The fuzz preset and the ThreadSanitizer build use clang's runtimes.
packages+=(clang)
# scripts/format.sh (and its CI check) formats with clang-format 14, Debian 12's.
packages+=(clang-format)
# The report (web/) is built with Node.js and npm; its browser test drives Chromium.
packages+=(chromium chromium-driver)
# The serve command-line test asks the server with curl.
packages+=(curl)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
