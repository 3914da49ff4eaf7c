#!/usr/bin/env python3
"""Generates lib/tables/punct_context.inc: how Chinese text writes , : ; ! ( ) by context.

Input: the clean Chinese paragraphs of the devset corpus (../shared/devset/corpus/A/zh-*.txt,
clean text only, never the scored cases). For every comma, colon, semicolon and exclamation mark
(ASCII or full-width) the context is (class of the character before, class of the character
after; after a space, `S` + the class of the next non-space character). For a pair `(...)` /
`（...）` on one line it is (class before, class of the content, class after).

Tables (classes as in lib/punct_restore.cpp, `kClasses` below):
  punct_mark_full[mark][left][right]  1 when the full-width form is the usual one in paragraphs
                                      that use full-width punctuation (>= 5 seen, > 1/2 full-width)
  punct_mark_llr[mark][left][right]   log(P(context | full-width) / P(context | ASCII)) over all
                                      Chinese paragraphs, in tenths of a nat: evidence that an
                                      ASCII mark in this context stands for a flattened one
  punct_bracket_full[left][content][right]  as punct_mark_full, for brackets
"""
import math
import os
import sys

from common import SHARED_DIR, banner, c_array, need, out_dir, write

MARKS = ",:;!"
FULL = {",": "，", ":": "：", ";": "；", "!": "！", "(": "（", ")": "）"}
ASCII_OF = {v: k for k, v in FULL.items()}
# N line edge, S space, A flattenable ASCII mark, P CJK / full-width punctuation, H Han / kana /
# hangul / bopomofo, W full-width letter or digit, D digit, L letter, Q quote, O other.
CLASSES = "NSAPHWDLQO"
RIGHT = CLASSES + CLASSES.lower()  # lower case: a space, then that class
CONTENT = "HDLE"                   # bracket content: CJK, digits only, other, empty
MIN_SEEN = 5


def cls(ch):
    if ch is None or ch in "\n\r":
        return "N"
    if ch in " \t":
        return "S"
    if ch in FULL:
        return "A"
    o = ord(ch)
    if (0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF or
            0x3040 <= o <= 0x30FF or 0xAC00 <= o <= 0xD7AF or 0x3100 <= o <= 0x312F):
        return "H"
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return "W"
    if (0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF65 or o in (0x2014, 0x2026, 0x201C, 0x201D, 0x2018, 0x2019, 0xB7)):
        return "P"
    if "0" <= ch <= "9":
        return "D"
    if ("a" <= ch <= "z" or "A" <= ch <= "Z" or (0xC0 <= o <= 0x24F and o not in (0xD7, 0xF7)) or 0x370 <= o <= 0x52F):
        return "L"
    if ch in "\"'":
        return "Q"
    return "O"


def right_class(t, i):
    """Class after position i; after spaces, the lower-case class of the next non-space."""
    c = cls(t[i + 1] if i + 1 < len(t) else None)
    if c != "S":
        return c
    j = i + 1
    while j < len(t) and t[j] in " \t":
        j += 1
    return cls(t[j] if j < len(t) else None).lower()


def content_class(s):
    cs = set(cls(c) for c in s)
    if cs & set("HWP"):
        return "H"
    if not s.strip(" \t"):
        return "E"
    return "D" if cs == {"D"} else "L"


def bracket_pairs(t, open_, close):
    """(i, j) of `open_ ... close` on one line with no bracket between."""
    for i, ch in enumerate(t):
        if ch != open_:
            continue
        j = i + 1
        while j < len(t) and t[j] not in (close, "\n", "(", "（"):
            j += 1
        if j < len(t) and t[j] == close:
            yield i, j


def count(lines):
    mark = {}
    bracket = {}
    for line in lines:
        for i, ch in enumerate(line):
            m = ch if ch in MARKS else ASCII_OF.get(ch)
            if m is None or m not in MARKS:
                continue
            key = (m, cls(line[i - 1] if i > 0 else None), right_class(line, i))
            mark.setdefault(key, [0, 0])[ch != m] += 1
        for open_, close, full in (("(", ")", 0), ("（", "）", 1)):
            for i, j in bracket_pairs(line, open_, close):
                key = (cls(line[i - 1] if i > 0 else None), content_class(line[i + 1:j]),
                       cls(line[j + 1] if j + 1 < len(line) else None))
                bracket.setdefault(key, [0, 0])[full] += 1
    return mark, bracket


def usual_full(v):
    return 1 if v and sum(v) >= MIN_SEEN and v[1] * 2 > sum(v) else 0


def main():
    corpus = need(os.path.join(SHARED_DIR, "devset", "corpus", "A"))
    paths = [need(os.path.join(corpus, f)) for f in ("zh-Hans.txt", "zh-Hant.txt")]
    han_lines, full_lines = [], []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if any(cls(c) == "H" for c in line):
                    han_lines.append(line)
                if any(c in line for c in "，：；！（）"):
                    full_lines.append(line)
    mark_all, _ = count(han_lines)
    mark_full, bracket_full = count(full_lines)

    full, llr = [], []
    for m in MARKS:
        ta = sum(v[0] for k, v in mark_all.items() if k[0] == m)
        tf = sum(v[1] for k, v in mark_all.items() if k[0] == m)
        for left in CLASSES:
            for right in RIGHT:
                full.append(usual_full(mark_full.get((m, left, right))))
                a, f = mark_all.get((m, left, right), [0, 0])
                x = math.log((f + 0.5) / (tf + 1)) - math.log((a + 0.5) / (ta + 1))
                llr.append(max(-127, min(127, int(round(x * 10)))))
    brackets = [usual_full(bracket_full.get((l, c, r))) for l in CLASSES for c in CONTENT for r in CLASSES]

    out = banner("gen_punct.py", [("devset corpus A, zh-Hans", paths[0]), ("devset corpus A, zh-Hant", paths[1])],
                 "counts from the devset corpus (see its MANIFEST.tsv)")
    out += "// %d paragraphs with Han text, %d with full-width punctuation\n" % (len(han_lines), len(full_lines))
    out += "#pragma once\n#include <cstdint>\nnamespace mojifix::tables {\n\n"
    out += 'inline constexpr char punct_classes[] = "%s";  // left / bracket outside\n' % CLASSES
    out += 'inline constexpr char punct_right[] = "%s";  // lower case: space, then\n' % RIGHT
    out += 'inline constexpr char punct_marks[] = "%s";\n' % MARKS
    out += 'inline constexpr char punct_content[] = "%s";\n\n' % CONTENT
    out += "// [mark][left][right]: 1 = full-width is the usual form\n"
    out += c_array("std::uint8_t", "punct_mark_full", full, 20)
    out += "// [mark][left][right]: log-likelihood full-width vs ASCII, tenths of a nat\n"
    out += c_array("std::int8_t", "punct_mark_llr", llr, 20)
    out += "// [left][content][right]: 1 = full-width brackets are the usual form\n"
    out += c_array("std::uint8_t", "punct_bracket_full", brackets, 10)
    out += "\n}  // namespace mojifix::tables\n"
    write(os.path.join(out_dir(sys.argv), "punct_context.inc"), out)


if __name__ == "__main__":
    main()
