#!/usr/bin/env python3
"""Generates the tables of the plausibility model (lib/model/): how likely a text is as real text.

The model is a character bigram model over *classes* (script x case, punctuation kinds, symbols,
controls, ...) with per-character costs inside each class, plus character-pair statistics for
CJK text. Costs are -log2 probabilities.

lib/tables/model_chars.inc  class and cost (half bits, 0..63) of every BMP code point, as two
                            base64 strings; ranges for the other planes
lib/tables/model_trans.inc  class-to-class transition costs (quarter bits)
lib/tables/model_pairs.inc  CJK character pairs seen in the corpus with their cost (half bits)

Inputs: Unicode data (UnicodeData.txt, Scripts.txt, Unihan) from Debian `unicode-data`, and the
clean text in ../shared/devset/corpus/A/*.txt (never the scored cases).
"""
import bz2
import collections
import glob
import math
import os
import sys

from common import SHARED_DIR, UNICODE_DIR, banner, need, out_dir, write

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

CLASSES = [
    "control", "space", "newline", "digit", "ascii_punct", "ascii_upper", "ascii_lower",
    "latin_upper", "latin_lower", "cyr_upper", "cyr_lower", "greek_upper", "greek_lower",
    "hebrew", "arabic", "thai", "indic", "other_letter",
    "han", "han_rare", "hiragana", "katakana", "halfwidth_kana", "hangul", "jamo", "bopomofo",
    "cjk_punct", "fullwidth_alnum", "fullwidth_punct",
    "latin1_punct", "latin1_symbol", "gen_punct", "currency", "letterlike", "math_arrows", "box",
    "shapes", "other_symbol", "emoji", "emoji_mod", "combining", "modifier", "c1", "pua",
    "unassigned", "replacement", "format", "other_number", "cjk_compat",
]
C = {name: i for i, name in enumerate(CLASSES)}
LETTER_CLASSES = {"ascii_upper", "ascii_lower", "latin_upper", "latin_lower", "cyr_upper", "cyr_lower",
                  "greek_upper", "greek_lower"}
CJK_PAIR_CLASSES = {"han", "han_rare", "hiragana", "katakana", "hangul", "cjk_punct", "fullwidth_punct",
                    "fullwidth_alnum", "halfwidth_kana", "bopomofo", "jamo", "cjk_compat"}

# Fixed costs (bits) for what real text does not contain; they override corpus estimates.
FIXED_UNIGRAM = {"control": 14, "c1": 16, "pua": 16, "unassigned": 18, "replacement": 2}


