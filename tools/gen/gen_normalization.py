#!/usr/bin/env python3
"""Generates lib/tables/normalization.inc: code points that may change under NFC / NFKC.

A code point is a *suspect* for a form when its quick-check value is No or Maybe, or its
canonical combining class is not 0 (reordering). Text without suspects is already normalized,
so the normalize stage only hands segments around suspects to ICU.
Inputs: Debian `unicode-data` (DerivedNormalizationProps.txt, UnicodeData.txt).
"""
import os
import sys

from common import UNICODE_DIR, banner, bit_table, need, out_dir, parse_ranges, write


def main():
    props = need(os.path.join(UNICODE_DIR, "DerivedNormalizationProps.txt"))
    data = need(os.path.join(UNICODE_DIR, "UnicodeData.txt"))
    with open(props, encoding="utf-8") as f:
        version = f.readline().strip("# \n")
    ccc = set()
    with open(data, encoding="utf-8") as f:
        for line in f:
            fields = line.split(";")
            if fields[3] != "0":
                ccc.add(int(fields[0], 16))
    nfc = set(parse_ranges(props, lambda v: v[0] == "NFC_QC" and v[1] in ("N", "M"))) | ccc
    nfkc = set(parse_ranges(props, lambda v: v[0] == "NFKC_QC" and v[1] in ("N", "M"))) | ccc
    text = banner("gen_normalization.py",
                  [("Unicode " + version, props), ("Unicode UnicodeData", data)],
                  "Unicode License v3 (https://www.unicode.org/license.txt)")
    text += "// %d NFC suspects, %d NFKC suspects\n" % (len(nfc), len(nfkc))
    text += "#pragma once\n#include <cstdint>\nnamespace mojifix::tables {\n"
    text += bit_table("nfc_suspect", nfc)
    text += bit_table("nfkc_suspect", nfkc)
    text += "}  // namespace mojifix::tables\n"
    write(os.path.join(out_dir(sys.argv), "normalization.inc"), text)


if __name__ == "__main__":
    main()
