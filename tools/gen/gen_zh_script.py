#!/usr/bin/env python3
"""Generates lib/tables/zh_script.inc: what each character says about Simplified/Traditional.

Inputs: OpenCC 1.1.6 character and phrase dictionaries (Debian `opencc`, read with
`opencc_dict`), Unihan_OtherMappings.txt and UnicodeData.txt (Debian `unicode-data`; compatibility
ideographs and Kangxi radicals take the class of their decomposition), and the clean text of
../shared/devset/corpus/A/zh-Hans.txt and zh-Hant.txt (only to drop phrase evidence that real
text of the other script uses).

Character classes (a byte per code point, two-level table):
  bits 0-2  0 other, 1 shared, 2 Simplified-only, 3 Traditional-only, 4 shared but converted by
            default s2t (leans Simplified: 后 于 干), 5 shared but converted by default t2s
            (leans Traditional: 於 乾), 6 kana, 7 Japanese-only kanji (広 亜 沢)
  bit 3     Taiwan standard form (為 裡 啟 眾)        bit 4  OpenCC standard form Taiwan replaces (爲 裏 啓)
  bit 5     Hong Kong standard form (説 悦)
  bit 6     changes inside some Simplified evidence phrase; bit 7 likewise for Traditional
Simplified-only: never valid in Traditional text of any standard (OpenCC s2t, s2tw, s2hk all
change it); Traditional-only: t2s always changes it.
Evidence phrases: 2-4 characters, no single character of them decides, but the phrase belongs to
one script: `由于` (Simplified; Traditional 由於), `乾杯` (Traditional; Simplified 干杯). A phrase is
dropped when the corpus of the other script uses it (了解, 平台 are fine Traditional).
"""
import bz2
import os
import shutil
import sys

from common import SHARED_DIR, UNICODE_DIR, banner, c_array, need, out_dir, string_parts, write
from gen_opencc import OPENCC_DIR, dump

OTHER, SHARED, S_ONLY, T_ONLY, S_LEAN, T_LEAN, KANA, JP_ONLY = range(8)
TW_FORM, STD_FORM, HK_FORM, S_TRIGGER, T_TRIGGER = 8, 16, 32, 64, 128
LIMIT = 0x32400  # classes cover code points below this
MAX_PHRASE = 4


def is_han(cp):
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x323AF or
            0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def is_kana(cp):
    return (0x3041 <= cp <= 0x3096 or 0x30A1 <= cp <= 0x30FA or 0x31F0 <= cp <= 0x31FF or
            0xFF66 <= cp <= 0xFF6F or 0xFF71 <= cp <= 0xFF9D)


def mappings(path):
    out = {}
    with bz2.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, field, _ = line.rstrip("\n").split("\t", 2)
            out.setdefault(field, set()).add(int(cp[2:], 16))
    return out