def load_unicode():
    cat, script = {}, {}
    with open(need(os.path.join(UNICODE_DIR, "UnicodeData.txt")), encoding="utf-8") as f:
        first = None
        for line in f:
            fld = line.split(";")
            cp = int(fld[0], 16)
            if fld[1].endswith(", First>"):
                first = cp
                continue
            if fld[1].endswith(", Last>"):
                for c in range(first, cp + 1):
                    cat[c] = fld[2]
                continue
            cat[cp] = fld[2]
    with open(need(os.path.join(UNICODE_DIR, "Scripts.txt")), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            rng, name = [x.strip() for x in line.split(";")]
            a, _, b = rng.partition("..")
            for c in range(int(a, 16), int(b or a, 16) + 1):
                script[c] = name
    return cat, script


def classify(cp, cat, script):
    g = cat.get(cp, "Cn")
    s = script.get(cp, "Unknown")
    if cp == 0xFFFD:
        return "replacement"
    if cp in (0x0A, 0x0D, 0x2028, 0x2029):
        return "newline"
    if cp in (0x09, 0x20) or g == "Zs":
        return "space"
    if cp < 0x20 or cp == 0x7F:
        return "control"
    if 0x80 <= cp < 0xA0:
        return "c1"
    if cp < 0x80:
        if chr(cp).isdigit():
            return "digit"
        if chr(cp).isupper():
            return "ascii_upper"
        if chr(cp).islower():
            return "ascii_lower"
        return "ascii_punct"
    if g == "Co":
        return "pua"
    if g in ("Cn", "Cs"):
        return "unassigned"
    if cp in (0x200D, 0xFE0E, 0xFE0F, 0x20E3) or 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F:
        return "emoji_mod"
    if g == "Cf":
        return "format"
    if g in ("Mn", "Me"):
        return "combining"  # lone or stacked marks are typical of mis-decoding in every script
    if 0xA0 <= cp <= 0xBF or cp in (0xD7, 0xF7):
        return "latin1_punct" if cp in (0xA1, 0xA7, 0xAB, 0xB6, 0xB7, 0xBB, 0xBF) else "latin1_symbol"
    if 0xFF61 <= cp <= 0xFF9F:
        return "halfwidth_kana"
    if 0xFF10 <= cp <= 0xFF19 or 0xFF21 <= cp <= 0xFF3A or 0xFF41 <= cp <= 0xFF5A:
        return "fullwidth_alnum"
    if 0xFF00 <= cp <= 0xFFEF:
        return "fullwidth_punct"
    if 0x3000 <= cp <= 0x303F or 0xFE30 <= cp <= 0xFE4F or 0xFE10 <= cp <= 0xFE1F:
        return "cjk_punct"
    if s == "Han":
        if 0x4E00 <= cp <= 0x9FFF:
            return "han"
        if 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F or 0x2E80 <= cp <= 0x2FDF:
            return "cjk_compat"
        return "han_rare"
    if 0x3200 <= cp <= 0x33FF or 0x1F200 <= cp <= 0x1F2FF:
        return "cjk_compat"
    if s == "Hiragana":
        return "hiragana"
    if s == "Katakana" or cp in (0x30FC,):
        return "katakana"
    if s == "Hangul":
        return "hangul" if 0xAC00 <= cp <= 0xD7A3 else "jamo"
    if s == "Bopomofo":
        return "bopomofo"
    if g == "Lm" or (g == "Sk" and 0x2B0 <= cp <= 0x2FF):
        return "modifier"
    if g.startswith("L"):
        upper = g in ("Lu", "Lt")
        if s == "Latin":
            return "latin_upper" if upper else "latin_lower"
        if s == "Cyrillic":
            return "cyr_upper" if upper else "cyr_lower"
        if s in ("Greek", "Coptic"):
            return "greek_upper" if upper else "greek_lower"
        if s == "Hebrew":
            return "hebrew"
        if s == "Arabic":
            return "arabic"
        if s in ("Thai", "Lao"):
            return "thai"
        if s in ("Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu", "Kannada",
                 "Malayalam", "Sinhala"):
            return "indic"
        return "other_letter"
    if g in ("Mn", "Me", "Mc"):
        return {"Hebrew": "hebrew", "Arabic": "arabic", "Thai": "thai", "Lao": "thai"}.get(
            s, "indic" if s in ("Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya", "Tamil", "Telugu",
                                "Kannada", "Malayalam", "Sinhala") else "other_letter")
    if g == "Nd":
        return "other_number"
    if g in ("No", "Nl"):
        return "other_number"
    if 0x2000 <= cp <= 0x206F:
        return "gen_punct"
    if 0x20A0 <= cp <= 0x20CF:
        return "currency"
    if 0x2100 <= cp <= 0x218F:
        return "letterlike"
    if 0x2190 <= cp <= 0x22FF or 0x27C0 <= cp <= 0x27FF or 0x2900 <= cp <= 0x2AFF:
        return "math_arrows"
    if 0x2500 <= cp <= 0x259F:
        return "box"
    if 0x25A0 <= cp <= 0x27BF or 0x2B00 <= cp <= 0x2BFF:
        return "shapes"
    if 0x1F000 <= cp <= 0x1FAFF:
        return "emoji"
    if g.startswith("P"):
        return "gen_punct"
    return "other_symbol"


def is_pair(a, ka, b, kb):
    """Pairs with statistics: two CJK characters, or two letters of which one is not ASCII."""
    if CLASSES[ka] in CJK_PAIR_CLASSES and CLASSES[kb] in CJK_PAIR_CLASSES:
        return True
    return CLASSES[ka] in LETTER_CLASSES and CLASSES[kb] in LETTER_CLASSES and (a >= 0x80 or b >= 0x80)


def read_corpus():
    files = sorted(glob.glob(os.path.join(need(os.path.join(SHARED_DIR, "devset", "corpus", "A")), "*.txt")))
    if not files:
        print("input not found: corpus/A/*.txt", file=sys.stderr)
        sys.exit(77)
    return files


def unihan(field_names):
    vals = collections.defaultdict(dict)
    for name in ("Unihan_OtherMappings.txt.bz2", "Unihan_DictionaryLikeData.txt.bz2"):
        with bz2.open(need(os.path.join(UNICODE_DIR, name)), "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cp, field, value = line.rstrip("\n").split("\t")
                if field in field_names:
                    vals[field][int(cp[2:], 16)] = value
    return vals


def han_prior(u):
    """A prior probability for each Han character from its frequency and coded-set levels."""
    prior = {}
    freq = {1: 2e-4, 2: 5e-5, 3: 1.5e-5, 4: 5e-6, 5: 2e-6}

    def level1(cp):
        gb = u["kGB0"].get(cp)
        if gb and int(gb[:2]) < 56:
            return True
        b5 = u["kBigFive"].get(cp)
        if b5 and int(b5, 16) < 0xC940:
            return True
        jis = u["kJis0"].get(cp)
        if jis and int(jis[:2]) < 48:
            return True
        tgh = u["kTGH"].get(cp)
        if tgh and int(tgh.split(":")[1]) <= 3500:
            return True
        return cp in u["kJoyoKanji"]

    coded = set(u["kGB0"]) | set(u["kBigFive"]) | set(u["kJis0"]) | set(u["kTGH"]) | set(u["kKSC0"])
    for cp in range(0x4E00, 0xA000):
        if cp in u["kFrequency"]:
            prior[cp] = freq[int(u["kFrequency"][cp])]
        elif level1(cp):
            prior[cp] = 3e-6
        elif cp in coded:
            prior[cp] = 5e-7
        else:
            prior[cp] = 5e-8
    return prior


def main():
    folder = out_dir(sys.argv)
    cat, script = load_unicode()
    files = read_corpus()
    u = unihan({"kFrequency", "kGB0", "kBigFive", "kJis0", "kTGH", "kJoyoKanji", "kKSC0"})
    cls = bytearray(0x10000)
    for cp in range(0x10000):
        cls[cp] = C[classify(cp, cat, script)]

    def cls_of(cp):
        return cls[cp] if cp < 0x10000 else C[classify(cp, cat, script)]

    uni = collections.Counter()
    trans = [[0] * len(CLASSES) for _ in CLASSES]
    pairs = collections.Counter()
    class_tokens = collections.Counter()
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                prev_cp, prev = 0x0A, C["newline"]
                for ch in line:
                    cp = ord(ch)
                    k = cls_of(cp)
                    uni[cp] += 1
                    class_tokens[k] += 1
                    trans[prev][k] += 1
                    if is_pair(prev_cp, prev, cp, k):
                        pairs[(prev_cp, cp)] += 1
                    prev_cp, prev = cp, k

    # --- unigram: P(c | class), smoothed by priors
    prior = {cp: 0.0 for cp in range(0x10000)}
    hp = han_prior(u)
    ksx = set()
    for cp in range(0xAC00, 0xD7A4):
        try:
            chr(cp).encode("euc_kr")
            ksx.add(cp)
        except UnicodeEncodeError:
            pass
    for cp in range(0x10000):
        name = CLASSES[cls[cp]]
        if name == "han":
            prior[cp] = hp[cp]
        elif name == "hangul":
            prior[cp] = 1e-4 if cp in ksx else 2e-6
        elif name in ("unassigned", "pua", "c1", "control"):
            prior[cp] = 0.0
        else:
            prior[cp] = 1e-3
    class_prior = collections.Counter()
    for cp in range(0x10000):
        class_prior[cls[cp]] += prior[cp]
    cost = bytearray(0x10000)
    class_mean = {}
    for k, name in enumerate(CLASSES):
        n = class_tokens[k]
        members = [cp for cp in range(0x10000) if cls[cp] == k]
        if name in FIXED_UNIGRAM:
            for cp in members:
                cost[cp] = min(63, FIXED_UNIGRAM[name] * 2)
            class_mean[k] = FIXED_UNIGRAM[name]
            continue
        scale = max(n, 1000)  # prior mass is relative to the class size
        denom = n + scale * class_prior[k] + 1e-9
        for cp in members:
            p = (uni[cp] + scale * prior[cp]) / denom
            bits = -math.log2(p) if p > 0 else 31.5
            cost[cp] = min(63, int(round(bits * 2)))
        class_mean[k] = 16

    # --- transitions: P(class_j | class_i) with add-alpha smoothing towards the class distribution.
    # Scripts the corpus lacks borrow the counts of Cyrillic lower case (a letter run of one
    # script, words split by spaces and punctuation), so text in them is not judged unusual.
    model = C["cyr_lower"]
    for name in ("hebrew", "arabic", "thai", "indic", "other_letter"):
        k = C[name]
        if class_tokens[k] >= 1000:
            continue
        n = len(CLASSES)
        row = [trans[model][j] for j in range(n)]
        row[k], row[model] = row[model], 0
        trans[k] = row
        for i in range(n):
            if i != k:
                trans[i][k] = trans[i][model] if i != model else 0
        class_tokens[k] = class_tokens[model]
    total = sum(class_tokens.values())
    base = [(class_tokens[k] + 1.0) / (total + len(CLASSES)) for k in range(len(CLASSES))]
    tcost = []
    for i in range(len(CLASSES)):
        row_n = sum(trans[i])
        alpha = 2.0
        row = []
        for j in range(len(CLASSES)):
            p = (trans[i][j] + alpha * base[j]) / (row_n + alpha)
            row.append(min(255, int(round(-math.log2(p) * 4))))
        tcost.append(row)
    # U+FFFD stands for a lost character: entering and leaving it costs a fixed amount.
    r = C["replacement"]
    for i in range(len(CLASSES)):
        tcost[i][r] = min(tcost[i][r], 4 * 6)
        tcost[r][i] = min(tcost[r][i], tcost[C["han"]][i] if i != r else 4 * 6)

    # --- CJK and letter pairs: interpolated bigram cost for pairs seen at least twice
    lam = 0.6
    kept = {}
    for (a, b), n in pairs.items():
        if n < 2 or a >= 0x10000 or b >= 0x10000:
            continue
        na = uni[a]
        p_cb = 2 ** (-(tcost[cls[a]][cls[b]] / 4.0)) * 2 ** (-(cost[b] / 2.0))
        p = lam * n / na + (1 - lam) * p_cb
        kept[(a, b)] = min(63, int(round(-math.log2(p) * 2)))
    backoff = -math.log2(1 - lam)

    src = [("Unicode UnicodeData", os.path.join(UNICODE_DIR, "UnicodeData.txt")),
           ("Unicode Scripts", os.path.join(UNICODE_DIR, "Scripts.txt")),
           ("Unihan", os.path.join(UNICODE_DIR, "Unihan_OtherMappings.txt.bz2")),
           ("Unihan", os.path.join(UNICODE_DIR, "Unihan_DictionaryLikeData.txt.bz2"))]
    src += [("devset corpus A", p) for p in files]
    lic = "Unicode License v3 (Unicode data); counts from the devset corpus (see its MANIFEST.tsv)"

    # model_chars.inc
    text = banner("gen_model.py", src, lic)
    text += "#pragma once\n#include <cstdint>\nnamespace mojifix::tables {\n"
    text += "inline constexpr const char* model_class_names[] = {%s};\n" % ", ".join('"%s"' % n for n in CLASSES)
    text += "inline constexpr int model_class_count = %d;\n" % len(CLASSES)
    text += "inline constexpr const char model_b64[] = \"%s\";\n" % B64
    for label, arr in (("class", cls), ("cost", cost)):
        text += "// %s of U+0000..U+FFFF, one base64 digit per code point%s\n" % (
            label, " (half bits)" if label == "cost" else "")
        text += "inline constexpr const char model_bmp_%s[] =\n" % label
        s = "".join(B64[v] for v in arr)
        for i in range(0, len(s), 128):
            text += '    "%s"\n' % s[i:i + 128]
        text += "    ;\n"
    # planes 1..16: runs of equal class, with the class's typical cost
    runs = []
    for cp in range(0x10000, 0x110000):
        k = C[classify(cp, cat, script)]
        if runs and runs[-1][2] == k and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp, k])
    text += "struct ModelRun { char32_t first, last; std::uint8_t cls, cost; };\n"
    text += "// planes 1..16: runs of one class (cost in half bits)\n"
    text += "inline constexpr ModelRun model_astral[] = {\n"
    for a, b, k in runs:
        name = CLASSES[k]
        if name == "emoji":
            seen = [uni[c] for c in range(a, b + 1) if uni[c]]
            n = class_tokens[k]
            bits = -math.log2((sum(seen) / max(len(seen), 1) + 1) / (n + 1)) if n else 12
        elif name in FIXED_UNIGRAM:
            bits = FIXED_UNIGRAM[name]
        elif name in ("han_rare", "cjk_compat"):
            bits = 22
        else:
            bits = 16
        text += "    {0x%X, 0x%X, %d, %d},\n" % (a, b, k, min(63, int(round(bits * 2))))
    text += "};\n}  // namespace mojifix::tables\n"
    write(os.path.join(folder, "model_chars.inc"), text)

    # model_trans.inc
    text = banner("gen_model.py", src[:1] + src[4:], lic)
    text += "#pragma once\n#include <cstdint>\nnamespace mojifix::tables {\n"
    text += "// cost (quarter bits) of a character of class j after one of class i: [i][j]\n"
    text += "inline constexpr std::uint8_t model_trans[%d][%d] = {\n" % (len(CLASSES), len(CLASSES))
    for i, row in enumerate(tcost):
        text += "    {%s},  // %s\n" % (", ".join(str(v) for v in row), CLASSES[i])
    text += "};\n"
    text += "// extra cost (quarter bits) of a CJK or letter pair not in model_pairs\n"
    text += "inline constexpr int model_pair_backoff = %d;\n" % int(round(backoff * 4))
    text += "}  // namespace mojifix::tables\n"
    write(os.path.join(folder, "model_trans.inc"), text)

    # model_pairs.inc: grouped by first character: "<first><second><cost>...", one group a line
    groups = collections.defaultdict(list)
    for (a, b), lv in sorted(kept.items()):
        groups[a].append((b, lv))
    text = banner("gen_model.py", src[4:], lic)
    text += "// %d CJK / letter pairs seen at least twice: each line is a first character followed by\n" % len(kept)
    text += "// (second character, base64 cost in half bits) pairs; the array ends with nullptr.\n"
    text += "#pragma once\nnamespace mojifix::tables {\ninline constexpr const char* model_pairs[] = {\n"
    for a in sorted(groups):
        body = chr(a) + "".join(chr(b) + B64[lv] for b, lv in groups[a])
        text += '    "%s",\n' % body.replace("\\", "\\\\").replace('"', '\\"').replace("?", "\\?")
    text += "    nullptr};\n}  // namespace mojifix::tables\n"
    write(os.path.join(folder, "model_pairs.inc"), text)


if __name__ == "__main__":
    main()
