#!/usr/bin/env python3
"""Keeps the message catalogs complete.

  messages.py --check     exit 1 when a message used in tools/mojifix/*.cpp lacks a
                          translation in some po/LANG.po, or a catalog holds unused entries
  messages.py --list      print the message ids found in the sources

Message ids are the literal arguments of msg("...") and N_("...").
"""
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)
CALL = re.compile(r'\b(?:msg|N_)\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)')
LIT = re.compile(r'"((?:[^"\\]|\\.)*)"')


def source_ids():
    ids = set()
    for path in glob.glob(os.path.join(SRC, "*.cpp")):
        text = open(path, encoding="utf-8").read()
        for m in CALL.finditer(text):
            ids.add("".join(LIT.findall(m.group(1))))
    ids.discard("")
    return ids


def po_ids(path):
    """msgid -> msgstr, with C escapes kept as written (po and C++ agree on them)."""
    entries, key, cur, which = {}, None, [], None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("msgid "):
            if key is not None:
                entries[key] = "".join(cur)
            key, cur, which = None, [], "id"
            cur = LIT.findall(line)
        elif line.startswith("msgstr "):
            key, cur, which = "".join(cur), LIT.findall(line), "str"
        elif line.startswith('"'):
            cur += LIT.findall(line)
    if key is not None:
        entries[key] = "".join(cur)
    entries.pop("", None)
    return entries


def main():
    ids = source_ids()
    if "--list" in sys.argv:
        for i in sorted(ids):
            print(i)
        return 0
    bad = 0
    for po in sorted(glob.glob(os.path.join(HERE, "*.po"))):
        have = po_ids(po)
        for i in sorted(ids - {k for k, v in have.items() if v}):
            print("%s: missing translation for %r" % (os.path.basename(po), i))
            bad = 1
        for i in sorted(set(have) - ids):
            print("%s: unused entry %r" % (os.path.basename(po), i))
            bad = 1
    print("catalogs complete" if not bad else "catalogs incomplete")
    return bad


if __name__ == "__main__":
    sys.exit(main())
