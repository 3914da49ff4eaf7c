#!/bin/sh
# Quick start: install what is missing, build mojifix, and run it on the bundled samples,
# printing each repaired text and a summary of what was fixed.
set -eu
cd "$(dirname "$0")/.."
tools/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
for f in tools/samples/*.txt; do
  echo "=== $f"
  build/mojifix --newlines --strip-controls --summary "$f"
done
echo
echo "Each fix in detail: build/mojifix --explain FILE   (more: build/mojifix --help)"
