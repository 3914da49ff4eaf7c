#!/bin/sh
# Regenerates every table into a temporary folder and diffs it with lib/tables/.
# Exit 77 (skipped) when a generator's input is not installed.
set -u
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for gen in "$root"/tools/gen/gen_*.py; do
  python3 "$gen" --out "$tmp"
  rc=$?
  if [ $rc -eq 77 ]; then echo "skip: $(basename "$gen") (input absent)"; status=77; continue; fi
  [ $rc -eq 0 ] || { echo "FAIL: $(basename "$gen") exited $rc"; exit 1; }
done
for f in "$tmp"/*; do
  [ -e "$f" ] || continue
  if ! cmp -s "$f" "$root/lib/tables/$(basename "$f")"; then
    echo "STALE: lib/tables/$(basename "$f") differs from what its generator writes"
    diff "$f" "$root/lib/tables/$(basename "$f")" | head -5
    exit 1
  fi
  echo "ok: $(basename "$f")"
done
exit $status
