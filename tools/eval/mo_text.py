#!/usr/bin/env python3
"""Collects unseen clean text for detection tests: the translations in installed .mo catalogs.

Writes OUT/<lang>.txt (one translated message a line, deduplicated, NFC) from
/usr/share/locale/<locale>/LC_MESSAGES/*.mo, leaving out iso-codes (the letter statistics come from
it) and the catalogs of the packages the devset corpus was built from (so the text is not the one
the tables were made of). The output feeds
tools/eval/detect_corpus.py --corpus OUT. Nothing of it is committed.

    python3 tools/eval/mo_text.py [--out DIR] [--exclude-manifest ../shared/devset/corpus/A/MANIFEST.tsv]
"""
import argparse
import glob
import os
import re
import struct
import sys
import unicodedata

LOCALES = {  # locale directory -> language tag used by detect_corpus.py
    "de": "de", "fr": "fr", "es": "es", "it": "it", "pt": "pt", "nl": "nl", "sv": "sv", "fi": "fi",
    "ca": "ca", "id": "id", "pl": "pl", "cs": "cs", "sk": "sk", "hu": "hu", "hr": "hr", "sl": "sl",
    "ro": "ro", "tr": "tr", "vi": "vi", "el": "el", "ru": "ru", "uk": "uk", "bg": "bg", "sr": "sr",
    "be": "be", "he": "he", "ar": "ar", "lt": "lt", "lv": "lv", "et": "et", "th": "th", "ja": "ja",
    "ko": "ko", "zh_CN": "zh-Hans", "zh_TW": "zh-Hant",
}


def messages(path):
    """The translated strings of a GNU .mo file."""
    with open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412DE else ">"
    _, count, _, trans = struct.unpack(end + "4I", data[4:20])
    for i in range(count):
        length, offset = struct.unpack(end + "2I", data[trans + 8 * i:trans + 8 * i + 8])
        for part in data[offset:offset + length].split(b"\0"):
            try:
                yield part.decode("utf-8")
            except UnicodeDecodeError:
                continue


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="/tmp/mojifix-mo-text")
    ap.add_argument("--exclude-manifest",
                    default=os.path.join(os.path.dirname(root), "shared", "devset", "corpus", "A", "MANIFEST.tsv"))
    a = ap.parse_args()
    excluded = set()
    if os.path.exists(a.exclude_manifest):
        with open(a.exclude_manifest, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 3:
                    excluded.update({cols[1], cols[2], cols[1].split("-")[0], cols[2].split("-")[0]})
    excluded.update({"procps-ng", "man-db-gnulib", "wget-gnulib", "gettext-runtime", "gettext-tools", "gnupg2",
                     "shadow", "util-linux", "e2fsprogs", "xz", "psmisc", "debian-faq"})
    os.makedirs(a.out, exist_ok=True)
    for loc, lang in sorted(LOCALES.items()):
        seen, lines = set(), []
        for mo in sorted(glob.glob("/usr/share/locale/%s/LC_MESSAGES/*.mo" % loc)):
            domain = os.path.basename(mo)[:-3]
            if domain.startswith("iso_") or domain in excluded or re.sub(r"[-_.0-9]+$", "", domain) in excluded:
                continue
            for msg in messages(mo):
                text = unicodedata.normalize("NFC", " ".join(msg.split()))
                if len(text) >= 8 and text not in seen and not text.isascii():
                    seen.add(text)
                    lines.append(text)
        if len(lines) >= 200:
            with open(os.path.join(a.out, lang + ".txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            print("%s: %d messages" % (lang, len(lines)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
