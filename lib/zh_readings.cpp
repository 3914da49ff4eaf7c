// zh_readings.cpp — parsing the generated reading tables.
#include "zh_readings.hpp"

#include <algorithm>
#include <span>

#include "tables/readings.inc"
#include "zh_dict.hpp"

namespace mojifix::detail::zh {

namespace {

// Calls fn(reading, chars, primary) for each `READING:PRIMARY|OTHER` line.
template <class Fn>
void each_group(std::span<const std::string_view> parts, Fn&& fn) {
  each_line(parts, [&](std::string_view line) {
    const std::size_t colon = line.find(':');
    const std::size_t bar = line.find('|');
    if (colon == std::string_view::npos || bar == std::string_view::npos || bar < colon) return;
    const std::string_view reading = line.substr(0, colon);
    fn(reading, line.substr(colon + 1, bar - colon - 1), true);
    fn(reading, line.substr(bar + 1), false);
  });
}

template <class Fn>
void each_cp(std::string_view s, Fn&& fn) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned len;
    fn(next_cp(p, len));
    p += len;
  }
}

}  // namespace

Readings::Readings() {
  const std::span<const std::string_view> tables[2] = {tables::readings_mandarin, tables::readings_cantonese};
  // Pass 1: syllables, and the readings of every character (primary ones first).
  std::unordered_map<char32_t, std::vector<ReadingCode>> lists[2];
  for (int lang = 0; lang < 2; ++lang) {
    System& sys = sys_[lang];
    each_group(tables[lang], [&](std::string_view reading, std::string_view chars, bool primary) {
      const std::string_view syl = reading.substr(0, reading.size() - 1);
      const unsigned tone = unsigned(reading.back() - '0');
      auto [it, added] = sys.ids.emplace(syl, unsigned(sys.names.size()));
      if (added) sys.names.push_back(syl);
      const ReadingCode code = make_reading(it->second, tone);
      auto& by_reading = sys.chars[code];
      each_cp(chars, [&](char32_t cp) {
        auto& list = lists[lang][cp];
        if (primary) {
          list.insert(list.begin(), code);
          per_char_[cp].primary = true;
        } else {
          list.push_back(code);
        }
        by_reading.push_back(cp);
      });
    });
    for (auto& [code, cps] : sys.chars) std::sort(cps.begin(), cps.end());
  }
  for (int lang = 0; lang < 2; ++lang) {
    for (auto& [cp, list] : lists[lang]) {
      PerChar& pc = per_char_[cp];
      pc.off[lang] = std::uint32_t(codes_.size());
      pc.count[lang] = std::uint8_t(std::min<std::size_t>(list.size(), 255));
      codes_.insert(codes_.end(), list.begin(), list.begin() + pc.count[lang]);
    }
  }
  for (const std::string_view part : tables::readings_common)
    each_cp(part, [&](char32_t cp) { per_char_[cp].common = true; });
}

std::span<const ReadingCode> Readings::of(char32_t cp, Lang lang) const noexcept {
  const auto it = per_char_.find(cp);
  if (it == per_char_.end()) return {};
  const int l = int(lang);
  return {codes_.data() + it->second.off[l], it->second.count[l]};
}

bool Readings::has_primary(char32_t cp) const noexcept {
  const auto it = per_char_.find(cp);
  return it != per_char_.end() && it->second.primary;
}

bool Readings::common(char32_t cp) const noexcept {
  const auto it = per_char_.find(cp);
  return it != per_char_.end() && it->second.common;
}

std::span<const char32_t> Readings::chars(Lang lang, ReadingCode r) const noexcept {
  const auto& m = sys_[int(lang)].chars;
  const auto it = m.find(r);
  return it == m.end() ? std::span<const char32_t>{} : std::span<const char32_t>(it->second);
}

std::string_view Readings::syllable(Lang lang, unsigned id) const noexcept {
  const auto& names = sys_[int(lang)].names;
  return id < names.size() ? names[id] : std::string_view();
}

int Readings::syllable_id(Lang lang, std::string_view s) const noexcept {
  const auto& ids = sys_[int(lang)].ids;
  const auto it = ids.find(s);
  return it == ids.end() ? -1 : int(it->second);
}

const Readings& readings() {
  static const Readings r;
  return r;
}

}  // namespace mojifix::detail::zh
