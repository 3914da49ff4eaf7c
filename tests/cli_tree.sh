#!/bin/sh
# The real binary over a directory tree: -r with globs, symbolic links, binary files, --check
# exit codes and lines, --json, stable order with -j, -o onto an input refused.
. "$(dirname "$0")/cli_common.sh"

t=$work/t
mkdir -p "$t/docs/sub" "$t/skip" "$t/.git"
printf 'caf\351 cr\350me br\373l\351e, d\351j\340 vu\n' > "$t/latin1.txt"      # ISO-8859-1; detect() names it windows-1252, which also decodes 0x80-0x9F
printf 'plain ascii\n' > "$t/clean.txt"
printf 'cafe\314\201\n' > "$t/docs/nfd.md"                                   # NFD
printf 'caf\303\251 na\303\257ve \200 r\303\251sum\303\251\n' > "$t/docs/sub/bad.txt"  # a stray byte in UTF-8
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\1' > "$t/docs/image.txt"          # binary
printf 'x\0y\n' > "$t/skip/nul.txt"
printf 'should be excluded\200\n' > "$t/.git/config"
ln -s latin1.txt "$t/link.txt"

# -r repairs every text file below, in name order; links and binary files get a note.
"$tool" -r "$t" > "$work/out" 2> "$work/err"
[ $? -eq 0 ] || no "-r exit status"
grep -q "café crème brûlée" "$work/out" || no "-r did not repair latin1.txt"
grep -q "link.txt: symbolic link" "$work/err" || no "no note for the symbolic link"
grep -q "image.txt: binary data, skipped" "$work/err" || no "no note for the binary file"
grep -q "PNG" "$work/out" && no "binary data written out"
[ "$(grep -c 'café crème' "$work/out")" -eq 1 ] || no "a symbolic link was followed without -L"

# --check: one line per file that needs repair, with its kinds; exit 1.
"$tool" --check -r --exclude .git --exclude skip "$t" > "$work/check" 2>/dev/null
[ $? -eq 1 ] || no "--check exit status on a dirty tree"
cat > "$work/check.expected" <<EOF
$t/docs/nfd.md	normalization
$t/docs/sub/bad.txt	invalid_bytes
$t/latin1.txt	encoding=windows-1252
EOF
cmp -s "$work/check" "$work/check.expected" || { no "--check lines"; diff "$work/check" "$work/check.expected"; }
# --include keeps only matching files; on a clean selection --check exits 0 and prints nothing.
out=$("$tool" --check -r --include 'clean*' "$t" 2>/dev/null)
[ $? -eq 0 ] || no "--check exit status on clean files"
[ -z "$out" ] || no "--check printed something for clean files"
# A glob with '/' matches the path below the directory argument; ** crosses directories.
out=$("$tool" --check -r --include 'docs/**.txt' "$t" 2>/dev/null)
[ "$out" = "$t/docs/sub/bad.txt	invalid_bytes" ] || no "--include with a path glob: $out"
# -L follows the link: the same file twice.
[ "$("$tool" -r -L --include 'l*.txt' "$t" 2>/dev/null | grep -c 'café')" -eq 2 ] || no "-L did not follow the link"

# --json: one object per file per line, the same verdicts as --check.
"$tool" --json --check -r --exclude .git --exclude skip "$t" > "$work/json" 2>/dev/null
[ "$(wc -l < "$work/json")" -eq 5 ] || no "--json: one line per file"
python3 - "$work/json" <<'EOF' || no "--json report"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
by = {r["file"].rsplit("/", 1)[-1]: r for r in rows}
assert by["latin1.txt"]["changed"] and by["latin1.txt"]["encoding"] == "windows-1252", by["latin1.txt"]
assert by["nfd.md"]["kinds"] == {"normalization": 1}
assert by["bad.txt"]["fixes"][0]["kind"] == "invalid_bytes" and by["bad.txt"]["fixes"][0]["in"] == [13, 14]
assert by["image.txt"]["binary"] and not by["image.txt"]["changed"]
assert not by["clean.txt"]["changed"]
assert all("text" not in r for r in rows)
EOF

# -j: the same bytes on stdout and stderr whatever the number of jobs.
i=0
mkdir "$t/many"
while [ $i -lt 60 ]; do
  head -c $((i * 997)) /dev/zero | tr '\0' 'e' > "$t/many/f$i.txt"
  printf 'caf\351 %s\n' "$i" >> "$t/many/f$i.txt"
  i=$((i + 1))
done
"$tool" -j 1 --explain -r "$t/many" > "$work/j1.out" 2> "$work/j1.err"
"$tool" -j 4 --explain -r "$t/many" > "$work/j4.out" 2> "$work/j4.err"
cmp -s "$work/j1.out" "$work/j4.out" || no "-j 4 changed the order of the output"
cmp -s "$work/j1.err" "$work/j4.err" || no "-j 4 changed the order of the messages"

# -o onto any input of the walk is refused, and nothing is written.
before=$(sha256sum "$t/docs/nfd.md")
"$tool" -r "$t/docs" -o "$t/docs/nfd.md" 2> "$work/err"
[ $? -eq 2 ] || no "-o onto an input: exit status"
grep -q "refusing to write over input" "$work/err" || no "-o onto an input: message"
[ "$(sha256sum "$t/docs/nfd.md")" = "$before" ] || no "-o onto an input changed it"

# Errors are one line each and name the file; the run goes on and exits 3.
"$tool" --check "$t/clean.txt" "$t/missing.txt" "$t/docs" > /dev/null 2> "$work/err"
[ $? -eq 3 ] || no "missing file: exit status"
[ "$(wc -l < "$work/err")" -eq 2 ] || no "one line per error"
grep -q "missing.txt" "$work/err" || no "error does not name the missing file"
grep -q "docs: is a directory" "$work/err" || no "error does not name the directory"

finish "tree"