def main():
    tool = shutil.which("opencc_dict")
    if not tool:
        print("input not found: opencc_dict (Debian package opencc)", file=sys.stderr)
        sys.exit(77)
    names = ["STCharacters", "TSCharacters", "STPhrases", "TSPhrases", "TWVariants", "HKVariants",
             "JPVariants", "JPShinjitaiCharacters"]
    paths = {n: need(os.path.join(OPENCC_DIR, n + ".ocd2")) for n in names}
    d = {n: dump(tool, paths[n]) for n in names}
    other_path = need(os.path.join(UNICODE_DIR, "Unihan_OtherMappings.txt.bz2"))
    unicode_data = need(os.path.join(UNICODE_DIR, "UnicodeData.txt"))
    corpus = {lang: need(os.path.join(SHARED_DIR, "devset", "corpus", "A", lang + ".txt")) for lang in ("zh-Hans", "zh-Hant")}
    m = mappings(other_path)
    st, ts, tw, hk = d["STCharacters"], d["TSCharacters"], d["TWVariants"], d["HKVariants"]
    tw_vals = {v for vs in tw.values() for v in vs}
    hk_vals = {v for vs in hk.values() for v in vs}

    def t_valid(c):
        return c not in st or c in st[c] or c in tw_vals or c in hk_vals

    def s_valid(c):
        return c not in ts or c in ts[c]

    chinese = m.get("kGB0", set()) | m.get("kGB1", set()) | m.get("kBigFive", set())
    shinjitai = {ord(v) for vs in d["JPVariants"].values() for v in vs if len(v) == 1}
    shinjitai |= {ord(k) for k in d["JPShinjitaiCharacters"] if len(k) == 1}
    japanese = (m.get("kJis0", set()) & (shinjitai | m.get("kJoyoKanji", set()))) - chinese
    known = set(st) | set(ts) | {v for vs in st.values() for v in vs} | {v for vs in ts.values() for v in vs}

    def base_class(cp):
        if is_kana(cp):
            return KANA
        if not is_han(cp):
            return OTHER
        c = chr(cp)
        if cp in japanese and c not in known:
            return JP_ONLY
        sv, tv = s_valid(c), t_valid(c)
        if sv and not tv:
            return S_ONLY
        if tv and not sv:
            return T_ONLY
        if c in ts and ts[c][0] != c:
            return T_LEAN
        if c in st and st[c][0] != c and c not in tw_vals and c not in hk_vals:
            return S_LEAN
        return SHARED

    cls = {}
    for cp in range(LIMIT):
        v = base_class(cp)
        if v != OTHER:
            cls[cp] = v
    for k in tw:  # OpenCC standard forms that Taiwan writes differently
        if len(k) == 1 and cls.get(ord(k)) == T_ONLY:
            cls[ord(k)] |= STD_FORM
    for v in tw_vals:
        if len(v) == 1 and cls.get(ord(v), OTHER) & 7 in (T_ONLY,):
            cls[ord(v)] |= TW_FORM
    for v in hk_vals:
        if len(v) == 1 and v not in tw_vals and cls.get(ord(v), OTHER) & 7 == T_ONLY:
            cls[ord(v)] |= HK_FORM

    def klass(c):
        return cls.get(ord(c), OTHER) & 7

    # Evidence phrases, and the corpus text each is checked against.
    def lines_of(path, script):
        keep = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                s = sum(klass(c) == S_ONLY for c in line)
                t = sum(klass(c) == T_ONLY for c in line)
                if (script == "hans" and s >= t) or (script == "hant" and t >= s):
                    keep.append(line)
        return "".join(keep)
    hans_text = lines_of(corpus["zh-Hans"], "hans")
    hant_text = lines_of(corpus["zh-Hant"], "hant")
    s_phrases, t_phrases = {}, {}
    for k, vals in d["STPhrases"].items():
        v = vals[0]
        if v == k or len(k) > MAX_PHRASE or len(v) != len(k):
            continue
        if all(klass(c) not in (S_ONLY, T_ONLY) for c in k) and k not in hant_text:
            s_phrases[k] = v
        if all(klass(c) not in (S_ONLY, T_ONLY) for c in v) and v not in hans_text:
            t_phrases.setdefault(v, k)
    for k, vals in d["TSPhrases"].items():
        v = vals[0]
        if v != k and len(k) <= MAX_PHRASE and len(v) == len(k) and all(klass(c) not in (S_ONLY, T_ONLY) for c in k) \
                and k not in hans_text:
            t_phrases.setdefault(k, v)
    both = set(s_phrases) & set(t_phrases)
    for k in both:
        del s_phrases[k], t_phrases[k]
    for k, v in s_phrases.items():
        for a, b in zip(k, v):
            if a != b:
                cls[ord(a)] = cls.get(ord(a), OTHER) | S_TRIGGER
    for k, v in t_phrases.items():
        for a, b in zip(k, v):
            if a != b:
                cls[ord(a)] = cls.get(ord(a), OTHER) | T_TRIGGER

    # Characters that NFC / NFKC turn into Han text (compatibility ideographs, Kangxi radicals,
    # squared and enclosed ideographic symbols: ㍣ -> 11点) take the class of that text, so that the
    # normalize stage running later cannot change a verdict.
    decomp = {}
    with open(unicode_data, encoding="utf-8") as f:
        for line in f:
            fields = line.split(";")
            parts = fields[5].split()
            if parts and parts[0].startswith("<"):
                parts = parts[1:]
            if parts:
                decomp[int(fields[0], 16)] = [int(x, 16) for x in parts]

    def full(cp, depth=0):
        if cp not in decomp or depth > 8:
            return [cp]
        return [y for x in decomp[cp] for y in full(x, depth + 1)]

    def folds(cp):
        return (0x2E80 <= cp <= 0x2FDF or 0x3200 <= cp <= 0x33FF or 0xF900 <= cp <= 0xFAFF or
                0x1F200 <= cp <= 0x1F2FF or 0x2F800 <= cp <= 0x2FA1F)
    compat = {}
    for cp in decomp:
        if folds(cp):
            target = full(cp)
            if any(is_han(t) for t in target):
                compat[cp] = target
    for cp, target in compat.items():
        han = [cls.get(t, OTHER) for t in target if is_han(t)]
        strong = [k for k in han if k & 7 in (S_ONLY, T_ONLY)]
        cls[cp] = (strong or han)[0]
    # Two-level table: distinct 256-entry blocks, as hex strings.
    blocks, index, seen = [], [], {}
    for base in range(0, LIMIT, 256):
        block = bytes(cls.get(cp, 0) for cp in range(base, base + 256))
        if block not in seen:
            seen[block] = len(blocks)
            blocks.append(block)
        index.append(seen[block])
    sources = [("OpenCC 1.1.6 " + n, paths[n]) for n in names]
    sources += [("Unihan 15.0 other mappings", other_path), ("Unicode 15.0 UnicodeData", unicode_data)]
    sources += [("mojifix devset corpus " + lang, corpus[lang]) for lang in ("zh-Hans", "zh-Hant")]
    text = banner("gen_zh_script.py", sources,
                  "Apache License 2.0 (OpenCC data, see lib/tables/NOTICE.opencc) and Unicode License v3")
    text += "// %d classified code points, %d blocks, %d Simplified and %d Traditional evidence phrases\n" % (
        len(cls), len(blocks), len(s_phrases), len(t_phrases))
    text += "#pragma once\n#include <cstdint>\n#include <string_view>\nnamespace mojifix::tables {\n\n"
    text += "inline constexpr char32_t zh_class_limit = 0x%X;\n" % LIMIT
    itype = "std::uint8_t" if len(blocks) <= 256 else "std::uint16_t"
    text += "inline constexpr %s zh_class_index[%d] = {\n" % (itype, len(index))
    for i in range(0, len(index), 32):
        text += "    " + ", ".join(str(x) for x in index[i:i + 32]) + ",\n"
    text += "};\n"
    text += string_parts("zh_class_blocks", [b[i:i + 64].hex() for b in blocks for i in range(0, 256, 64)],
                         doc="%d blocks of 256 classes, two hex digits each." % len(blocks)) + "\n"
    pairs = sorted(compat.items())
    text += "// Characters NFC / NFKC turn into Han text, and that text (see above).\n"
    text += c_array("char32_t", "zh_compat_from", [cp for cp, _ in pairs], 12, lambda v: "0x%X" % v)
    text += "inline constexpr std::string_view zh_compat_to[%d] = {\n" % len(pairs)
    for i in range(0, len(pairs), 8):
        text += "    " + ", ".join('"%s"' % "".join(chr(c) for c in t) for _, t in pairs[i:i + 8]) + ",\n"
    text += "};\n\n"
    for name, table in (("zh_simplified_phrases", s_phrases), ("zh_traditional_phrases", t_phrases)):
        lines = ["%s\t%s\n" % (k, table[k]) for k in sorted(table, key=lambda x: x.encode("utf-8"))]
        text += string_parts(name, lines, doc="KEY<TAB>its form in the other script") + "\n"
    text += "}  // namespace mojifix::tables\n"
    write(os.path.join(out_dir(sys.argv), "zh_script.inc"), text)


if __name__ == "__main__":
    main()
