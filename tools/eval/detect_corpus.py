#!/usr/bin/env python3
"""Builds a labelled corpus for measuring encoding detection (not committed; written to /tmp).

Clean text (one paragraph a line, <lang>.txt, e.g. ../shared/devset/corpus/A) is re-encoded into
every codec that holds the language: UTF-8, UTF-16LE/BE (and with a BOM), UTF-32LE/BE, and the
legacy codecs made for its script. Samples are consecutive paragraphs from a random line, cut to
~4 KB ("full"), 200 and 50 bytes ("b200", "b050": the longest text prefix whose encoding fits)
and the first 32 bytes of an encoded text cut at a character boundary ("b032", as
`run_detect.py --max-bytes 32` cuts). Texts a codec cannot encode are skipped; for a variant
label (gbk, gb18030, cp950, big5-hkscs, cp932, cp949) texts that need the variant are preferred
when the corpus has them, so that naming the variant is tested too.

Layout (the one ../shared/devset/detect/run_detect.py reads): OUT/<encoding>/<lang>__<tag>__NNN.txt

    python3 tools/eval/detect_corpus.py [--corpus DIR] [--out DIR] [--seed N] [--source NAME]
"""
import argparse
import codecs
import itertools
import os
import random
import shutil
import sys
import unicodedata

UTF = ["utf-8", "utf-16le", "utf-16be", "utf-16", "utf-32le", "utf-32be"]
WESTERN = ["windows-1252", "iso-8859-1", "iso-8859-15", "macintosh"]
LEGACY = {
    "de": WESTERN, "en": WESTERN, "es": WESTERN, "fr": WESTERN,
    "it": WESTERN, "pt": WESTERN, "nl": WESTERN, "da": WESTERN, "sv": WESTERN, "fi": WESTERN,
    "ca": WESTERN, "gl": WESTERN, "eu": WESTERN, "id": ["windows-1252", "iso-8859-1"],
    "pl": ["windows-1250", "iso-8859-2"], "cs": ["windows-1250", "iso-8859-2"],
    "sk": ["windows-1250", "iso-8859-2"], "hu": ["windows-1250", "iso-8859-2"],
    "hr": ["windows-1250", "iso-8859-2"], "sl": ["windows-1250", "iso-8859-2"],
    "ro": ["windows-1250"],
    "tr": ["windows-1254", "iso-8859-9"],
    "vi": ["windows-1258"],
    "el": ["windows-1253", "iso-8859-7"],
    "ru": ["windows-1251", "koi8-r", "iso-8859-5", "ibm866"],
    "uk": ["windows-1251", "koi8-u", "iso-8859-5"],
    "bg": ["windows-1251", "iso-8859-5", "ibm866"],
    "sr": ["windows-1251", "iso-8859-5"],
    "be": ["windows-1251"],
    "he": ["windows-1255", "iso-8859-8"],
    "ar": ["windows-1256"],
    "lt": ["windows-1257"], "lv": ["windows-1257"], "et": ["windows-1257"],
    "th": ["tis-620"],
    "ja": ["shift_jis", "cp932", "euc-jp", "iso-2022-jp"],
    "ko": ["euc-kr", "cp949", "iso-2022-kr"],
    "zh-Hans": ["gb2312", "gbk", "gb18030"], "zh_CN": ["gb2312", "gbk", "gb18030"],
    "zh-Hant": ["big5", "cp950", "big5-hkscs", "gbk", "gb18030"], "zh_TW": ["big5", "cp950", "big5-hkscs"],
}
PY = {"macintosh": "mac_roman", "ibm866": "cp866", "big5-hkscs": "big5hkscs", "tis-620": "cp874",
      "utf-16": "utf-16-le", "euc-jp": "euc_jp", "euc-kr": "euc_kr", "iso-2022-jp": "iso2022_jp",
      "iso-2022-kr": "iso2022_kr", "shift_jis": "shift_jis"}
# A variant label prefers texts its smaller sibling cannot encode.
SMALLER = {"gbk": "gb2312", "gb18030": "gbk", "cp950": "big5", "big5-hkscs": "big5", "cp932": "shift_jis",
           "cp949": "euc_kr", "koi8-u": "koi8_r", "iso-8859-15": "latin-1"}
TAGS = [("full", 4000), ("b200", 200), ("b050", 50), ("b032", 32)]


def pycodec(label):
    return PY.get(label, label)


