#!/usr/bin/env python3
"""Generates lib/tables/detect_langs.inc: letter counts per language, for detection.

Single-byte code pages differ in which letters their high bytes hold; telling windows-1252 from
windows-1250, or KOI8-R from windows-1251, on a short text needs to know which letters a language
uses together. For every language of the corpus written in the Latin, Greek or Cyrillic script,
this counts how often each letter (Unicode category L*, ASCII included) occurs. The library turns
the counts into per-language letter costs next to the plausibility model's (lib/detect_tables.cpp).

Input: the clean text in ../shared/devset/corpus/A/<lang>.txt (never the scored cases). A file
counts as a language when its name is a language tag (two or three letters) and most of its
letters are Latin, Greek or Cyrillic.
"""
import collections
import glob
import os
import re
import sys
import unicodedata

from common import SHARED_DIR, banner, need, out_dir, write

RANGES = [(0x41, 0x7A), (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF)]


def modelled(cp):
    return any(lo <= cp <= hi for lo, hi in RANGES) and unicodedata.category(chr(cp)).startswith("L")


def main():
    folder = out_dir(sys.argv)
    corpus = need(os.path.join(SHARED_DIR, "devset", "corpus", "A"))
    langs, counts, sources = [], {}, []
    for path in sorted(glob.glob(os.path.join(corpus, "*.txt"))):
        lang = os.path.basename(path)[:-4]
        if not re.fullmatch(r"[a-z]{2,3}", lang):
            continue
        c = collections.Counter()
        letters = 0
        with open(path, encoding="utf-8") as f:
            for line in f:
                for ch in unicodedata.normalize("NFC", line):
                    if ch.isalpha():
                        letters += 1
                        if modelled(ord(ch)):
                            c[ord(ch)] += 1
        if letters < 5000 or sum(c.values()) < 0.8 * letters:
            continue
        langs.append(lang)
        counts[lang] = c
        sources.append(("devset corpus A", path))
    cps = sorted(set().union(*counts.values()))
    text = banner("gen_detect_langs.py", sources, "counts from the devset corpus (see its MANIFEST.tsv)")
    text += "#pragma once\n#include <cstdint>\nnamespace mojifix::tables {\n"
    text += "inline constexpr const char* detect_lang_codes[] = {%s};\n" % ", ".join('"%s"' % l for l in langs)
    text += "inline constexpr int detect_lang_count = %d;\n" % len(langs)
    text += "// letter, then how often it occurs in each language's text (same order as the codes)\n"
    text += "struct DetectLetter { char32_t cp; std::uint32_t count[%d]; };\n" % len(langs)
    text += "inline constexpr DetectLetter detect_letters[] = {\n"
    for cp in cps:
        text += "    {0x%04X, {%s}},\n" % (cp, ", ".join(str(counts[l][cp]) for l in langs))
    text += "};\n}  // namespace mojifix::tables\n"
    write(os.path.join(folder, "detect_langs.inc"), text)


if __name__ == "__main__":
    main()
