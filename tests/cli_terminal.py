#!/usr/bin/env python3
"""What a person sees: the tool under a pseudo-terminal (script(1) from bsdutils).

  cli_terminal.py MOJIFIX

Checks that the progress bar appears on a terminal during a long job, stays below the lines
that scroll past, and is erased at the end; that a short job, -q, and a stderr that is not a
terminal get no bar. The terminal is replayed by a small emulator (CR, LF, ESC[K, text).
Exits 77 (skipped) when script(1) is missing.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

BAR = re.compile(r"\d+(\.\d)? [kMG]?B/s")  # "123.4 MB/s": the rate, on every bar


def run_in_terminal(command, env=None):
    """Runs `command` (a shell string) under script(1); returns the raw terminal output."""
    out = subprocess.run(["script", "-qec", command, "/dev/null"], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=120)
    return out.returncode, out.stdout.decode("utf-8", "replace")


def screen(raw):
    """The lines left on a terminal after `raw` was written to it."""
    lines, col = [""], 0
    i = 0
    while i < len(raw):
        c = raw[i]
        if raw.startswith("\x1b[K", i):
            lines[-1] = lines[-1][:col]
            i += 3
            continue
        if c == "\x1b":
            m = re.match(r"\x1b\[[0-9;?]*[A-Za-z]", raw[i:])
            i += len(m.group(0)) if m else 1
            continue
        if c == "\r":
            col = 0
        elif c == "\n":
            lines.append("")
            col = 0
        else:
            line = lines[-1]
            lines[-1] = line[:col] + c + line[col + 1:]
            col += 1
        i += 1
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def width(text):
    """Terminal columns of `text` (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def main():
    tool = sys.argv[1]
    if not shutil.which("script"):
        print("script(1) not found: skipped")
        return 77
    failures = []

    def check(ok, what):
        print(("ok:   " if ok else "FAIL: ") + what)
        if not ok:
            failures.append(what)

    env = dict(os.environ, LC_ALL="C", TERM="xterm")
    with tempfile.TemporaryDirectory(prefix="mojifix-tty-") as tmp:
        tree = os.path.join(tmp, "tree")
        os.mkdir(tree)
        for i in range(40):
            with open(os.path.join(tree, "f%02d.txt" % i), "wb") as f:
                f.write(("caf\u00e9 ligne %d\n" % i).encode("latin-1") * 20000)
        # What --check prints when nothing is a terminal.
        plain = subprocess.run([tool, "--check", "-r", tree], stdout=subprocess.PIPE, env=env)
        expected = plain.stdout.decode().splitlines()
        check(len(expected) == 40, "--check lists the 40 files")

        # --progress draws at once: --check lines scroll, the bar stays below them, then goes.
        code, raw = run_in_terminal("%s --progress --check -r %s" % (tool, tree), env)
        check(code == 1, "--check under a terminal exits 1 (got %d)" % code)
        check(BAR.search(raw) is not None, "the progress bar was drawn")
        check("%" in raw and "ETA" in raw and "/40 files" in raw, "the bar shows percentage, ETA and files")
        final = screen(raw)
        check(final == expected, "the final screen holds exactly the --check lines")
        check(not any(BAR.search(l) for l in final), "no trace of the bar is left")
        check(raw.rstrip("\n").endswith("\r\x1b[K"), "the last thing written erases the bar")

        # A long job without --progress: the bar comes after a second (standard input, so no
        # total: bytes and rate only), and is erased at the end.
        sample = os.path.join(tree, "f00.txt")
        out = os.path.join(tmp, "out.txt")
        code, raw = run_in_terminal("(cat %s; sleep 2; cat %s) | %s -o %s" % (sample, sample, tool, out), env)
        check(code == 0, "a slow pipe under a terminal exits 0 (got %d)" % code)
        check(BAR.search(raw) is not None, "a job longer than a second gets a bar")
        check("ETA" not in raw and "%" not in raw, "without a known total, no percentage or ETA")
        check(screen(raw) == [], "the screen is empty afterwards")
        with open(out, "rb") as f:
            check(f.read() == ("caf\u00e9 ligne 0\n" * 40000).encode("utf-8"), "the output is complete")

        # Interrupted (SIGINT) while the bar is on the screen: the bar is erased all the same.
        code, raw = run_in_terminal("(cat %s; sleep 8) | timeout -s INT 3 %s --progress -o %s" % (sample, tool, out), env)
        check(code != 0 and BAR.search(raw) is not None, "an interrupted job had its bar drawn")
        check(screen(raw) == [], "an interrupted job leaves no bar on the screen")

        # No bar: a short job; -q; stderr not a terminal; the text itself going to the terminal.
        code, raw = run_in_terminal("%s --check %s" % (tool, sample), env)
        check(BAR.search(raw) is None and "\x1b" not in raw, "a short job gets no bar")
        code, raw = run_in_terminal("%s -q --progress --check -r %s" % (tool, tree), env)
        check(BAR.search(raw) is None, "-q silences the bar")
        err = os.path.join(tmp, "err.txt")
        code, raw = run_in_terminal("%s --progress --check -r %s 2> %s" % (tool, tree, err), env)
        with open(err, "rb") as f:
            data = f.read()
        check(data == b"" and BAR.search(raw) is None, "no bar when stderr is not a terminal")
        code, raw = run_in_terminal("%s --progress %s" % (tool, sample), env)
        check(BAR.search(raw) is None, "no bar over text written to the same terminal")

        # Messages in Chinese keep the bar within the width of the terminal.
        env_zh = dict(env, LC_ALL="zh_CN.UTF-8", COLUMNS="60")
        code, raw = run_in_terminal("stty cols 60 2>/dev/null; %s --progress --check -r %s" % (tool, tree), env_zh)
        bars = [l for l in re.split(r"[\r\n]", raw) if BAR.search(l)]
        check(bars and all(width(re.sub(r"\x1b\[K", "", b)) < 60 for b in bars), "the bar fits a 60-column terminal")

    print("terminal: %s" % ("all checks passed" if not failures else "%d failed" % len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
