#!/bin/sh
# Installs the build tree into a scratch prefix, then builds and runs the consumer twice:
# with CMake's find_package(mojifix) and with `pkg-config mojifix`.
set -eu
build=$1
src=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
[ -f "$work/prefix/share/man/man1/mojifix.1" ] || { echo "the man page was not installed"; exit 1; }
cmake -S "$src" -B "$work/cmake" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$work/cmake" >/dev/null
"$work/cmake/consumer"
libdir=$(ls -d "$work"/prefix/lib*/pkgconfig | head -n 1)
PKG_CONFIG_PATH="$libdir" c++ -o "$work/consumer-pc" "$src/consumer.cpp" \
  $(PKG_CONFIG_PATH="$libdir" pkg-config --cflags mojifix) \
  $(PKG_CONFIG_PATH="$libdir" pkg-config --libs --static mojifix)
"$work/consumer-pc"
echo "consumer built with find_package and with pkg-config"
