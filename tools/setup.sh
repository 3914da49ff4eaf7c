#!/bin/sh
# Installs the Debian 12 packages mojifix needs, and only those that are missing.
# Safe to run twice; never upgrades anything already installed.
set -eu
PACKAGES="
cmake ninja-build g++ pkg-config python3
libicu-dev icu-devtools libuchardet-dev uchardet libboost-locale-dev gettext catch2
clang libclang-rt-14-dev
unicode-data iso-codes opencc libopencc-dev
groff-base
"
missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
if [ -z "$missing" ]; then
  echo "setup: all packages are installed"
  exit 0
fi
echo "setup: installing$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends --no-upgrade $missing
