#!/bin/sh
# Every source file compiles warning-free under clang (the build itself uses the default
# compiler, g++). Exit 77 (skipped) when clang++ is not installed.
set -u
root=$1
command -v clang++ >/dev/null 2>&1 || { echo "clang++ not found"; exit 77; }
fail=0
for f in "$root"/lib/*.cpp "$root"/lib/*/*.cpp "$root"/tools/mojifix/*.cpp "$root"/tools/bench/*.cpp "$root"/fuzz/*.cpp "$root"/tests/unit/*.cpp; do
  if ! clang++ -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror \
      -I"$root/include" -I"$root/lib" -I"$root/tools/mojifix" -I"$root/tests/unit" -DMOJIFIX_SOURCE_DIR="\"$root\"" -isystem /usr/include/uchardet "$f"; then
    echo "FAIL: $f"
    fail=1
  fi
done
[ $fail -eq 0 ] && echo "clang: no warnings"
exit $fail
