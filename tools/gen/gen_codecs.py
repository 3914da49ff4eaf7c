#!/usr/bin/env python3
"""Generates the codec tables the mojibake stage decodes and re-encodes with.

lib/tables/codecs_sbcs.inc: 256-entry tables of the single-byte codecs, in their "sloppy" form
  (bytes a Windows code page leaves undefined decode to the C1 control / Latin-1 character of the
  same value, as browsers and many tools do), so every byte round-trips.
lib/tables/dbcs_<family>.inc: double-byte codec families. Each table lists, for every lead byte
  and trail byte of the family's ranges, the character the pair decodes to (U+FFFD: undefined),
  as one UTF-8 string literal per lead byte. A family merges its variants in order (the first
  variant that defines a pair wins), so one reverse lookup covers all of them.
lib/tables/gb18030_ranges.inc: the four-byte GB18030 ranges of the BMP.
lib/tables/html_entities.inc: the HTML 4 named character references.

Source of the mappings: the codecs of the Python standard library running this script (their data
comes from the Unicode consortium's and the vendors' mapping files).
"""
import codecs
import os
import sys

from common import banner, out_dir, write

SBCS = [  # (C++ name, label, python codec, sloppy)
    ("cp1252", "windows-1252", "cp1252", True),
    ("latin1", "iso-8859-1", "latin-1", False),
    ("cp1250", "windows-1250", "cp1250", True),
    ("cp1251", "windows-1251", "cp1251", True),
    ("cp1253", "windows-1253", "cp1253", True),
    ("cp1254", "windows-1254", "cp1254", True),
    ("cp1257", "windows-1257", "cp1257", True),
    ("iso8859_2", "iso-8859-2", "iso8859_2", False),
    ("koi8_r", "koi8-r", "koi8_r", False),
    ("macroman", "macintosh", "mac_roman", False),
    ("cp437", "ibm437", "cp437", False),
    ("cp866", "ibm866", "cp866", False),
]

# (file/C++ name, lead range, trail ranges, variants in priority order)
DBCS = [
    ("gbk", (0x81, 0xFE), [(0x40, 0x7E), (0x80, 0xFE)], ["gb18030", "gbk"]),
    ("big5", (0x81, 0xFE), [(0x40, 0x7E), (0xA1, 0xFE)], ["big5", "cp950", "big5hkscs"]),
    ("sjis", (0x81, 0xFC), [(0x40, 0x7E), (0x80, 0xFC)], ["shift_jis", "cp932"]),
    ("euckr", (0x81, 0xFE), [(0x41, 0x5A), (0x61, 0x7A), (0x81, 0xFE)], ["euc_kr", "cp949"]),
    ("eucjp", (0xA1, 0xFE), [(0xA1, 0xFE)], ["euc_jp"]),
]


def one_char(data, codec):
    try:
        s = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return s if len(s) == 1 else None


def sbcs_table(codec, sloppy):
    out = []
    for b in range(256):
        c = one_char(bytes([b]), codec)
        if c is None:
            if not sloppy:
                raise SystemExit("%s leaves byte %02X undefined" % (codec, b))
            c = chr(b)  # C1 control / Latin-1 character of the same value
        out.append(ord(c))
    return out


def c_string(text):
    """A C++ string literal holding `text` as UTF-8; only '"', '\\' and controls are escaped."""
    out = []
    for ch in text:
        o = ord(ch)
        if ch in '"\\' or o < 0x20 or 0x7F <= o < 0xA0 or ch == "?":
            out.append("\\x%02X" % o if o < 0x80 else "\\u%04X" % o)
            if o < 0x80:
                out.append('""')  # end the hex escape
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def gen_sbcs(folder):
    text = banner("gen_codecs.py", [], "Unicode License v3 (mapping data)")
    text += "// Python %s codecs; undefined bytes of windows-125x decode to U+0080+n (sloppy).\n" % sys.version.split()[0]
    text += "#pragma once\n#include <cstdint>\nnamespace mojifix::tables {\n"
    text += "struct SbcsTable { const char* name; const char* label; char16_t high[128]; };\n"
    text += "inline constexpr SbcsTable sbcs_tables[] = {\n"
    for name, label, codec, sloppy in SBCS:
        t = sbcs_table(codec, sloppy)
        for b in range(128):
            if t[b] != b:
                raise SystemExit("%s is not ASCII-compatible at %02X" % (codec, b))
        hi = ", ".join("0x%04X" % cp for cp in t[128:])
        text += '    {"%s", "%s", {%s}},\n' % (name, label, hi)
    text += "};\n}  // namespace mojifix::tables\n"
    write(os.path.join(folder, "codecs_sbcs.inc"), text)