def encode_1258(text):
    """windows-1258 holds Vietnamese with combining tone marks: compose what it has, decompose the rest."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        # compose the base with some of the marks (ê, ơ, ă ...), write the others as marks
        for k in range(len(marks), -1, -1):
            done = False
            for used in itertools.combinations(range(len(marks)), k):
                head = unicodedata.normalize("NFC", base + "".join(marks[i] for i in used))
                rest = "".join(m for i, m in enumerate(marks) if i not in used)
                try:
                    out += head.encode("cp1258") + rest.encode("cp1258")
                    done = True
                    break
                except UnicodeEncodeError:
                    continue
            if done:
                break
        else:
            raise UnicodeEncodeError("cp1258", ch, 0, 1, "not encodable")
    return bytes(out)


def encode(text, label):
    if label == "windows-1258":
        return encode_1258(text)
    data = text.encode(pycodec(label))
    return (codecs.BOM_UTF16_LE + data) if label == "utf-16" else data


def encodable(text, label):
    try:
        encode(text, label)
        return True
    except UnicodeEncodeError:
        return False


def fit(text, label, limit):
    """The longest prefix of `text` whose encoding fits in `limit` bytes, encoded."""
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if len(encode(text[:mid], label)) <= limit:
            lo = mid
        else:
            hi = mid - 1
    return encode(text[:lo], label) if lo else b""


def cut(data, label, limit):
    """The first `limit` bytes of `data`, cut at a character boundary (like run_detect.py)."""
    if len(data) <= limit:
        return data
    chunk = data[:limit]
    if label.startswith(("utf-16", "utf-32")):
        unit = 4 if label.startswith("utf-32") else 2
        chunk = chunk[:len(chunk) - len(chunk) % unit]
        if unit == 2 and len(chunk) >= 2:
            hi = chunk[-2] if label == "utf-16be" else chunk[-1]
            if 0xD8 <= hi <= 0xDB:
                chunk = chunk[:-2]
        return chunk
    dec = codecs.getincrementaldecoder("cp1258" if label == "windows-1258" else pycodec(label))()
    good = 0
    for i in range(len(chunk)):
        if dec.decode(chunk[i:i + 1]):
            good = i + 1
    return chunk[:good]


def paragraphs(path):
    with open(path, encoding="utf-8") as f:
        return [unicodedata.normalize("NFC", l.rstrip("\n")) for l in f if l.strip()]


def sample_text(paras, rng, need_bytes, label, prefer_not=None, tries=400):
    """Consecutive paragraphs from a random line, encodable in `label`, long enough."""
    fallback = None
    for _ in range(tries):
        i = rng.randrange(len(paras))
        text = paras[i]
        j = i + 1
        while len(text.encode("utf-8")) < need_bytes * 2 and j < len(paras):
            text += "\n" + paras[j]
            j += 1
        # keep whole paragraphs only while they encode
        if not encodable(text, label):
            parts = text.split("\n")
            while parts and not encodable("\n".join(parts), label):
                parts.pop()
            text = "\n".join(parts)
            if len(text) < 4:
                continue
        if prefer_not:
            head = text[: max(8, need_bytes)]
            try:
                head.encode(prefer_not)
            except UnicodeEncodeError:
                return text
            fallback = fallback or text
            continue
        return text
    return fallback


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(root), "shared", "devset", "corpus", "A"))
    ap.add_argument("--out", default="/tmp/mojifix-detect-corpus")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--source", default="poolA", help="name written into the sample file names")
    ap.add_argument("--counts", default="8,24,24,24", help="samples per codec for full,b200,b050,b032")
    ap.add_argument("--langs", help="comma-separated languages (default: every <lang>.txt)")
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        print("corpus not found: %s" % a.corpus, file=sys.stderr)
        return 77
    counts = [int(x) for x in a.counts.split(",")]
    rng = random.Random(a.seed)
    if os.path.isdir(a.out):
        shutil.rmtree(a.out)
    langs = sorted(f[:-4] for f in os.listdir(a.corpus) if f.endswith(".txt"))
    if a.langs:
        langs = [l for l in langs if l in a.langs.split(",")]
    total = 0
    for lang in langs:
        paras = paragraphs(os.path.join(a.corpus, lang + ".txt"))
        if len(paras) < 20:
            continue
        for label in UTF + LEGACY.get(lang, []):
            prefer_not = SMALLER.get(label)
            # Unicode forms are easy and many: fewer samples, so they do not swamp the totals.
            share = 4 if label in ("utf-16", "utf-32le", "utf-32be") else 2 if label in UTF else 1
            folder = os.path.join(a.out, label)
            os.makedirs(folder, exist_ok=True)
            for (tag, size), count in zip(TAGS, counts):
                count = max(1, count // share)
                made = 0
                for k in range(count * 3):
                    if made == count:
                        break
                    text = sample_text(paras, rng, max(size, 200), label, prefer_not)
                    if not text:
                        break
                    if tag == "b032":
                        data = cut(fit(text, label, 400), label, size)
                    elif tag == "full":
                        data = fit(text, label, 4096)
                        if len(data) < 3000:
                            continue
                    else:
                        data = fit(text, label, size)
                    if len(data) < min(size, 24) // 2:
                        continue
                    made += 1
                    name = "%s__%s__%s-%03d.txt" % (lang, tag, a.source, made)
                    with open(os.path.join(folder, name), "wb") as f:
                        f.write(data)
            total += 1
    print("wrote %s (%d language/codec pairs)" % (a.out, total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
