#!/usr/bin/env python3
"""List the devset cases of some kinds that mojifix does not repair exactly, with a diff.

mojibake_failures.py --cases FILE [--cases FILE ...] --kinds REGEX [--cmd 'build/mojifix --jsonl']
                     [--lossy] [--max N]

Runs CMD once in batch mode (one {"text"} JSON object per line) over the matching cases and
prints, per failing case, the first differing stretch of expected vs. output. For measuring
only: never copy what it shows into code or tests. Exits 77 when a case file is absent.
"""
import argparse, difflib, json, os, re, shlex, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from byteshift_eval import lev  # noqa: E402  (edit distance, as check.py)


def show(a, b):
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    parts = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == 'equal':
            continue
        lo = max(0, i1 - 12)
        parts.append(f'  {op}: …{a[lo:i1]}[{a[i1:i2]}]{a[i2:i2 + 12]}…  →  [{b[j1:j2]}]')
        if len(parts) >= 4:
            break
    return '\n'.join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cases', action='append', required=True)
    ap.add_argument('--kinds', required=True)
    ap.add_argument('--cmd', default='build/mojifix --jsonl')
    ap.add_argument('--lossy', action='store_true', help='lossy cases too')
    ap.add_argument('--max', type=int, default=1000)
    ap.add_argument('--summary', action='store_true', help='per-kind figures only (as check.py)')
    a = ap.parse_args()
    kre = re.compile(a.kinds)
    cases = []
    for cf in a.cases:
        if not os.path.exists(cf):
            return 77
        for line in open(cf, encoding='utf-8'):
            d = json.loads(line)
            if kre.search(d['kind']) and (a.lossy or not d.get('lossy')):
                cases.append(d)
    data = ''.join(json.dumps({'text': c['input']}, ensure_ascii=False) + '\n' for c in cases)
    r = subprocess.run(shlex.split(a.cmd), input=data.encode(), capture_output=True, check=True)
    outs = [json.loads(l)['text'] for l in r.stdout.decode().splitlines()]
    bad = 0
    if a.summary:
        per = {}
        for c, out in zip(cases, outs):
            st = per.setdefault(c['kind'], [0, 0, 0, 0.0])
            e = c['expected']
            if c.get('lossy'):
                st[2] += 1
                st[3] += max(0.0, 1 - lev(out, e) / max(1, len(e))) if len(e) < 3000 else float(out == e)
            else:
                st[0] += 1
                st[1] += out == e
        for k in sorted(per):
            n, ok, ln, lc = per[k]
            print(f'{k:34} {ok / n if n else 0:.3f} ({n}) {lc / ln if ln else 0:.3f} ({ln})')
        return 0
    for c, out in zip(cases, outs):
        if out == c['expected']:
            continue
        bad += 1
        if bad <= a.max:
            print(f"== {c['id']} {c['kind']} {c['lang']} lossy={c.get('lossy')}")
            print(show(c['expected'], out))
    print(f'{bad} of {len(cases)} differ')
    return 0


if __name__ == '__main__':
    sys.exit(main())
