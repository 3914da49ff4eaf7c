#!/usr/bin/env python3
"""Writes the damaged sample files in tools/samples/ from the clean texts in clean/.

Each sample shows one kind of damage the library repairs; `expected/` holds what
`mojifix --newlines --strip-controls` must print for it (tests/cli_samples.sh checks this).
Texts are self-written or public domain (see README.md).
"""
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(name):
    with open(os.path.join(HERE, "clean", name), encoding="utf-8") as f:
        return f.read()


def nfd(t):
    return unicodedata.normalize("NFD", t).encode("utf-8")


def invalid_bytes(t):
    # The two U+FFFD in the clean text stand for stray Latin-1 bytes in a UTF-8 file.
    return t.encode("utf-8").replace("\ufffd".encode("utf-8"), b"\xe9", 1).replace("\ufffd".encode("utf-8"), b"\xfc", 1)


def controls(t):
    return t.replace("Text", "Text\x07", 1).replace("[1m", "\x1b[1m").replace("[0m", "\x1b[0m").encode("utf-8")


def sloppy(b, codec):
    """Bytes decoded with a Windows code page, undefined bytes kept as C1 controls."""
    out = []
    for x in b:
        try:
            out.append(bytes([x]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(x))
    return "".join(out)


def utf8_as(codec):
    return lambda t: "\n".join(sloppy(l.encode("utf-8"), codec) if codec.startswith("cp") else
                                l.encode("utf-8").decode(codec) for l in t.split("\n")).encode("utf-8")


def double_cp1252(t):
    return sloppy(sloppy(t.encode("utf-8"), "cp1252").encode("utf-8"), "cp1252").encode("utf-8")


def partial(t):
    # The second sentence only, UTF-8 read as windows-1252; the rest stays clean.
    first, second, rest = t.split(". ", 2)
    return (first + ". " + sloppy(second.encode("utf-8"), "cp1252") + ". " + rest).encode("utf-8")


def html_mojibake(t):
    out = []
    for ch in sloppy(t.encode("utf-8"), "cp1252"):
        out.append("&#%d;" % ord(ch) if ord(ch) > 127 else ch)
    return "".join(out).encode("utf-8")


def gloss(t, readings, left="(", right=")"):
    # Flattened ruby: each listed character followed by its reading in brackets.
    return "".join(c + (left + readings[c] + right if c in readings else "") for c in t).encode("utf-8")


PINYIN = {"今": "jīn", "天": "tiān", "下": "xià", "午": "wǔ", "我": "wǒ", "图": "tú", "书": "shū", "论": "lùn",
          "新": "xīn", "学": "xué", "计": "jì", "划": "huà", "每": "měi", "人": "rén", "提": "tí", "法": "fǎ",
          "决": "jué", "定": "dìng", "周": "zhōu", "练": "liàn", "写": "xiě", "作": "zuò"}
ZHUYIN = {"明": "ㄇㄧㄥˊ", "天": "ㄊㄧㄢ", "早": "ㄗㄠˇ", "上": "ㄕㄤˋ", "起": "ㄑㄧˇ", "去": "ㄑㄩˋ", "公": "ㄍㄨㄥ",
          "園": "ㄩㄢˊ", "散": "ㄙㄢˋ", "步": "ㄅㄨˋ", "順": "ㄕㄨㄣˋ", "看": "ㄎㄢˋ", "開": "ㄎㄞ", "書": "ㄕㄨ",
          "店": "ㄉㄧㄢˋ"}
# Glosses added by a byte-level find-and-replace on GBK bytes: 儓 (8388) also matches across
# 們報 (82C7 88F3), so its gloss lands inside 報 and splits it; decoded with replacement.
BYTE_GLOSSES = [("儓", "tái"), ("報", "bào"), ("說", "shuō"), ("題", "tí")]


def byte_gloss(t):
    b = t.encode("gbk")
    for c, g in BYTE_GLOSSES:
        b = b.replace(c.encode("gbk"), c.encode("gbk") + ("(" + g + ")").encode("gbk"))
    return b.decode("gbk", "replace").encode("utf-8")


# Glossed text whose full-width punctuation was then flattened to ASCII by the same tool.
FLATTEN = str.maketrans({"，": ",", "：": ":", "；": ";", "！": "!", "（": "(", "）": ")"})


def flattened_punct(t):
    return gloss(t, PINYIN).decode("utf-8").translate(FLATTEN).encode("utf-8")


# Phrases pasted in Traditional Chinese into Simplified text.
TRADITIONAL = {"修复了很多问题": "修復了很多問題", "发送给开发团队": "發送給開發團隊"}


def mixed(t):
    for simplified, traditional in TRADITIONAL.items():
        t = t.replace(simplified, traditional)
    return t.encode("utf-8")


SAMPLES = {
    # name: (clean file, damage)
    "fr-nfd.txt": ("fr-nfd.txt", nfd),
    "zh-gb18030.txt": ("zh-gb18030.txt", lambda t: t.encode("gb18030")),
    "ja-shift_jis.txt": ("ja-shift_jis.txt", lambda t: t.encode("shift_jis")),
    "ru-cp1251.txt": ("ru-cp1251.txt", lambda t: t.encode("cp1251")),
    "en-utf16le.txt": ("en-utf16le.txt", lambda t: t.encode("utf-16-le")),
    "de-bom-crlf.txt": ("de-bom-crlf.txt", lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8")),
    "en-invalid-bytes.txt": ("en-invalid-bytes.txt", invalid_bytes),
    "en-controls.txt": ("en-controls.txt", controls),
    # mojibake: UTF-8 text that went through the wrong codec, saved as UTF-8
    "fr-mojibake.txt": ("fr-mojibake.txt", utf8_as("cp1252")),
    "zh-mojibake.txt": ("zh-mojibake.txt", utf8_as("cp1252")),
    "ru-mojibake.txt": ("ru-mojibake.txt", utf8_as("gbk")),
    "ja-mojibake.txt": ("ja-mojibake.txt", utf8_as("mac_roman")),
    "de-double.txt": ("de-double.txt", double_cp1252),
    "ko-legacy.txt": ("ko-legacy.txt", lambda t: sloppy(t.encode("euc_kr"), "cp1252").encode("utf-8")),
    "es-partial.txt": ("es-partial.txt", partial),
    "pl-html.txt": ("pl-html.txt", html_mojibake),
    "zh-annotated.txt": ("zh-annotated.txt", lambda t: gloss(t, PINYIN)),
    "zh-zhuyin.txt": ("zh-zhuyin.txt", lambda t: gloss(t, ZHUYIN, "\uff08", "\uff09")),
    "zh-mixed-script.txt": ("zh-mixed-script.txt", mixed),
    "zh-byte-gloss.txt": ("zh-byte-gloss.txt", byte_gloss),
    "zh-flattened-punct.txt": ("zh-flattened-punct.txt", flattened_punct),
}


def main():
    os.makedirs(os.path.join(HERE, "expected"), exist_ok=True)
    for name, (src, damage) in SAMPLES.items():
        text = clean(src)
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(damage(text))
        with open(os.path.join(HERE, "expected", name), "wb") as f:
            f.write(text.encode("utf-8"))


if __name__ == "__main__":
    main()
