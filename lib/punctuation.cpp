// punctuation.cpp — the punctuation stage: by default, full-width punctuation flattened to ASCII
// is restored where the evidence says so (punct_restore.cpp); with `--cjk-punctuation`, all ASCII
// ,:;!?() in CJK text become full-width. It runs after byte_shift (a `,` there may stand for the
// bytes of `，`) and after annotations (glosses are written in ASCII parentheses), so it is a
// stage of its own before normalize.
#include <cstring>

#include "mojifix/punctuation.hpp"
#include "model/model.hpp"
#include "plan.hpp"
#include "punct_restore.hpp"
#include "stage.hpp"
#include "utf8.hpp"

namespace mojifix::detail {

namespace {

bool cjk_text(char32_t cp) noexcept {
  if (cp < 0x2E80) return false;
  const model::Class c = model::char_class(cp);
  return c == model::Class::han || c == model::Class::han_rare || c == model::Class::hiragana ||
         c == model::Class::katakana || c == model::Class::cjk_punct || c == model::Class::fullwidth_punct ||
         c == model::Class::hangul || c == model::Class::bopomofo;
}

char32_t full_width(char32_t c) noexcept {
  switch (c) {
    case ',': return U'，';
    case ':': return U'：';
    case ';': return U'；';
    case '!': return U'！';
    case '?': return U'？';
    case '(': return U'（';
    case ')': return U'）';
    default: return 0;
  }
}

// Cheap pre-check of restore_flattened()'s comma test on the bytes: more than one `，` per ten
// ASCII commas means the commas were not flattened.
bool commas_may_be_flattened(std::string_view in) noexcept {
  std::size_t full = 0, ascii = 0;
  for (std::size_t p = in.find("，"); p != std::string_view::npos; p = in.find("，", p + 3)) ++full;
  for (char c : in) ascii += c == ',';
  return ascii > 0 && full * 10 <= ascii;
}

bool emit(std::string_view in, const std::vector<PunctChar>& cs, const std::vector<char32_t>& repl,
          const Options& options, Result& out, const char* reason) {
  EditBuilder b(in, out, options.max_fixes);
  std::string text;
  for (std::size_t k = 0; k < cs.size(); ++k) {
    if (!repl[k]) continue;
    text.clear();
    append_utf8(text, repl[k]);
    b.replace({cs[k].at, cs[k].at + cs[k].len}, text, FixKind::punctuation, 0.9f, reason);
  }
  return b.finish();
}

}  // namespace

bool punctuation_stage(std::string_view in, const Options& options, const Context& ctx, Result& out) {
  // Fast path: restoring needs an earlier repair of byte damage; converting needs CJK text (a
  // lead byte E2..EF of a three-byte character).
  if (!options.cjk_punctuation && !ctx.byte_damage) return false;
  bool any = false;
  for (unsigned char c : in)
    if (c >= 0xE2 && c <= 0xEF) {
      any = true;
      break;
    }
  if (!any) return false;
  if (!options.cjk_punctuation && !commas_may_be_flattened(in)) return false;
  std::vector<PunctChar> cs;
  for (std::size_t i = 0; i < in.size();) {
    const Decoded d = decode_at(in, i);
    cs.push_back({d.cp, i, d.len});
    i += d.len;
  }
  std::vector<char32_t> repl(cs.size(), 0);
  if (!options.cjk_punctuation) {
    if (!restore_flattened(cs, repl)) return false;
    return emit(in, cs, repl, options, out, "full-width punctuation flattened to ascii");
  }
  auto cjk_at = [&](std::size_t k) { return k < cs.size() && cjk_text(cs[k].cp); };
  for (std::size_t k = 0; k < cs.size(); ++k) {
    const char32_t c = cs[k].cp;
    if (c == ',' || c == ':' || c == ';' || c == '!' || c == '?') {
      if ((k > 0 && cjk_at(k - 1)) || cjk_at(k + 1)) repl[k] = full_width(c);
    } else if (c == '(') {
      std::size_t j = k + 1;
      bool inner_cjk = false, nested = false;
      for (; j < cs.size() && cs[j].cp != ')' && cs[j].cp != '\n'; ++j) {
        inner_cjk = inner_cjk || cjk_text(cs[j].cp);
        nested = nested || cs[j].cp == '(';
      }
      if (j >= cs.size() || cs[j].cp != ')' || nested) continue;
      if ((k > 0 && cjk_at(k - 1)) || cjk_at(j + 1) || inner_cjk) repl[k] = U'（', repl[j] = U'）';
    }
  }
  return emit(in, cs, repl, options, out, "ascii punctuation in cjk text");
}

}  // namespace mojifix::detail

namespace mojifix {

Result cjk_punctuation(std::string_view utf8, const Options& options) {
  Options o = options;
  o.cjk_punctuation = true;
  return detail::run_alone(utf8, o, &detail::punctuation_stage);
}

Result restore_punctuation(std::string_view utf8, const Options& options) {
  Options o = options;
  o.cjk_punctuation = false;
  return detail::run_alone(utf8, o, [](std::string_view in, const Options& opt, const detail::Context& ctx, Result& out) {
    detail::Context damaged = ctx;
    damaged.byte_damage = true;
    return detail::punctuation_stage(in, opt, damaged, out);
  });
}

}  // namespace mojifix
