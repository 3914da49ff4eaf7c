#!/usr/bin/env python3
"""--help and the man page are complete.

  cli_help.py MOJIFIX MAN_PAGE CLI_SOURCE

Every option the parser in CLI_SOURCE accepts (`a == "--flag"`, and `--no-NAME` for each stage
name in disable_stage()) must appear in `MOJIFIX --help` and in MAN_PAGE; the man page must
render without warnings (groff -ww) when groff is installed.
"""
import re
import shutil
import subprocess
import sys


def main():
    tool, man, source = sys.argv[1:4]
    src = open(source, encoding="utf-8").read()
    flags = set(re.findall(r'\ba == "(-[^"]+)"', src))
    flags.discard("--")
    stages = re.search(r"bool disable_stage\(.*?\n}\n", src, re.S)
    for name in re.findall(r'name == "([a-z_]+)"', stages.group(0) if stages else ""):
        flags.add("--no-" + name)
    help_text = subprocess.run([tool, "--help"], stdout=subprocess.PIPE, env={"LC_ALL": "C"}, check=True).stdout.decode()
    page = re.sub(r"\\f[BIRP]", "", open(man, encoding="utf-8").read()).replace("\\-", "-")
    bad = 0
    for f in sorted(flags):
        pattern = re.compile(r"(?<![\w-])%s(?![\w-])" % re.escape(f))
        if not pattern.search(help_text):
            print("FAIL: %s is accepted but not in --help" % f)
            bad = 1
        if not pattern.search(page):
            print("FAIL: %s is accepted but not in the man page" % f)
            bad = 1
    print("%d options checked against --help and %s" % (len(flags), man))
    for section in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "EXAMPLES"):
        if ".SH " + section not in page:
            print("FAIL: the man page has no %s section" % section)
            bad = 1
    if shutil.which("groff"):
        r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", man], stderr=subprocess.PIPE)
        if r.returncode or r.stderr:
            print("FAIL: groff warnings:\n" + r.stderr.decode())
            bad = 1
        else:
            print("man page renders without warnings")
    else:
        print("note: groff not installed; rendering not checked")
    return bad


if __name__ == "__main__":
    sys.exit(main())
