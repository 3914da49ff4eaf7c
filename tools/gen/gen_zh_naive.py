#!/usr/bin/env python3
"""Writes lib/tables/zh_naive.inc: what OpenCC's t2s does not undo of a naive character-level
Simplified -> Traditional conversion (ICU's Hans-Hant transliterator, the one many tools use).

ICU converts 什么 to 甚麼, 沉 to 沈, 磅礴 to 磅礡: valid Traditional, which t2s keeps (甚么, 沈,
磅礡). The clean Simplified corpus is converted with `uconv -x Hans-Hant` and back with
`opencc -c t2s`; where the round trip does not restore a character, the naive output (the
character, else the pair of characters around it) becomes a key whose value is the original,
kept when that key restores the original in at least 90 % of its occurrences in the
converted corpus (and 3 times): the few keys (甚麼) that say where the converter was, not the
ambiguous ones (沈 is also a surname). The script stage applies the table only inside spans it
converts back to Simplified within Simplified text (the damage such a converter left), never to
whole texts.

Usage: gen_zh_naive.py [--out DIR]   (exit 77 when uconv, opencc or the corpus is absent)
"""
import os
import shutil
import subprocess
import sys
from collections import Counter, defaultdict

from common import SHARED_DIR, banner, need, out_dir, write

MIN_COUNT, MIN_SHARE = 3, 0.9


def han(c):
    return 0x3400 <= ord(c) < 0xA000 or 0x20000 <= ord(c) < 0x32000


def run(cmd, text):
    return subprocess.run(cmd, input=text, capture_output=True, text=True, check=True).stdout


def main():
    corpus = need(os.path.join(SHARED_DIR, "devset", "corpus", "A", "zh-Hans.txt"))
    for tool in ("uconv", "opencc"):
        if not shutil.which(tool):
            print("input not found: %s" % tool, file=sys.stderr)
            sys.exit(77)
    with open(corpus, encoding="utf-8") as f:
        orig = f.read().split("\n")
    naive = run(["uconv", "-f", "utf-8", "-t", "utf-8", "-x", "Hans-Hant"], "\n".join(orig)).split("\n")
    back = run(["opencc", "-c", "t2s"], "\n".join(naive)).split("\n")
    # Candidate keys (naive text) with the original they stand for, where the round trip fails.
    cand = defaultdict(Counter)
    lines = [(o, n, b) for o, n, b in zip(orig, naive, back) if len(o) == len(n) == len(b)]
    for o, n, b in lines:
        for i, (x, y) in enumerate(zip(o, b)):
            # Only what the converter changed (Traditional already in the corpus is not its doing).
            if x == y or x == n[i] or not han(x):
                continue
            cand[n[i]][x] += 1
            for j in (i - 1, i):
                if j >= 0 and j + 2 <= len(n) and all(han(c) for c in n[j:j + 2]):
                    cand[n[j:j + 2]][o[j:j + 2]] += 1
    # How often each candidate key occurs at all in the naive text, and with which original.
    occ = defaultdict(Counter)
    for o, n, _ in lines:
        for k in range(1, 3):
            for i in range(len(n) - k + 1):
                key = n[i:i + k]
                if key in cand:
                    occ[key][o[i:i + k]] += 1
    table = {}
    for key in sorted(cand, key=lambda k: (len(k), k)):
        value, hits = occ[key].most_common(1)[0]
        if value == key or hits < MIN_COUNT or hits < MIN_SHARE * sum(occ[key].values()):
            continue
        if len(key) == 2 and any(c in table for c in key):
            continue  # a character of the pair is already a key: the pair adds nothing
        table[key] = value
    body = "".join("%s\t%s\n" % (k, table[k]) for k in sorted(table))
    text = banner("gen_zh_naive.py", [("devset clean corpus zh-Hans", corpus)],
                  "derived from ICU's Hans-Hant transliterator (Unicode licence) and OpenCC 1.1.6 t2s "
                  "(Apache-2.0) applied to the clean corpus")
    text += "// %d keys: naive Traditional \\t the Simplified it came from\n" % len(table)
    text += "#pragma once\n#include <string_view>\nnamespace mojifix::tables {\n"
    text += "inline constexpr std::string_view zh_naive_inverse =\n"
    for line in body.splitlines(keepends=True):
        text += '    "%s"\n' % line.replace("\t", "\\t").replace("\n", "\\n")
    text += "    \"\";\n}  // namespace mojifix::tables\n"
    write(os.path.join(out_dir(sys.argv), "zh_naive.inc"), text)


if __name__ == "__main__":
    main()
