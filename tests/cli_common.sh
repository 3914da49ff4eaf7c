# cli_common.sh — sourced by the cli_*.sh tests: $tool, a scratch directory $work (removed on
# exit), and no MESSAGE to record a failure; end a test with `finish NAME`.
set -u
tool=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/mojifix-test.XXXXXX")
chmod 755 "$work"
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
sum() { sha256sum "$1" | cut -d' ' -f1; }
finish() {
  [ $fail -eq 0 ] && echo "$1: all checks passed"
  exit $fail
}
