#!/bin/sh
# No data lost: an --in-place run killed with SIGKILL (or stopped with SIGTERM) at any moment
# leaves every file either original or fully repaired; a write that fails part-way (ulimit -f)
# leaves the original intact and names the file.
. "$(dirname "$0")/cli_common.sh"

# The pristine tree: ISO-8859-1 files (every one is rewritten), small and a few large.
mkdir -p "$work/pristine"
python3 - "$work/pristine" <<'EOF'
import os, sys
line = "Ça a été dit: là-bas, près de la forêt, où l'on déjeûne à l'aube — naïf et sûr. %d\n"
for i in range(150):
    size = 4_000_000 if i % 50 == 7 else 150_000
    text, n = [], 0
    while n < size:
        text.append(line % n)
        n += len(text[-1])
    with open(os.path.join(sys.argv[1], "f%03d.txt" % i), "wb") as f:
        f.write("".join(text).encode("iso-8859-1", "replace"))
EOF
(cd "$work/pristine" && sha256sum -- *.txt) | sort -k2 > "$work/original.sums"

# The fully repaired tree, and how long a run takes.
cp -r "$work/pristine" "$work/done"
"$tool" --in-place -j 2 -r "$work/done" || no "full run failed"
(cd "$work/done" && sha256sum -- *.txt) | sort -k2 > "$work/repaired.sums"
if cmp -s "$work/original.sums" "$work/repaired.sums"; then no "the full run repaired nothing"; fi

# Checks that every file in $1 is either original or repaired; prints "ORIG REPAIRED TEMPS".
verdict() {
  python3 - "$1" "$work/original.sums" "$work/repaired.sums" <<'EOF'
import hashlib, os, re, sys
d, orig_f, rep_f = sys.argv[1:]
orig = {l.split()[1]: l.split()[0] for l in open(orig_f)}
rep = {l.split()[1]: l.split()[0] for l in open(rep_f)}
n_orig = n_rep = temps = 0
for name in sorted(os.listdir(d)):
    if re.fullmatch(r"\..+\.mojifix-[A-Za-z0-9]{6}", name):
        temps += 1          # a temporary file of the killed run: allowed, never the file itself
        continue
    if name not in orig:
        print("unexpected file", name); sys.exit(1)
    h = hashlib.sha256(open(os.path.join(d, name), "rb").read()).hexdigest()
    if h == orig[name]: n_orig += 1
    elif h == rep[name]: n_rep += 1
    else:
        print("DAMAGED", name); sys.exit(1)
missing = set(orig) - set(os.listdir(d))
if missing:
    print("MISSING", sorted(missing)[:3]); sys.exit(1)
print(n_orig, n_rep, temps)
EOF
}

# Runs `mojifix --in-place -j 2 -r $1`, waits until it has replaced at least $3 files (a replaced
# file has a new inode) or has ended, then sends signal $2: the kill points follow the run's
# progress, not the clock (the machine may be busy). The tool starts after the watcher is ready.
run_and_signal() {
  python3 - "$tool" "$@" <<'EOF2'
import os, signal, subprocess, sys, time
tool, d, sig, want = sys.argv[1], sys.argv[2], getattr(signal, sys.argv[3]), int(sys.argv[4])
start = {n: os.stat(os.path.join(d, n)).st_ino for n in os.listdir(d)}
p = subprocess.Popen([tool, "--in-place", "-j", "2", "-r", d], stderr=subprocess.DEVNULL)
while p.poll() is None:
    done = 0
    for n, ino in start.items():
        try:
            done += os.stat(os.path.join(d, n)).st_ino != ino
        except OSError:
            pass
    if done >= want:
        p.send_signal(sig)
        break
    time.sleep(0.001)
p.wait()
EOF2
}

# SIGKILL at several points of the run.
mixed=0
for target in 1 20 50 80 110 140; do
  rm -rf "$work/run"
  cp -r "$work/pristine" "$work/run"
  run_and_signal "$work/run" SIGKILL $target
  v=$(verdict "$work/run") || { no "SIGKILL after $target files: $v"; continue; }
  echo "SIGKILL after $target replaced files: original/repaired/temporary files: $v"
  set -- $v
  [ "$1" -gt 0 ] && [ "$2" -gt 0 ] && mixed=$((mixed + 1))
done
[ $mixed -gt 0 ] || no "no SIGKILL landed in the middle of a run (the test proved nothing)"

# SIGTERM: the same guarantee, and the temporary files are removed.
rm -rf "$work/run"
cp -r "$work/pristine" "$work/run"
run_and_signal "$work/run" SIGTERM 75
v=$(verdict "$work/run") || no "SIGTERM: $v"
echo "SIGTERM after 75 replaced files: $v"
set -- $v
[ "${3:-1}" -eq 0 ] || no "SIGTERM left temporary files"

# A write that fails part-way: the file-size limit is below the size of the new text.
rm -rf "$work/run"
mkdir "$work/run"
cp "$work/pristine/f007.txt" "$work/run/big.txt"       # 4 MB
cp "$work/pristine/f000.txt" "$work/run/small.txt"     # 150 kB
big=$(sha256sum < "$work/run/big.txt")
sh -c 'ulimit -f 1024 && exec "$@"' sh "$tool" --in-place "$work/run/big.txt" "$work/run/small.txt" 2> "$work/err"
status=$?
[ $status -eq 3 ] || no "ulimit -f: exit status $status"
grep -q "cannot write $work/run/big.txt: File too large" "$work/err" || { no "ulimit -f: message"; cat "$work/err"; }
[ "$(sha256sum < "$work/run/big.txt")" = "$big" ] || no "ulimit -f: the original changed"
[ -z "$(find "$work/run" -name '.*mojifix-*')" ] || no "ulimit -f: temporary file left"
grep -q "$(grep ' f000.txt$' "$work/repaired.sums" | cut -d' ' -f1)" "$work/repaired.sums" &&
  [ "$(sha256sum < "$work/run/small.txt" | cut -d' ' -f1)" = "$(grep ' f000.txt$' "$work/repaired.sums" | cut -d' ' -f1)" ] ||
  no "ulimit -f: the small file after the failure was not repaired"

finish "safety"
