#!/usr/bin/env python3
"""Scores mojifix's encoding detection, uchardet and ICU on a labelled corpus, in the same run.

Corpus layout: CORPUS/<encoding>/<lang>__<tag>__NNN.txt (tools/eval/detect_corpus.py writes one).
mojifix runs as `mojifix detect FILE...` (a few hundred files per process); uchardet and ICU's
CharsetDetector are called in-process through ctypes.

A detection passes when the names agree up to the accepted equivalences (ascii < utf-8;
gb2312 < gbk < gb18030, a superset answer is right; big5 ~ cp950 ~ big5-hkscs; shift_jis ~ cp932;
euc-kr ~ cp949; iso-8859-1 ~ windows-1252 when the sample has no byte 0x80-0x9F; tis-620 ~
windows-874; a BOM-less utf-16/utf-32 name for a file with a BOM), or when decoding the sample
with the answer gives exactly the text the true codec gives (NFC), e.g. German without special
letters read as iso-8859-15. "name" accuracy counts only the first rule.

    python3 tools/eval/detect_score.py [--corpus DIR] [--mojifix build/mojifix] [--max-bytes N]
                                       [--baselines uchardet,icu] [--errors N] [--markdown]
"""
import argparse
import codecs
import collections
import ctypes
import ctypes.util
import os
import re
import subprocess
import sys
import unicodedata

TAG_ORDER = ["full", "b200", "b050", "b032"]
TAG_NAME = {"full": "~4 KB", "b200": "200 B", "b050": "50 B", "b032": "32 B"}
ALIAS = {"macintosh": "mac-roman", "ibm866": "cp866", "windows-874": "cp874", "tis-620": "cp874",
         "iso-8859-11": "cp874", "x-mac-cyrillic": "mac-cyrillic", "uhc": "cp949", "ascii/unknown": "ascii",
         "utf-8-sig": "utf-8", "big5hkscs": "big5hkscs", "x-euc-tw": "euc-tw", "ks_c_5601-1987": "euc_kr"}
FAMILY = [
    ("UTF-8", ["utf-8"]), ("UTF-16", ["utf-16", "utf-16-le", "utf-16-be"]), ("UTF-32", ["utf-32-le", "utf-32-be"]),
    ("GB2312/GBK/GB18030", ["gb2312", "gbk", "gb18030"]), ("Big5/cp950/HKSCS", ["big5", "cp950", "big5hkscs"]),
    ("Shift_JIS/cp932", ["shift_jis", "cp932"]), ("EUC-JP", ["euc_jp"]), ("ISO-2022-JP", ["iso2022_jp"]),
    ("EUC-KR/cp949", ["euc_kr", "cp949"]), ("ISO-2022-KR", ["iso2022_kr"]),
    ("Cyrillic 8-bit", ["cp1251", "koi8-r", "koi8-u", "iso8859-5", "cp866"]),
    ("Greek 8-bit", ["cp1253", "iso8859-7"]), ("Central European 8-bit", ["cp1250", "iso8859-2"]),
    ("Western 8-bit", ["cp1252", "iso8859-1", "iso8859-15", "mac-roman"]), ("Turkish 8-bit", ["cp1254", "iso8859-9"]),
    ("Vietnamese 8-bit", ["cp1258"]), ("Baltic 8-bit", ["cp1257"]), ("Hebrew 8-bit", ["cp1255", "iso8859-8"]),
    ("Arabic 8-bit", ["cp1256"]), ("Thai 8-bit", ["cp874"]),
]
FAMILY_OF = {c: f for f, cs in FAMILY for c in cs}
MUTUAL = [{"big5", "cp950", "big5hkscs"}, {"shift_jis", "cp932"}, {"euc_kr", "cp949"}]


def canon(name):
    """Python's codec name for any detector's label ("none" when unknown or empty)."""
    n = (name or "").strip().lower()
    if not n or n in ("none", "unknown", "binary"):
        return "none"
    n = ALIAS.get(n, n)
    try:
        return codecs.lookup(n).name
    except LookupError:
        return n


def decode(data, name):
    if name == "utf-16" and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        name = "utf-16-le"
    try:
        return unicodedata.normalize("NFC", data.decode(name))
    except (UnicodeDecodeError, LookupError):
        return None


