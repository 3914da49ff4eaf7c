#!/bin/sh
# Runs the real mojifix binary on every bundled sample and compares with expected/.
set -u
tool=$1
dir=$2
fail=0
for f in "$dir"/*.txt; do
  name=$(basename "$f")
  if ! "$tool" --newlines --strip-controls "$f" | cmp -s - "$dir/expected/$name"; then
    echo "FAIL: $name"
    "$tool" --newlines --strip-controls "$f" | diff - "$dir/expected/$name" | head -5
    fail=1
  else
    echo "ok: $name"
  fi
done
# Every sample needs repair: --check must say so.
"$tool" --check --newlines --strip-controls "$dir"/*.txt >/dev/null
[ $? -eq 1 ] || { echo "FAIL: --check did not exit 1 on the samples"; fail=1; }
# The repaired texts are clean: --check on them exits 0.
"$tool" --check --newlines --strip-controls "$dir"/expected/*.txt || { echo "FAIL: expected/ is not clean"; fail=1; }
exit $fail
