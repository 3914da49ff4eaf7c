#!/usr/bin/env python3
"""Generates lib/tables/readings.inc: Mandarin and Cantonese readings of Han characters.

Inputs (Debian `unicode-data`): Unihan_Readings.txt (kMandarin, kHanyuPinyin, kTGHZ2013,
kXHC1983, kHanyuPinlu, kCantonese), Unihan_Variants.txt (kSimplifiedVariant) and
Unihan_DictionaryLikeData.txt (kFrequency).

Readings are written with tone numbers: Mandarin `shi2` (ü as v, neutral tone 5), Cantonese
jyutping `si4`. Each literal line is `READING:CHARS|CHARS`: the characters before `|` have this
reading as their primary one (most frequent in kHanyuPinlu, else the first kMandarin value); the
characters after it have it as another reading. `common` lists the characters in everyday use
(in kHanyuPinlu or kFrequency 1-3, directly or through their simplified form).
"""
import bz2
import collections
import os
import re
import sys
import unicodedata

from common import UNICODE_DIR, banner, need, out_dir, string_parts, write

TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def unihan(path, fields):
    """{field: {code point: value}} for the wanted fields of a bz2 Unihan file."""
    out = {f: {} for f in fields}
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, value = line.rstrip("\n").split("\t", 2)
            if field in out:
                out[field][int(cp[2:], 16)] = value
    return out


def numbered(py):
    """'shí' -> 'shi2', 'lǜ' -> 'lv4', 'de' -> 'de5'; None for readings outside plain pinyin."""
    tone, letters = 5, []
    for ch in unicodedata.normalize("NFD", py.strip().lower()):
        if ch in TONES:
            tone = TONES[ch]
        elif ch == "\u0308" and letters and letters[-1] == "u":
            letters[-1] = "v"
        else:
            letters.append(ch)
    s = "".join(letters)
    return s + str(tone) if re.fullmatch(r"[a-z]+", s) else None


def main():
    readings_path = need(os.path.join(UNICODE_DIR, "Unihan_Readings.txt.bz2"))
    variants_path = need(os.path.join(UNICODE_DIR, "Unihan_Variants.txt.bz2"))
    dict_path = need(os.path.join(UNICODE_DIR, "Unihan_DictionaryLikeData.txt.bz2"))
    r = unihan(readings_path, ["kMandarin", "kHanyuPinyin", "kTGHZ2013", "kXHC1983", "kHanyuPinlu", "kCantonese"])
    simp = {cp: int(v.split()[0][2:], 16) for cp, v in unihan(variants_path, ["kSimplifiedVariant"])["kSimplifiedVariant"].items()}
    freq = unihan(dict_path, ["kFrequency"])["kFrequency"]

    mandarin = collections.defaultdict(list)   # cp -> readings, primary first
    for cp in set(r["kMandarin"]) | set(r["kHanyuPinyin"]) | set(r["kTGHZ2013"]) | set(r["kXHC1983"]) | set(r["kHanyuPinlu"]):
        ordered = []
        pinlu = re.findall(r"([^\s(]+)\((\d+)\)", r["kHanyuPinlu"].get(cp, ""))
        ordered += [p for p, _ in sorted(pinlu, key=lambda x: -int(x[1]))]
        ordered += r["kMandarin"].get(cp, "").split()
        for field in ("kTGHZ2013", "kXHC1983"):
            for item in r[field].get(cp, "").split():
                ordered.append(item.split(":", 1)[1])
        for item in r["kHanyuPinyin"].get(cp, "").split():
            ordered += item.split(":", 1)[1].split(",")
        for p in ordered:
            n = numbered(p)
            if n and n not in mandarin[cp]:
                mandarin[cp].append(n)
    # A traditional character without kHanyuPinlu takes its primary from its simplified form.
    for cp, rs in mandarin.items():
        if cp not in r["kHanyuPinlu"] and cp in simp and simp[cp] in r["kHanyuPinlu"]:
            first = mandarin[simp[cp]][0] if mandarin.get(simp[cp]) else None
            if first in rs:
                rs.remove(first)
                rs.insert(0, first)
    cantonese = {cp: v.split() for cp, v in r["kCantonese"].items()}

    def is_common(cp):
        return cp in r["kHanyuPinlu"] or freq.get(cp, "9") <= "3"
    common = sorted(cp for cp in mandarin if is_common(cp) or (cp in simp and is_common(simp[cp])))

    def groups(table, primary_first):
        by = collections.defaultdict(lambda: ([], []))
        for cp in sorted(table):
            for i, rd in enumerate(table[cp]):
                by[rd][0 if (primary_first and i == 0) else 1].append(chr(cp))
        lines = []
        for rd in sorted(by):
            prim, other = by[rd]
            lines.append("%s:%s|%s\n" % (rd, "".join(prim), "".join(other)))
        return lines

    text = banner("gen_readings.py", [("Unihan 15.0 readings", readings_path), ("Unihan 15.0 variants", variants_path),
                                      ("Unihan 15.0 dictionary-like data", dict_path)],
                  "Unicode License v3 (https://www.unicode.org/license.txt)")
    text += "// %d characters with Mandarin readings, %d with Cantonese, %d common\n" % (
        len(mandarin), len(cantonese), len(common))
    text += "#pragma once\n#include <string_view>\nnamespace mojifix::tables {\n\n"
    text += string_parts("readings_mandarin", groups(mandarin, True),
                         doc="Mandarin readings: `shi2:PRIMARY|OTHER\\n` (see tools/gen/gen_readings.py).") + "\n"
    text += string_parts("readings_cantonese", groups(cantonese, False),
                         doc="Cantonese (jyutping) readings: `si4:|CHARS\\n`.") + "\n"
    com = "".join(chr(c) for c in common)
    text += string_parts("readings_common", [com[i:i + 64] for i in range(0, len(com), 64)],
                         doc="Characters in everyday use.") + "\n"
    text += "}  // namespace mojifix::tables\n"
    write(os.path.join(out_dir(sys.argv), "readings.inc"), text)


if __name__ == "__main__":
    main()