def judge(truth, det, data):
    """(name_ok, text_ok)."""
    if det == truth:
        return True, True
    ok = any(truth in g and det in g for g in MUTUAL)
    ok |= truth == "ascii" and det == "utf-8"
    ok |= truth == "gb2312" and det in ("gbk", "gb18030") or truth == "gbk" and det == "gb18030"
    ok |= {truth, det} == {"iso8859-1", "cp1252"} and not re.search(rb"[\x80-\x9f]", data)
    ok |= truth == "utf-16" and det in ("utf-16-le", "utf-16") and data[:2] == b"\xff\xfe"
    if ok:
        return True, True
    if det == "none":
        return False, False
    a = decode(data, truth)
    return False, a is not None and a == decode(data, det)


def load(root, max_bytes):
    items = []
    for enc in sorted(os.listdir(root)):
        d = os.path.join(root, enc)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            parts = f.split("__")
            if len(parts) < 3:
                continue
            path = os.path.join(d, f)
            with open(path, "rb") as fh:
                data = fh.read()
            if max_bytes is not None and len(data) > max_bytes:
                sys.exit("--max-bytes: cut the corpus when generating it (tag b032); got a longer file %s" % path)
            items.append({"path": path, "truth": canon(enc), "label": enc, "lang": parts[0], "tag": parts[1],
                          "data": data})
    return items


def run_mojifix(tool, items, max_bytes, batch=400):
    out = []
    for k in range(0, len(items), batch):
        paths = [it["path"] for it in items[k:k + batch]]
        cmd = [tool, "detect"] + (["--max-bytes", str(max_bytes)] if max_bytes else []) + paths
        res = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
        lines = res.stdout.splitlines()
        if len(lines) != len(paths):
            sys.exit("mojifix printed %d lines for %d files:\n%s" % (len(lines), len(paths), res.stderr[-2000:]))
        for line in lines:
            _, enc, conf = line.split("\t")[:3]
            out.append((enc, float(conf)))
    return out


def make_uchardet():
    lib = ctypes.CDLL(ctypes.util.find_library("uchardet"))
    lib.uchardet_new.restype = ctypes.c_void_p
    for f in ("uchardet_handle_data", "uchardet_data_end", "uchardet_reset", "uchardet_get_charset"):
        getattr(lib, f).argtypes = [ctypes.c_void_p] + ([ctypes.c_char_p, ctypes.c_size_t] if f.endswith("data") else [])
    lib.uchardet_get_charset.restype = ctypes.c_char_p
    h = lib.uchardet_new()

    def detect(data):
        lib.uchardet_reset(h)
        lib.uchardet_handle_data(h, data, len(data))
        lib.uchardet_data_end(h)
        return (lib.uchardet_get_charset(h) or b"").decode()
    return detect


def make_icu():
    path = ctypes.util.find_library("icui18n")
    lib = ctypes.CDLL(path)
    ver = re.search(r"\.so\.(\d+)", path)
    suf = next(s for s in (["_" + ver.group(1)] if ver else []) + [""] + ["_%d" % v for v in range(80, 44, -1)]
               if hasattr(lib, "ucsdet_open" + s))

    def fn(n, res, args):
        f = getattr(lib, n + suf)
        f.restype, f.argtypes = res, args
        return f
    ep = ctypes.POINTER(ctypes.c_int)
    u_open = fn("ucsdet_open", ctypes.c_void_p, [ep])
    u_set = fn("ucsdet_setText", None, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int32, ep])
    u_detect = fn("ucsdet_detect", ctypes.c_void_p, [ctypes.c_void_p, ep])
    u_name = fn("ucsdet_getName", ctypes.c_char_p, [ctypes.c_void_p, ep])
    det = u_open(ctypes.byref(ctypes.c_int(0)))

    def detect(data):
        e = ctypes.c_int(0)
        u_set(det, data, len(data), ctypes.byref(e))
        m = u_detect(det, ctypes.byref(e))
        return (u_name(m, ctypes.byref(e)) or b"").decode() if m and e.value <= 0 else "none"
    return detect


