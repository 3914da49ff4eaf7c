#!/usr/bin/env python3
"""Generates the codec tables detection needs beyond the mojibake stage's (lib/tables/dbcs_*.inc).

lib/tables/detect_sbcs.inc: every single-byte codec detect() considers, strict: for bytes
  0x80..0xFF the character each decodes to, 0xFFFF where the codec leaves the byte undefined.
  The order is the preference order among codecs that read a text the same.
lib/tables/detect_variants.inc: for each double-byte family of lib/tables/dbcs_*.inc (same grid:
  lead byte x trail byte), which variants of the family decode each pair to the character the
  family's table holds, so detection can name
  the smallest variant that holds the bytes (gb2312 < gbk < gb18030, big5 / cp950 / big5-hkscs,
  shift_jis / cp932, euc-kr / cp949). Run-length coded: "value*count" runs, space separated.

Source of the mappings: the codecs of the Python standard library running this script (their data
comes from the Unicode consortium's and the vendors' mapping files).
"""
import os
import sys

from common import banner, out_dir, write
from gen_codecs import DBCS

# (canonical label, python codec); tis-620 is read with its windows-874 superset.
SBCS = [
    ("windows-1252", "cp1252"), ("iso-8859-1", "latin-1"), ("iso-8859-15", "iso8859_15"),
    ("windows-1250", "cp1250"), ("iso-8859-2", "iso8859_2"), ("windows-1251", "cp1251"),
    ("koi8-r", "koi8_r"), ("koi8-u", "koi8_u"), ("ibm866", "cp866"), ("iso-8859-5", "iso8859_5"),
    ("windows-1253", "cp1253"), ("iso-8859-7", "iso8859_7"), ("windows-1254", "cp1254"),
    ("iso-8859-9", "iso8859_9"), ("windows-1255", "cp1255"), ("iso-8859-8", "iso8859_8"),
    ("windows-1256", "cp1256"), ("windows-1257", "cp1257"), ("windows-1258", "cp1258"),
    ("tis-620", "cp874"), ("macintosh", "mac_roman"),
]

# Variants of each double-byte family of gen_codecs.py (same grid), smallest first.
VARIANTS = {
    "gbk": [("gb2312", "gb2312"), ("gbk", "gbk"), ("gb18030", "gb18030")],
    "big5": [("big5", "big5"), ("cp950", "cp950"), ("big5-hkscs", "big5hkscs")],
    "sjis": [("shift_jis", "shift_jis"), ("cp932", "cp932")],
    "euckr": [("euc-kr", "euc_kr"), ("cp949", "cp949")],
}


def one_char(data, codec):
    try:
        s = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return s if len(s) == 1 else None


def gen_sbcs(folder):
    text = banner("gen_detect_codecs.py", [], "Unicode License v3 (mapping data)")
    text += "// Python %s codecs, strict: 0xFFFF marks a byte the codec leaves undefined.\n" % sys.version.split()[0]
    text += "#pragma once\nnamespace mojifix::tables {\n"
    text += "struct DetectSbcs { const char* label; char16_t high[128]; };\n"
    text += "inline constexpr DetectSbcs detect_sbcs[] = {\n"
    for label, codec in SBCS:
        high = []
        for b in range(0x80, 0x100):
            c = one_char(bytes([b]), codec)
            high.append(0xFFFF if c is None else ord(c))
        for b in range(0x80):
            if one_char(bytes([b]), codec) != chr(b):
                raise SystemExit("%s is not ASCII-compatible at %02X" % (codec, b))
        rows = ", ".join("0x%04X" % v for v in high)
        text += '    {"%s", {%s}},\n' % (label, rows)
    text += "};\n}  // namespace mojifix::tables\n"
    write(os.path.join(folder, "detect_sbcs.inc"), text)


def runs(values):
    out = []
    for v in values:
        if out and out[-1][0] == v:
            out[-1][1] += 1
        else:
            out.append([v, 1])
    return " ".join("%d*%d" % (v, n) for v, n in out)


def gen_variants(folder):
    text = banner("gen_detect_codecs.py", [], "Unicode License v3 (mapping data)")
    text += "// Python %s codecs. Per pair of a dbcs_<family>.inc grid, bit i set when variant i reads it as that table does.\n" % (
        sys.version.split()[0])
    text += "#pragma once\nnamespace mojifix::tables {\n"
    text += "struct DetectVariants { const char* family; unsigned row_size; const char* names[3]; const char* runs; };\n"
    text += "inline constexpr DetectVariants detect_variants[] = {\n"
    for family, lead, trails, merged in DBCS:
        if family not in VARIANTS:
            continue
        variants = VARIANTS[family]
        trail_bytes = [t for lo, hi in trails for t in range(lo, hi + 1)]
        values = []
        for l in range(lead[0], lead[1] + 1):
            for t in trail_bytes:
                pair = bytes([l, t])
                want = next((c for c in (one_char(pair, m) for m in merged) if c is not None), None)
                v = 0
                for i, (_, codec) in enumerate(variants):
                    if want is not None and one_char(pair, codec) == want:
                        v |= 1 << i
                values.append(v)
        names = ", ".join('"%s"' % n for n, _ in variants) + (", nullptr" * (3 - len(variants)))
        body = runs(values)
        text += '    {"%s", %d, {%s},\n' % (family, len(trail_bytes), names)
        for i in range(0, len(body), 110):
            cut = body[i:i + 110]
            text += '     "%s"\n' % cut
        text += "    },\n"
    text += "};\n}  // namespace mojifix::tables\n"
    write(os.path.join(folder, "detect_variants.inc"), text)


def main():
    folder = out_dir(sys.argv)
    gen_sbcs(folder)
    gen_variants(folder)


if __name__ == "__main__":
    main()
