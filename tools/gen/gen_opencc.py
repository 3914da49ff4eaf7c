#!/usr/bin/env python3
"""Generates lib/tables/opencc_dicts.inc: OpenCC's dictionaries and conversion configs.

Inputs: Debian `opencc` / `libopencc-data` 1.1.6 (/usr/share/opencc/*.ocd2 and *.json), read
through `opencc_dict -f ocd2 -t text`. Each dictionary becomes one string literal of lines
`KEY<TAB>VALUE[ VALUE...]<LF>`, sorted by code point. A phrase entry whose only value equals its
key converted character by character through the paired character dictionary (first values) is
written as `KEY<LF>` (the library rebuilds the value; this halves the phrase tables). Each
config (s2t.json, ...) becomes a row: segmentation dictionary and conversion chain.
OpenCC's data is Apache-2.0 (Copyright 2010-2022 BYVoid); the notice is kept in the banner.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from common import banner, need, out_dir, string_parts, write

OPENCC_DIR = os.environ.get("MOJIFIX_OPENCC_DIR", "/usr/share/opencc")
CONFIGS = ["s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "t2tw", "tw2t", "t2hk", "hk2t",
           "t2jp", "jp2t"]
# Phrase dictionaries whose values may be elided, with the character dictionary that rebuilds them.
ELIDE = {"STPhrases": "STCharacters", "TSPhrases": "TSCharacters"}
NOTICE = ("Apache License 2.0 — OpenCC dictionaries, Copyright 2010-2022 BYVoid <byvoid.kcp@gmail.com>;\n"
          "// see https://www.apache.org/licenses/LICENSE-2.0 and lib/tables/NOTICE.opencc")


def dump(tool, path):
    """The text form of one .ocd2 dictionary: {key: [values]}."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "d.txt")
        subprocess.run([tool, "-i", path, "-o", out, "-f", "ocd2", "-t", "text"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        entries = {}
        with open(out, encoding="utf-8") as f:
            for line in f:
                key, _, vals = line.rstrip("\n").partition("\t")
                entries[key] = vals.split(" ")
    return entries


def encode(name, entries, chars):
    lines = []
    for key in sorted(entries, key=lambda k: k.encode("utf-8")):
        vals = entries[key]
        if any(not v or " " in v or "\t" in v or "\n" in v for v in vals) or "\t" in key or "\n" in key:
            sys.exit("unexpected separator in %s entry %r" % (name, key))
        if chars is not None and len(vals) == 1 and vals[0] == "".join(chars.get(c, [c])[0] for c in key):
            lines.append(key + "\n")
        else:
            lines.append(key + "\t" + " ".join(vals) + "\n")
    return string_parts("opencc_" + name, lines)


def main():
    tool = shutil.which("opencc_dict")
    if not tool:
        print("input not found: opencc_dict (Debian package opencc)", file=sys.stderr)
        sys.exit(77)
    configs = {}
    used = []
    for c in CONFIGS:
        with open(need(os.path.join(OPENCC_DIR, c + ".json")), encoding="utf-8") as f:
            cfg = json.load(f)
        seg = cfg["segmentation"]["dict"]["file"]
        chain = []
        for step in cfg["conversion_chain"]:
            d = step["dict"]
            files = [x["file"] for x in d["dicts"]] if d["type"] == "group" else [d["file"]]
            chain.append([x[:-len(".ocd2")] for x in files])
        configs[c] = (seg[:-len(".ocd2")], chain)
        for name in [configs[c][0]] + [n for g in chain for n in g]:
            if name not in used:
                used.append(name)
    used.sort()
    dicts = {n: dump(tool, need(os.path.join(OPENCC_DIR, n + ".ocd2"))) for n in used}
    sources = [("OpenCC 1.1.6 " + n, os.path.join(OPENCC_DIR, n + ".ocd2")) for n in used]
    head = banner("gen_opencc.py", sources, NOTICE)
    # opencc_ids.inc: dictionary ids and configs (small, included where needed).
    ids = head + "// %d dictionaries, %d configs\n" % (len(used), len(CONFIGS))
    ids += "#pragma once\n#include <cstdint>\n#include <string_view>\nnamespace mojifix::tables {\n\n"
    ids += "/// Dictionary ids, in the order of `opencc_dicts` (opencc_dicts.inc).\n"
    ids += "enum class OpenccDict : std::uint8_t {\n" + "".join("  %s,\n" % n for n in used) + "};\n"
    ids += "inline constexpr std::size_t opencc_dict_count = %d;\n\n" % len(used)
    ids += "/// One OpenCC config: the segmentation dictionary and the conversion chain (each step a\n"
    ids += "/// group of up to three dictionaries, tried in order; -1 ends a group).\n"
    ids += "struct OpenccConfigData {\n  std::string_view name;\n  std::int8_t segmentation;\n"
    ids += "  std::int8_t chain[3][3];\n};\n"
    ids += "inline constexpr OpenccConfigData opencc_configs[] = {\n"
    for c in CONFIGS:
        seg, chain = configs[c]
        if len(chain) > 3 or any(len(g) > 3 for g in chain):
            sys.exit("config %s does not fit the table" % c)
        steps = []
        for i in range(3):
            g = chain[i] if i < len(chain) else []
            steps.append("{" + ", ".join([str(used.index(n)) for n in g] + ["-1"] * (3 - len(g))) + "}")
        ids += '    {"%s", %d, {%s}},\n' % (c, used.index(seg), ", ".join(steps))
    ids += "};\n\n}  // namespace mojifix::tables\n"
    write(os.path.join(out_dir(sys.argv), "opencc_ids.inc"), ids)
    # opencc_dicts.inc: the dictionaries (large; included by one source file only).
    text = head + "// format: see tools/gen/gen_opencc.py\n"
    text += "#pragma once\n#include <iterator>\n#include <string_view>\n#include \"opencc_ids.inc\"\nnamespace mojifix::tables {\n\n"
    for n in used:
        text += encode(n, dicts[n], dicts[ELIDE[n]] if n in ELIDE else None) + "\n"
    text += "struct OpenccDictData {\n  std::string_view name;\n  const std::string_view* parts;  ///< the text, in parts\n  std::size_t count;\n"
    text += "  int chars;  ///< dictionary that rebuilds elided values, or -1\n};\n"
    text += "inline constexpr OpenccDictData opencc_dicts[] = {\n"
    for n in used:
        chars = used.index(ELIDE[n]) if n in ELIDE else -1
        text += '    {"%s", opencc_%s, std::size(opencc_%s), %d},\n' % (n, n, n, chars)
    text += "};\n\n}  // namespace mojifix::tables\n"
    write(os.path.join(out_dir(sys.argv), "opencc_dicts.inc"), text)


if __name__ == "__main__":
    main()