def dbcs_rows(lead, trails, variants):
    trail_bytes = [t for lo, hi in trails for t in range(lo, hi + 1)]
    rows = []
    for l in range(lead[0], lead[1] + 1):
        row = []
        for t in trail_bytes:
            c = None
            for v in variants:
                c = one_char(bytes([l, t]), v)
                if c is not None:
                    break
            row.append(c if c is not None else "\ufffd")
        rows.append(row)
    return trail_bytes, rows


def gen_dbcs(folder, name, lead, trails, variants, extra=""):
    trail_bytes, rows = dbcs_rows(lead, trails, variants)
    text = banner("gen_codecs.py", [], "Unicode License v3 (mapping data)")
    text += "// Python %s codecs %s, merged in that order; U+FFFD = undefined pair.\n" % (
        sys.version.split()[0], ", ".join(variants))
    text += "#pragma once\nnamespace mojifix::tables {\n"
    text += "inline constexpr unsigned char %s_lead_lo = 0x%02X, %s_lead_hi = 0x%02X;\n" % (name, lead[0], name, lead[1])
    text += "inline constexpr unsigned char %s_trails[][2] = {%s};\n" % (
        name, ", ".join("{0x%02X, 0x%02X}" % r for r in trails))
    text += "inline constexpr unsigned %s_row_size = %d;\n" % (name, len(trail_bytes))
    text += "// One row per lead byte, %d characters each (UTF-8).\n" % len(trail_bytes)
    text += "inline constexpr const char* %s_rows[] = {\n" % name
    for row in rows:
        text += "    %s,\n" % c_string("".join(row))
    text += "};\n" + extra + "}  // namespace mojifix::tables\n"
    write(os.path.join(folder, "dbcs_%s.inc" % name), text)


def eucjp_extra():
    """JIS X 0212 (8F xx xx) rows and the cp51932-style single bytes are not in the main grid."""
    rows = []
    for l in range(0xA1, 0xFF):
        row = []
        for t in range(0xA1, 0xFF):
            c = one_char(bytes([0x8F, l, t]), "euc_jp")
            row.append(c if c is not None else "\ufffd")
        rows.append(row)
    text = "// JIS X 0212 (8F lead): rows A1..FE, 94 characters each.\n"
    text += "inline constexpr const char* eucjp_0212_rows[] = {\n"
    for row in rows:
        text += "    %s,\n" % c_string("".join(row))
    return text + "};\n"


def gb18030_ranges():
    """Four-byte GB18030 sequences of the BMP as (linear index, first code point, count) runs."""
    runs = []
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp < 0xE000:
            continue
        b = chr(cp).encode("gb18030")
        if len(b) != 4:
            continue
        lin = (((b[0] - 0x81) * 10 + (b[1] - 0x30)) * 126 + (b[2] - 0x81)) * 10 + (b[3] - 0x30)
        if runs and runs[-1][0] + runs[-1][2] == lin and runs[-1][1] + runs[-1][2] == cp:
            runs[-1][2] += 1
        else:
            runs.append([lin, cp, 1])
    return runs


def gen_gb18030(folder):
    runs = gb18030_ranges()
    text = banner("gen_codecs.py", [], "Unicode License v3 (mapping data)")
    text += "// Python %s gb18030 codec: BMP characters with four-byte codes.\n" % sys.version.split()[0]
    text += "#pragma once\n#include <cstdint>\nnamespace mojifix::tables {\n"
    text += "struct Gb18030Run { std::uint32_t linear; char16_t first; std::uint16_t count; };\n"
    text += "inline constexpr Gb18030Run gb18030_runs[] = {\n"
    for i in range(0, len(runs), 4):
        text += "    " + " ".join("{%d, 0x%04X, %d}," % tuple(r) for r in runs[i:i + 4]) + "\n"
    text += "};\n}  // namespace mojifix::tables\n"
    write(os.path.join(folder, "gb18030_ranges.inc"), text)


def gen_entities(folder):
    import html.entities
    names = sorted(html.entities.name2codepoint.items())
    text = banner("gen_codecs.py", [], "W3C HTML 4.01 character entity references")
    text += "// Python %s html.entities.name2codepoint (HTML 4.01), sorted by name.\n" % sys.version.split()[0]
    text += "#pragma once\nnamespace mojifix::tables {\n"
    text += "struct HtmlEntity { const char* name; char32_t cp; };\n"
    text += "inline constexpr HtmlEntity html_entities[] = {\n"
    for i in range(0, len(names), 6):
        text += "    " + " ".join('{"%s", 0x%X},' % nc for nc in names[i:i + 6]) + "\n"
    text += "};\n}  // namespace mojifix::tables\n"
    write(os.path.join(folder, "html_entities.inc"), text)


def main():
    folder = out_dir(sys.argv)
    gen_entities(folder)
    gen_sbcs(folder)
    for name, lead, trails, variants in DBCS:
        gen_dbcs(folder, name, lead, trails, variants, eucjp_extra() if name == "eucjp" else "")
    gen_gb18030(folder)


if __name__ == "__main__":
    codecs.lookup("gb18030")
    main()
