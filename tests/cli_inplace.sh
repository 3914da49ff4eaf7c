#!/bin/sh
# --in-place with the real binary: rewritten files, untouched files (mtime), mode and owner,
# backups, JSON lines round trip, links, and files that cannot be written.
. "$(dirname "$0")/cli_common.sh"
mtime() { stat -c %Y "$1"; }

setup() {
  rm -rf "$work/t"
  mkdir -p "$work/t/sub"
  printf 'caf\351 cr\350me\n' > "$work/t/latin1.txt"
  printf 'cafe\314\201\n' > "$work/t/sub/nfd.txt"             # e + combining acute (NFD)
  printf 'already clean\n' > "$work/t/clean.txt"
  printf 'd\303\251j\303\240 propre\n' > "$work/t/sub/clean-utf8.txt"
  chmod 640 "$work/t/latin1.txt"
  chmod 755 "$work/t/sub/nfd.txt"
  touch -d '2001-02-03 04:05:06' "$work/t/clean.txt" "$work/t/sub/clean-utf8.txt" "$work/t/latin1.txt"
}

# Without backup.
setup
clean_sum=$(sum "$work/t/clean.txt")
"$tool" --in-place -r "$work/t" 2> "$work/err"
[ $? -eq 0 ] || { no "--in-place exit status"; cat "$work/err"; }
[ "$(cat "$work/t/latin1.txt")" = "café crème" ] || no "latin1.txt not repaired"
[ "$(cat "$work/t/sub/nfd.txt")" = "café" ] || no "nfd.txt not repaired"
[ "$(stat -c %a "$work/t/latin1.txt")" = 640 ] || no "mode 640 not kept"
[ "$(stat -c %a "$work/t/sub/nfd.txt")" = 755 ] || no "mode 755 not kept"
[ "$(date -d @"$(mtime "$work/t/clean.txt")" +%Y)" = 2001 ] || no "an unchanged file got a new mtime"
[ "$(date -d @"$(mtime "$work/t/sub/clean-utf8.txt")" +%Y)" = 2001 ] || no "an unchanged UTF-8 file got a new mtime"
[ "$(date -d @"$(mtime "$work/t/latin1.txt")" +%Y)" != 2001 ] || no "a rewritten file kept its old mtime"
[ "$(sum "$work/t/clean.txt")" = "$clean_sum" ] || no "clean file changed"
[ -z "$(find "$work/t" -name '*.mojifix-*')" ] || no "temporary files left behind"
[ "$(find "$work/t" -type f | wc -l)" -eq 4 ] || no "unexpected files after --in-place"
# A second run finds nothing to do.
"$tool" --check -r "$work/t" > /dev/null || no "--in-place result still needs repair"

# With backup: originals kept for rewritten files only.
setup
l_sum=$(sum "$work/t/latin1.txt")
n_sum=$(sum "$work/t/sub/nfd.txt")
"$tool" --in-place --backup .orig -r "$work/t" || no "--backup exit status"
[ "$(sum "$work/t/latin1.txt.orig")" = "$l_sum" ] || no "backup of latin1.txt differs from the original"
[ "$(sum "$work/t/sub/nfd.txt.orig")" = "$n_sum" ] || no "backup of nfd.txt differs from the original"
[ ! -e "$work/t/clean.txt.orig" ] || no "a backup was made of an unchanged file"
[ "$(cat "$work/t/latin1.txt")" = "café crème" ] || no "latin1.txt not repaired with --backup"
# A second run on the repaired file changes nothing, so the backup stays the original.
"$tool" --in-place --backup .orig "$work/t/latin1.txt" || no "second --backup run"
[ "$(sum "$work/t/latin1.txt.orig")" = "$l_sum" ] || no "an unchanged file overwrote its backup"

# Owner kept (only root can give files away).
if [ "$(id -u)" -eq 0 ] && id nobody > /dev/null 2>&1; then
  setup
  chown nobody:"$(id -gn nobody)" "$work/t/latin1.txt"
  "$tool" --in-place "$work/t/latin1.txt" || no "in place on a file owned by nobody"
  [ "$(stat -c %U "$work/t/latin1.txt")" = nobody ] || no "owner not kept"
  [ "$(cat "$work/t/latin1.txt")" = "café crème" ] || no "file owned by nobody not repaired"
fi

# JSON lines in place: the field repaired, every other byte kept (also a final line without \n).
cat > "$work/records.jsonl" <<'EOF'
{"id": 1, "text": "cafe\u0301", "meta": {"tags": ["a", "b"], "n": 1.50}}
{"id":2,"text":"fine","extra":"e\u0301 stays"}
not json at all
EOF
printf '{"text": "e\\u0301", "z": null}' >> "$work/records.jsonl"
"$tool" --jsonl --in-place "$work/records.jsonl" 2> "$work/err"
[ $? -eq 0 ] || no "--jsonl --in-place exit status"
python3 - "$work/records.jsonl" <<'EOF' || no "--jsonl round trip"
import sys
data = open(sys.argv[1], encoding="utf-8").read()
expected = ('{"id": 1, "text": "café", "meta": {"tags": ["a", "b"], "n": 1.50}}\n'
            '{"id":2,"text":"fine","extra":"e\\u0301 stays"}\n'
            'not json at all\n'
            '{"text": "é", "z": null}')
