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
  // One entry per (character, reading); sorted, they give each character its readings (primary
  // ones first, the last listed first; the others in table order) and each reading its
  // characters.
  struct Entry {
    char32_t cp;
    std::uint32_t seq;  // order in the table
    ReadingCode code;
    std::uint8_t lang;
    bool primary;
  };
  std::vector<Entry> entries;
  entries.reserve(131072);
  for (int lang = 0; lang < 2; ++lang) {
    System& sys = sys_[lang];
    each_group(tables[lang], [&](std::string_view reading, std::string_view chars, bool primary) {
      const std::string_view syl = reading.substr(0, reading.size() - 1);
      const unsigned tone = unsigned(reading.back() - '0');
      auto [it, added] = sys.ids.emplace(syl, unsigned(sys.names.size()));
      if (added) sys.names.push_back(syl);
      const ReadingCode code = make_reading(it->second, tone);
      each_cp(chars, [&](char32_t cp) {
        entries.push_back({cp, std::uint32_t(entries.size()), code, std::uint8_t(lang), primary});
      });
    });
  }
  // Characters by reading.
  for (int lang = 0; lang < 2; ++lang) {
    System& sys = sys_[lang];
    sys.first.assign(sys.names.size() * 8 + 1, 0);
    for (const Entry& e : entries)
      if (e.lang == lang) ++sys.first[e.code + 1u];
    for (std::size_t c = 1; c < sys.first.size(); ++c) sys.first[c] += sys.first[c - 1];
    sys.chars.resize(sys.first.back());
    std::vector<std::uint32_t> fill(sys.first.begin(), sys.first.end() - 1);
    for (const Entry& e : entries)
      if (e.lang == lang) sys.chars[fill[e.code]++] = e.cp;
    for (std::size_t c = 0; c + 1 < sys.first.size(); ++c)
      std::sort(sys.chars.begin() + sys.first[c], sys.chars.begin() + sys.first[c + 1]);
  }
  // Readings by character.
  std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) {
    if (x.cp != y.cp) return x.cp < y.cp;
    if (x.lang != y.lang) return x.lang < y.lang;
    if (x.primary != y.primary) return x.primary;
    return x.primary ? x.seq > y.seq : x.seq < y.seq;
  });
  for (std::size_t i = 0; i < entries.size();) {
    const char32_t cp = entries[i].cp;
    PerChar pc;
    for (; i < entries.size() && entries[i].cp == cp; ++i) {
      const Entry& e = entries[i];
      if (e.primary) pc.primary = true;
      if (pc.count[e.lang] == 0) pc.off[e.lang] = std::uint32_t(codes_.size());
      if (pc.count[e.lang] == 255) continue;
      ++pc.count[e.lang];
      codes_.push_back(e.code);
    }
    cps_.push_back(cp);
    per_.push_back(pc);
  }
  // Common characters (some have no reading: they get an entry of their own).
  std::vector<char32_t> common;
  for (const std::string_view part : tables::readings_common) each_cp(part, [&](char32_t cp) { common.push_back(cp); });
  std::sort(common.begin(), common.end());
  std::vector<char32_t> cps;
  std::vector<PerChar> per;
  for (std::size_t i = 0, j = 0; i < cps_.size() || j < common.size();) {
    if (j == common.size() || (i < cps_.size() && cps_[i] < common[j])) {
      cps.push_back(cps_[i]);
      per.push_back(per_[i++]);
      continue;
    }
    const char32_t cp = common[j];
    while (j < common.size() && common[j] == cp) ++j;
    PerChar pc;
    if (i < cps_.size() && cps_[i] == cp) pc = per_[i++];
    pc.common = true;
    cps.push_back(cp);
    per.push_back(pc);
  }
  cps_ = std::move(cps);
  per_ = std::move(per);
}

const Readings::PerChar* Readings::find(char32_t cp) const noexcept {
  const auto it = std::lower_bound(cps_.begin(), cps_.end(), cp);
  return it != cps_.end() && *it == cp ? &per_[std::size_t(it - cps_.begin())] : nullptr;
}

std::span<const ReadingCode> Readings::of(char32_t cp, Lang lang) const noexcept {
  const PerChar* pc = find(cp);
  if (!pc) return {};
  const int l = int(lang);
  return {codes_.data() + pc->off[l], pc->count[l]};
}

bool Readings::has_primary(char32_t cp) const noexcept {
  const PerChar* pc = find(cp);
  return pc && pc->primary;
}

bool Readings::common(char32_t cp) const noexcept {
  const PerChar* pc = find(cp);
  return pc && pc->common;
}

std::span<const char32_t> Readings::chars(Lang lang, ReadingCode r) const noexcept {
  const System& sys = sys_[int(lang)];
  if (std::size_t(r) + 1 >= sys.first.size()) return {};
  return {sys.chars.data() + sys.first[r], sys.first[r + 1u] - sys.first[r]};
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
