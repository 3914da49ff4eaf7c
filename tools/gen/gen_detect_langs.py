#!/usr/bin/env python3
"""Generates lib/tables/detect_langs.inc: letter counts per language, for detection.

Single-byte code pages differ in which letters their high bytes hold; telling windows-1252 from
windows-1250, or KOI8-R from windows-1251, on a short text needs to know which letters a language
uses together. For every language of the corpus written in the Latin, Greek or Cyrillic script,
this counts how often each letter (Unicode category L*, ASCII included) occurs. The library turns
the counts into per-language letter costs next to the plausibility model's (lib/detect_tables.cpp).

Inputs: the clean text in ../shared/devset/corpus/A/<lang>.txt (never the scored cases); a file
counts as a language when its name is a language tag (two or three letters) and most of its
letters are in the modelled scripts. For more languages that have legacy code pages, the
translations of Debian's iso-codes package (names of countries, languages, currencies, scripts
in /usr/share/locale/<lang>/LC_MESSAGES/iso_*.mo): these lists of names say which letters a
language uses and roughly how often.
"""
import collections
import glob
import os
import re
import struct
import sys
import unicodedata

from common import SHARED_DIR, banner, need, out_dir, write

RANGES = [(0x41, 0x7A), (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x590, 0x6FF), (0xE00, 0xE7F),
          (0x1E00, 0x1EFF)]
# Languages with 8-bit code pages of their own, read from iso-codes when the corpus lacks them.
# Their lists are names, many of them foreign (Sanskrit "ṛ" in Italian): only the letters the
# language's own code page can write are counted.
ISO_CODES_LANGS = {
    "it": "cp1252", "pt": "cp1252", "nl": "cp1252", "sv": "cp1252", "da": "cp1252", "fi": "cp1252",
    "ca": "cp1252", "cs": "cp1250", "sk": "cp1250", "hu": "cp1250", "hr": "cp1250", "sl": "cp1250",
    "ro": "cp1250", "lt": "cp1257", "lv": "cp1257", "et": "cp1257", "bg": "cp1251", "mk": "cp1251",
    "sr": "cp1251", "be": "cp1251", "he": "cp1255", "ar": "cp1256", "fa": "cp1256", "th": "cp874",
}
ISO_CODES_DIR = "/usr/share/locale"
ISO_CODES_FILES = ["iso_3166-1.mo", "iso_639-2.mo", "iso_4217.mo", "iso_15924.mo", "iso_3166-3.mo"]


def modelled(cp):
    return any(lo <= cp <= hi for lo, hi in RANGES) and unicodedata.category(chr(cp)).startswith("L")


def mo_messages(path):
    """The translated strings of a GNU .mo file."""
    with open(path, "rb") as f:
        data = f.read()
    end = "<" if struct.unpack("<I", data[:4])[0] == 0x950412DE else ">"
    _, count, _, trans = struct.unpack(end + "4I", data[4:20])
    for i in range(count):
        length, offset = struct.unpack(end + "2I", data[trans + 8 * i:trans + 8 * i + 8])
        yield data[offset:offset + length].decode("utf-8")


def writable(ch, codec):
    try:
        ch.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def count_letters(lines, codec=None):
    c = collections.Counter()
    letters = 0
    for line in lines:
        for ch in unicodedata.normalize("NFC", line):
            if ch.isalpha():
                letters += 1
                if modelled(ord(ch)) and (codec is None or writable(ch, codec)):
                    c[ord(ch)] += 1
    return c, letters


def main():
    folder = out_dir(sys.argv)
    corpus = need(os.path.join(SHARED_DIR, "devset", "corpus", "A"))
    langs, counts, sources = [], {}, []
    for path in sorted(glob.glob(os.path.join(corpus, "*.txt"))):
        lang = os.path.basename(path)[:-4]
        if not re.fullmatch(r"[a-z]{2,3}", lang):
            continue
        with open(path, encoding="utf-8") as f:
            c, letters = count_letters(f)
        if letters < 5000 or sum(c.values()) < 0.8 * letters:
            continue
        langs.append(lang)
        counts[lang] = c
        sources.append(("devset corpus A", path))
    need(os.path.join(ISO_CODES_DIR, "de", "LC_MESSAGES", "iso_639-2.mo"))  # iso-codes installed?
    for lang, codec in ISO_CODES_LANGS.items():
        if lang in counts:
            continue
        lines = []
        for name in ISO_CODES_FILES:
            path = os.path.join(ISO_CODES_DIR, lang, "LC_MESSAGES", name)
            if os.path.exists(path):
                lines.extend(mo_messages(path))
                sources.append(("iso-codes", path))
        if not lines:
            continue
        c, letters = count_letters((m for m in lines if "Project-Id-Version" not in m), codec)
        langs.append(lang)
        counts[lang] = c
    cps = sorted(set().union(*counts.values()))
    text = banner("gen_detect_langs.py", sources,
                  "counts from the devset corpus (see its MANIFEST.tsv) and from Debian iso-codes translations (LGPL-2.1+)")
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
