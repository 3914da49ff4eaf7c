// encodings.cpp — codec table. Decoders are ICU's; where a label has a Windows or WHATWG
// superset that real files use, the superset decodes it (it agrees on every valid byte).
#include "encodings.hpp"

#include "mojifix/detect.hpp"

#include <array>
#include <cctype>

namespace mojifix::detail {

namespace {

constexpr std::array kEncodings{
    Encoding{"utf-8", "", "utf8 u8 unicode-1-1-utf-8 utf-8-sig"},
    Encoding{"ascii", "", "us-ascii ansi_x3.4-1968 iso646-us csascii"},
    Encoding{"utf-16le", "UTF-16LE", "utf16le ucs-2le"},
    Encoding{"utf-16be", "UTF-16BE", "utf16be ucs-2be"},
    Encoding{"utf-16", "UTF-16", "utf16 ucs-2"},
    Encoding{"utf-32le", "UTF-32LE", "utf32le ucs-4le"},
    Encoding{"utf-32be", "UTF-32BE", "utf32be ucs-4be"},
    Encoding{"utf-32", "UTF-32", "utf32 ucs-4"},
    Encoding{"gb18030", "GB18030", "gb-18030"},
    Encoding{"gbk", "GB18030", "cp936 ms936 windows-936 x-gbk"},
    Encoding{"gb2312", "GB18030", "euc-cn x-euc-cn csgb2312 gb_2312-80 chinese"},
    Encoding{"hz-gb-2312", "HZ", "hz"},
    Encoding{"big5", "ibm-1375_P100-2008", "big-5 csbig5 cn-big5 x-x-big5 big5-eten"},
    Encoding{"big5-hkscs", "ibm-1375_P100-2008", "big5hkscs hkscs-big5"},
    Encoding{"cp950", "windows-950-2000", "ms950 windows-950 x-windows-950"},
    Encoding{"shift_jis", "ibm-943_P15A-2003", "sjis shift-jis x-sjis ms_kanji csshiftjis"},
    Encoding{"cp932", "ibm-943_P15A-2003", "ms932 windows-31j windows-932 cswindows31j"},
    Encoding{"euc-jp", "ibm-33722_P12A_P12A-2009_U2", "eucjp x-euc-jp ujis"},
    Encoding{"iso-2022-jp", "ISO-2022-JP", "csiso2022jp jis"},
    Encoding{"euc-kr", "windows-949-2000", "euckr cseuckr ks_c_5601-1987 ksc5601 korean"},
    Encoding{"cp949", "windows-949-2000", "uhc ms949 windows-949"},
    Encoding{"iso-2022-kr", "ISO-2022-KR", "csiso2022kr"},
    Encoding{"windows-1250", "windows-1250", "cp1250"},
    Encoding{"windows-1251", "windows-1251", "cp1251"},
    Encoding{"windows-1252", "windows-1252", "cp1252 ms-ansi"},
    Encoding{"windows-1253", "windows-1253", "cp1253"},
    Encoding{"windows-1254", "windows-1254", "cp1254"},
    Encoding{"windows-1255", "windows-1255", "cp1255"},
    Encoding{"windows-1256", "windows-1256", "cp1256"},
    Encoding{"windows-1257", "windows-1257", "cp1257"},
    Encoding{"windows-1258", "windows-1258", "cp1258"},
    Encoding{"iso-8859-1", "ISO-8859-1", "latin1 latin-1 l1 cp819 iso8859-1 iso_8859-1"},
    Encoding{"iso-8859-2", "ISO-8859-2", "latin2 l2 iso8859-2"},
    Encoding{"iso-8859-5", "ISO-8859-5", "cyrillic iso8859-5"},
    Encoding{"iso-8859-7", "ISO-8859-7", "greek iso8859-7"},
    Encoding{"iso-8859-8", "ISO-8859-8", "hebrew iso8859-8"},
    Encoding{"iso-8859-9", "ISO-8859-9", "latin5 l5 iso8859-9"},
    Encoding{"iso-8859-15", "ISO-8859-15", "latin9 latin-9 l9 iso8859-15"},
    Encoding{"koi8-r", "KOI8-R", "koi8r cskoi8r koi8"},
    Encoding{"koi8-u", "KOI8-U", "koi8u"},
    Encoding{"ibm866", "IBM866", "cp866 866 csibm866"},
    Encoding{"ibm437", "IBM437", "cp437 437"},
    Encoding{"macintosh", "macos-0_2-10.2", "macroman mac-roman x-mac-roman csmacintosh mac"},
    Encoding{"tis-620", "windows-874-2000", "tis620 iso-8859-11 windows-874 cp874"},
};

// Label key: lower-case letters and digits only.
std::string key(std::string_view s) {
  std::string k;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) k.push_back(char(std::tolower(static_cast<unsigned char>(c))));
  return k;
}

}  // namespace

std::span<const Encoding> encodings() noexcept { return kEncodings; }

const Encoding* find_encoding(std::string_view label) noexcept {
  const std::string want = key(label);
  if (want.empty()) return nullptr;
  for (const Encoding& e : kEncodings) {
    if (key(e.name) == want) return &e;
  }
  for (const Encoding& e : kEncodings) {
    std::string_view rest = e.aliases;
    while (!rest.empty()) {
      const std::size_t sp = rest.find(' ');
      if (key(rest.substr(0, sp)) == want) return &e;
      rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp + 1);
    }
  }
  return nullptr;
}

std::string canonical_encoding(std::string_view label) {
  if (const Encoding* e = find_encoding(label)) return std::string(e->name);
  std::string s(label);
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_utf8(std::string_view canonical) noexcept { return canonical == "utf-8" || canonical == "ascii"; }

}  // namespace mojifix::detail

namespace mojifix {

std::optional<std::string> canonical_encoding(std::string_view label) {
  if (const auto* e = detail::find_encoding(label)) return std::string(e->name);
  return std::nullopt;
}

}  // namespace mojifix
