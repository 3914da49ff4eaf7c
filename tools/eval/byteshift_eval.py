#!/usr/bin/env python3
"""Byte-repair accuracy of the byte_shift stage on the devset's annotated_bytes_* cases, apart
from what no byte repair can decide (whether a `，` had become `,` through fw2ascii, and the
Hans->Hant->Hans round trip of the GBK cases).

    python3 tools/eval/byteshift_eval.py [--mojifix build/mojifix] [--cases FILE]

Runs `mojifix --jsonl --no-script --no-normalize` (byte repair and gloss removal only, no
conversion) and compares with the reference the bytes determine: for GBK cases the expected
text converted Hans->Hant character by character with ICU (uconv, as the damage did), for Big5
the expected text; both sides with `，：；（）！` folded to ASCII. Exits 77 when ../shared or uconv
is absent.
"""
import argparse, json, os, shutil, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FOLD = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!"})


def lev(a, b):
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mojifix", default=os.path.join(HERE, "..", "..", "build", "mojifix"))
    ap.add_argument("--cases", default=os.path.join(HERE, "..", "..", "..", "shared", "devset", "cases",
                                                   "A-extra-seed1.jsonl"))
    a = ap.parse_args()
    if not os.path.exists(a.cases) or not shutil.which("uconv"):
        print("skip: no devset cases or no uconv")
        return 77
    cases = [json.loads(l) for l in open(a.cases, encoding="utf-8")]
    cases = [c for c in cases if c["kind"].startswith("annotated_bytes_")]
    inp = "".join(json.dumps({"text": c["input"]}, ensure_ascii=False) + "\n" for c in cases)
    out = subprocess.run([a.mojifix, "--jsonl", "--no-script", "--no-normalize"], input=inp,
                         capture_output=True, text=True).stdout.splitlines()
    gbk_refs = subprocess.run(["uconv", "-f", "utf-8", "-t", "utf-8", "-x", "Hans-Hant"],
                              input="\n".join(json.dumps(c["expected"], ensure_ascii=False) for c in cases),
                              capture_output=True, text=True).stdout.splitlines()
    stats = {}
    for c, o, g in zip(cases, out, gbk_refs):
        ref = json.loads(g) if c["kind"].endswith("gbk") else c["expected"]
        got = json.loads(o)["text"].translate(FOLD)
        ref = ref.translate(FOLD)
        st = stats.setdefault((c["kind"], c["lossy"]), [0, 0, 0.0])
        st[0] += 1
        st[1] += got == ref
        st[2] += max(0.0, 1 - lev(got, ref) / max(1, len(ref))) if len(ref) < 4000 else float(got == ref)
    print("%-24s %-8s %5s %7s %7s" % ("kind", "cases", "n", "exact", "chars"))
    for (k, lossy), (n, ok, ch) in sorted(stats.items()):
        print("%-24s %-8s %5d %7.3f %7.3f" % (k, "lossy" if lossy else "lossless", n, ok / n, ch / n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