assert data == expected, repr(data)
EOF
grep -q "records.jsonl:3: invalid JSON record" "$work/err" || no "bad JSON line not reported with its number"

# Links named on the command line: skipped unless -L; with -L the target is rewritten.
setup
ln -s latin1.txt "$work/t/link.txt"
l_sum=$(sum "$work/t/latin1.txt")
"$tool" --in-place "$work/t/link.txt" 2> "$work/err"
grep -q "link.txt: symbolic link, not followed" "$work/err" || no "no note for an in-place symbolic link"
[ "$(sum "$work/t/latin1.txt")" = "$l_sum" ] || no "link target changed without -L"
"$tool" --in-place -L "$work/t/link.txt" || no "-L --in-place exit status"
[ -L "$work/t/link.txt" ] || no "the link was replaced by a file"
[ "$(cat "$work/t/latin1.txt")" = "café crème" ] || no "link target not repaired with -L"
# The same file named three ways is rewritten once (no job races another over it).
setup
ln -s latin1.txt "$work/t/link.txt"
"$tool" --in-place -L "$work/t/latin1.txt" "$work/t/./latin1.txt" "$work/t/link.txt" 2> "$work/err" ||
  { no "the same file named three times"; cat "$work/err"; }
[ "$(cat "$work/t/latin1.txt")" = "café crème" ] || no "the file named three times not repaired"
# A hard link: the note says the other name keeps the old text.
setup
ln "$work/t/latin1.txt" "$work/t/hard.txt"
"$tool" --in-place "$work/t/latin1.txt" 2> "$work/err"
grep -q "hard links" "$work/err" || no "no note about hard links"

# An encoding the output cannot hold: an error with the position, the file untouched.
printf '\344\270\255\346\226\207 text\n' > "$work/zh.txt"
z_sum=$(sum "$work/zh.txt")
"$tool" --in-place --output-encoding windows-1252 "$work/zh.txt" 2> "$work/err"
[ $? -eq 3 ] || no "unmappable character: exit status"
grep -q "zh.txt:1:1: U+4E2D" "$work/err" || no "unmappable character: position not named"
[ "$(sum "$work/zh.txt")" = "$z_sum" ] || no "unmappable character: file changed"
"$tool" --in-place --output-encoding windows-1252 --lossy "$work/zh.txt" 2> /dev/null || no "--lossy exit status"
[ "$(cat "$work/zh.txt")" = "?? text" ] || no "--lossy did not replace"

# Files that cannot be written: a read-only file, a read-only directory. Root may write
# anything, so root runs these as nobody.
as_user=""
if [ "$(id -u)" -eq 0 ]; then
  if command -v setpriv > /dev/null && id nobody > /dev/null 2>&1; then
    as_user="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
    # nobody must be able to run the tool (a build tree in a private directory is not).
    $as_user "$tool" --version > /dev/null 2>&1 || { echo "note: nobody cannot run $tool; skipping"; as_user=""; }
  else
    echo "note: cannot drop root privileges; skipping the unwritable-file checks"
  fi
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
  setup
  mkdir "$work/ro"
  cp "$work/t/latin1.txt" "$work/ro/in-ro-dir.txt"
  cp "$work/t/latin1.txt" "$work/t/read-only.txt"
  chmod 444 "$work/t/read-only.txt"
  chmod -R a+rwX "$work/t"
  chmod 444 "$work/t/read-only.txt"
  chmod 555 "$work/ro"
  chmod 644 "$work/ro/in-ro-dir.txt"
  [ -n "$as_user" ] && chown -R nobody "$work/t" "$work/ro"
  s1=$(sum "$work/t/read-only.txt")
  s2=$(sum "$work/ro/in-ro-dir.txt")
  $as_user "$tool" --in-place "$work/t/read-only.txt" "$work/ro/in-ro-dir.txt" "$work/t/clean.txt" 2> "$work/err"
  [ $? -eq 3 ] || no "unwritable files: exit status"
  grep -q "cannot write $work/t/read-only.txt: Permission denied" "$work/err" || no "read-only file: message"
  grep -q "cannot write $work/ro/in-ro-dir.txt: Permission denied" "$work/err" || no "read-only directory: message"
  [ "$(wc -l < "$work/err")" -eq 2 ] || no "one line per unwritable file"
  [ "$(sum "$work/t/read-only.txt")" = "$s1" ] || no "read-only file changed"
  [ "$(sum "$work/ro/in-ro-dir.txt")" = "$s2" ] || no "file in read-only directory changed"
  [ -z "$(find "$work/t" "$work/ro" -name '*.mojifix-*')" ] || no "temporary files left behind"
  # -o into a directory that cannot be written.
  $as_user "$tool" "$work/t/clean.txt" -o "$work/ro/out.txt" 2> "$work/err"
  [ $? -eq 3 ] || no "-o unwritable: exit status"
  grep -q "cannot write $work/ro/out.txt" "$work/err" || no "-o unwritable: message"
fi

finish "in place"
