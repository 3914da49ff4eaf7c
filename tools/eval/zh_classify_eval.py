#!/usr/bin/env python3
"""Builds a labelled set for `mojifix classify` from the devset corpus and measures accuracy.

  zh_classify_eval.py --mojifix build/mojifix [--corpus ../shared/devset/corpus/A]
                      [--per-group 400] [--seed 1] [--save set.jsonl]

Groups (each line of at least 8 Han characters; the label in brackets):
  simplified        zh-Hans lines that OpenCC t2s leaves alone and s2t changes        [hans]
  traditional-tw    zh-Hant lines (Taiwan translations) that s2t leaves alone           [hant]
  traditional-hk    the same lines through OpenCC t2hk (Hong Kong forms)                [hant]
  traditional-std   the same lines through OpenCC tw2t (OpenCC standard forms)          [hant]
  mixed-chars       simplified lines with one phrase converted by s2t                   [mixed]
  mixed-phrases     traditional-tw lines with one word replaced by its Simplified form
                    made of characters both scripts use, which OpenCC s2t turns back into the
                    word (由於 -> 由于, 日誌 -> 日志): phrase-only mixing                  [mixed]
  japanese          ja lines with kanji                                                  [none]
The conversions run through `mojifix convert` (identical to OpenCC 1.1.6, see
tests/opencc_diff.py); the labels never come from mojifix's classifier. The set is written only
with --save (it is large, and derived from the corpus: keep it out of git).
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
PHRASE = re.compile(r"[\u4e00-\u9fff]{2,4}")


def lines_of(path):
    with open(path, encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if len(HAN.findall(l)) >= 8]


def convert(tool, config, lines):
    """Each line through `mojifix convert CONFIG` (one process for all lines)."""
    out = subprocess.run([tool, "convert", config], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True).stdout.split("\n")
    return out[:len(lines)]


def classify(tool, lines):
    out = subprocess.run([tool, "classify", "--lines"], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True).stdout.split("\n")
    return out[:len(lines)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mojifix", required=True)
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "devset",
                                                     "corpus", "A"))
    ap.add_argument("--per-group", type=int, default=400)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--save")
    a = ap.parse_args()
    files = {k: os.path.join(a.corpus, k + ".txt") for k in ("zh-Hans", "zh-Hant", "ja")}
    if not all(os.path.exists(p) for p in files.values()):
        print("corpus not found at %s" % a.corpus, file=sys.stderr)
        return 77
    rng = random.Random(a.seed)
    tool = a.mojifix

    hans = lines_of(files["zh-Hans"])
    s2t, t2s = convert(tool, "s2t", hans), convert(tool, "t2s", hans)
    hans = [l for l, t, s in zip(hans, s2t, t2s) if t != l and s == l]
    hant = lines_of(files["zh-Hant"])
    hant = [l for l, t in zip(hant, convert(tool, "s2t", hant)) if t == l]
    rng.shuffle(hans)
    rng.shuffle(hant)
    n = a.per_group
    groups = {"simplified": [(l, "hans") for l in hans[:n]],
              "traditional-tw": [(l, "hant") for l in hant[:n]]}
    hk = convert(tool, "t2hk", hant[:n])
    std = convert(tool, "tw2t", hant[:n])
    groups["traditional-hk"] = [(l, "hant") for l in hk]
    groups["traditional-std"] = [(l, "hant") for l in std]

    # Mixed by characters: one phrase of a Simplified line converted to Traditional.
    cands = []
    for l in hans[n:]:
        ps = list(PHRASE.finditer(l))
        if ps:
            cands.append((l, ps[rng.randrange(len(ps))]))
        if len(cands) >= 2 * n:
            break
    conv = convert(tool, "s2t", [m.group() for _, m in cands])
    # The rest of the line must stay Simplified-only evidence: s2t changes it too.
    rests = [l[:m.start()] + "\n" + l[m.end():] for l, m in cands]
    rest_t = convert(tool, "s2t", [r.replace("\n", " ") for r in rests])
    groups["mixed-chars"] = [(l[:m.start()] + c + l[m.end():], "mixed")
                             for (l, m), c, r, rt in zip(cands, conv, rests, rest_t)
                             if c != m.group() and rt != r.replace("\n", " ")][:n]

    # Mixed by phrases only: a Traditional word replaced by its Simplified form made of shared
    # characters (the t2s form of a word whose characters t2s and s2t leave alone one by one).
    words = {}
    for l in hant[n:]:
        for m in PHRASE.finditer(l):
            words.setdefault(m.group(), 0)
    wl = list(words)
    ws = convert(tool, "t2s", wl)
    # Characters that single-character conversion leaves alone in both directions are shared.
    chars = sorted({c for w in wl + ws for c in w})
    c_s2t = convert(tool, "s2t", chars)
    c_t2s = convert(tool, "t2s", chars)
    shared = {c for c, a2, b2 in zip(chars, c_s2t, c_t2s) if a2 == c and b2 == c}
    back = convert(tool, "s2t", ws)  # OpenCC turns the Simplified form back into the word
    phrase_only = {w: s for w, s, b in zip(wl, ws, back) if s != w and b == w and all(c in shared for c in s)}
    pm = []
    for l in hant[n:]:
        for m in PHRASE.finditer(l):
            if m.group() in phrase_only:
                pm.append((l[:m.start()] + phrase_only[m.group()] + l[m.end():], "mixed"))
                break
        if len(pm) >= n:
            break
    groups["mixed-phrases"] = pm

    ja = lines_of(files["ja"])
    rng.shuffle(ja)
    groups["japanese"] = [(l, "none") for l in ja[:n]]

    print("%-18s %6s %9s  confusion" % ("group", "lines", "accuracy"))
    total = right = 0
    saved = []
    for g, items in groups.items():
        got = classify(tool, [l for l, _ in items])
        ok = sum(v == lab for v, (_, lab) in zip(got, items))
        conf = {}
        for v in got:
            conf[v] = conf.get(v, 0) + 1
        total += len(items)
        right += ok
        print("%-18s %6d %9.3f  %s" % (g, len(items), ok / max(1, len(items)),
                                        " ".join("%s=%d" % kv for kv in sorted(conf.items()))))
        saved += [{"group": g, "text": l, "label": lab, "verdict": v} for (l, lab), v in zip(items, got)]
    print("%-18s %6d %9.3f" % ("all", total, right / max(1, total)))
    if a.save:
        with open(a.save, "w", encoding="utf-8") as f:
            for s in saved:
                f.write(json.dumps(s, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
