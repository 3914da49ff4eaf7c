#!/usr/bin/env python3
"""Differential test: `mojifix convert CONFIG` against the installed `opencc -c CONFIG`.

  opencc_diff.py MOJIFIX [CORPUS_DIR]

Converts the Chinese and Japanese files of the devset corpus (default ../shared/devset/corpus/A)
with every config and compares the outputs line by line. Exits 77 (skipped) when opencc or the
corpus is absent, 1 when any line differs, else 0. mojifix's convert() claims no improvement
over OpenCC, so no difference class is expected.
"""
import os
import shutil
import subprocess
import sys

CONFIGS = ["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "tw2t", "t2hk", "hk2t", "t2jp", "jp2t"]
FILES = ["zh-Hans.txt", "zh-Hant.txt", "ja.txt"]


def main():
    tool = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "shared", "devset", "corpus", "A")
    if not shutil.which("opencc"):
        print("skip: opencc is not installed")
        return 77
    paths = [os.path.join(corpus, f) for f in FILES]
    if not all(os.path.exists(p) for p in paths):
        print("skip: corpus not found at %s" % corpus)
        return 77
    bad = 0
    lines = 0
    for cfg in CONFIGS:
        for p in paths:
            ours = subprocess.run([tool, "convert", cfg, p], capture_output=True, check=True).stdout.split(b"\n")
            theirs = subprocess.run(["opencc", "-c", cfg, "-i", p], capture_output=True, check=True).stdout.split(b"\n")
            if len(ours) != len(theirs):
                print("FAIL %s %s: %d lines, opencc %d" % (cfg, os.path.basename(p), len(ours), len(theirs)))
                bad += 1
                continue
            for n, (a, b) in enumerate(zip(ours, theirs), 1):
                lines += 1
                if a != b:
                    bad += 1
                    if bad <= 10:
                        print("DIFF %s %s:%d\n  mojifix: %s\n  opencc:  %s" % (cfg, os.path.basename(p), n,
                              a.decode("utf-8", "replace")[:120], b.decode("utf-8", "replace")[:120]))
    print("%d configs x %d files, %d lines compared, %d differ" % (len(CONFIGS), len(paths), lines, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
