#!/bin/sh
# Installs what is missing, builds everything warnings-as-errors, and runs the whole test suite.
set -eu
cd "$(dirname "$0")/.."
tools/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DMOJIFIX_WERROR=ON
cmake --build build
ctest --test-dir build --output-on-failure -j 2