def pct(a, n):
    return "%.1f" % (100.0 * a / n) if n else "-"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="/tmp/mojifix-detect-corpus")
    ap.add_argument("--mojifix", default=os.path.join(root, "build", "mojifix"))
    ap.add_argument("--max-bytes", type=int, help="passed to mojifix detect (the corpus holds the cut samples)")
    ap.add_argument("--baselines", default="uchardet,icu")
    ap.add_argument("--errors", type=int, default=20, help="show the N most frequent mojifix errors")
    ap.add_argument("--only-tag", help="score only samples of this tag (full, b200, b050, b032)")
    ap.add_argument("--csv", help="write per-sample mojifix results here")
    a = ap.parse_args()
    items = load(a.corpus, None)
    if a.only_tag:
        items = [it for it in items if it["tag"] == a.only_tag]
    if not items:
        sys.exit("empty corpus: %s" % a.corpus)
    res = run_mojifix(a.mojifix, items, a.max_bytes)
    detectors = {"mojifix": [e for e, _ in res]}
    conf = [c for _, c in res]
    makers = {"uchardet": make_uchardet, "icu": make_icu}
    for b in [x for x in a.baselines.split(",") if x]:
        fn = makers[b]()
        detectors[b] = [fn(it["data"]) for it in items]

    names = list(detectors)
    # cells[detector][(family, tag)] = [n, text_ok, name_ok]
    cells = {d: collections.defaultdict(lambda: [0, 0, 0]) for d in names}
    errors = collections.Counter()
    ok_flags = []
    for i, it in enumerate(items):
        fam = FAMILY_OF.get(it["truth"], "other")
        for d in names:
            got = canon(detectors[d][i])
            name_ok, text_ok = judge(it["truth"], got, it["data"])
            for key in ((fam, it["tag"]), (fam, "all"), ("ALL", it["tag"]), ("ALL", "all")):
                c = cells[d][key]
                c[0] += 1
                c[1] += text_ok
                c[2] += name_ok
            if d == "mojifix":
                ok_flags.append(text_ok)
                if not text_ok:
                    errors[(it["label"], detectors[d][i], it["tag"])] += 1

    tags = [t for t in TAG_ORDER if any((f, t) in cells["mojifix"] for f, _ in FAMILY + [("ALL", None)])]
    print("corpus %s: %d samples; text accuracy %% (name accuracy in the last block)\n" % (a.corpus, len(items)))
    head = "| family | " + " | ".join("%s %s" % (TAG_NAME[t], d) for t in tags for d in names) + " |"
    print(head)
    print("|---|" + "---:|" * (len(tags) * len(names)))
    for fam in [f for f, _ in FAMILY] + ["ALL"]:
        if (fam, "all") not in cells["mojifix"]:
            continue
        row = []
        for t in tags:
            for d in names:
                n, ok, _ = cells[d].get((fam, t), [0, 0, 0])
                row.append(pct(ok, n) + ("" if d != "mojifix" else " (%d)" % n))
        print("| %s | %s |" % (fam, " | ".join(row)))
    print("\nPASS lines (text accuracy):")
    for d in names:
        line = "  %-9s" % d
        for t in tags:
            n, ok, nm = cells[d][("ALL", t)]
            line += "  %s %d/%d (%s%%, name %s%%)" % (TAG_NAME[t], ok, n, pct(ok, n), pct(nm, n))
        print(line)
    # reliability of mojifix's confidence
    bins = [0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99, 1.01]
    print("\nmojifix confidence reliability (all samples):")
    print("| confidence | samples | mean confidence | accuracy |")
    print("|---|---:|---:|---:|")
    for lo, hi in zip(bins, bins[1:]):
        sel = [(c, ok) for c, ok in zip(conf, ok_flags) if lo <= c < hi]
        if sel:
            print("| [%.2f, %.2f) | %d | %.3f | %.3f |" % (lo, min(hi, 1.0), len(sel), sum(c for c, _ in sel) / len(sel),
                                                      sum(ok for _, ok in sel) / len(sel)))
    if errors and a.errors:
        print("\nmost frequent mojifix errors (truth, answer, tag): count")
        for (t, g, tag), c in errors.most_common(a.errors):
            print("  %-12s -> %-14s %-5s %d" % (t, g, tag, c))
    if a.csv:
        with open(a.csv, "w") as f:
            for it, (e, c), ok in zip(items, res, ok_flags):
                f.write("%s\t%s\t%s\t%.2f\t%d\n" % (it["path"], it["label"], e, c, ok))
    return 0


if __name__ == "__main__":
    sys.exit(main())
