// stream.cpp — Repairer: detect on the first 64 KiB, decode incrementally, repair a paragraph
// at a time; repair_bytes() is a Repairer fed once.
#include "mojifix/stream.hpp"

#include <algorithm>

#include "decode.hpp"
#include "encodings.hpp"
#include "mojifix/repair.hpp"
#include "plan.hpp"
#include "stage.hpp"
#include "utf8.hpp"

namespace mojifix {

namespace {
constexpr std::size_t kDetectWindow = 64 * 1024;  // bytes examined before the codec is chosen
constexpr std::size_t kSegment = 64 * 1024;       // repair once this much text is pending...
constexpr std::size_t kMaxLine = 1024 * 1024;     // ...and cut a line without '\n' at this length
constexpr std::size_t kSlice = 256 * 1024;        // feed() works through big inputs in slices
}  // namespace

struct Repairer::Impl {
  Options opts;
  Detection det;
  bool detected = false;
  bool finished = false;
  bool first_segment = true;
  std::unique_ptr<detail::Decoder> dec;
  std::vector<unsigned char> raw;   // bytes not yet consumed by the decoder
  std::uint64_t raw_consumed = 0;   // absolute offset of raw[0]
  std::uint64_t total_in = 0;
  std::string text;                 // decoded text not yet repaired
  detail::OffsetMap map;            // mapped decoders: raw offset (from text_base) of text bytes
  std::vector<Fix> dfix;            // decoding fixes: in from text_base, out in `text`
  std::uint64_t text_base = 0;      // absolute raw offset of text[0]
  std::uint64_t out_pos = 0;
  Result ready;

  void choose_codec() {
    const std::span<const std::byte> window(reinterpret_cast<const std::byte*>(raw.data()), raw.size());
    if (!opts.encoding.empty()) {
      det = Detection{};
      det.encoding = detail::canonical_encoding(opts.encoding);
      det.confidence = 1.0f;
      det.reason = "given";
    } else {
      det = detect(window);
    }
    dec = detail::make_decoder(det.binary ? std::string_view("utf-8") : std::string_view(det.encoding));
    if (!dec) {
      det.reason = "no decoder for " + det.encoding + "; read as utf-8";
      det.encoding = "utf-8";
      dec = detail::make_decoder("utf-8");
    }
    detected = true;
    ready.encoding = det.encoding;
    if (det.binary) {
      ready.binary = true;
      Fix f;
      f.kind = FixKind::binary;
      f.reason = det.reason;
      f.report = true;
      ready.fixes.push_back(std::move(f));
    }
  }

  // Decodes `bytes` (which follow what was consumed so far); returns the bytes consumed.
  std::size_t decode_from(std::span<const unsigned char> bytes, bool flush) {
    const std::size_t used =
        dec->decode(bytes, raw_consumed - text_base, flush, text, dec->mapped() ? &map : nullptr, dfix);
    raw_consumed += used;
    return used;
  }

  void decode(bool flush) {
    const std::size_t used = decode_from(raw, flush);
    raw.erase(raw.begin(), raw.begin() + std::ptrdiff_t(used));
  }

  // Raw offset (from text_base) where text[cut] begins.
  std::uint64_t raw_at(std::size_t cut) const {
    if (cut >= text.size()) return raw_consumed - text_base - dec->held();
    if (dec->mapped()) return map.at(cut);
    std::int64_t growth = 0;
    for (const Fix& f : dfix) {
      if (f.out.end > cut) break;
      growth += std::int64_t(f.out.size()) - std::int64_t(f.in.size());
    }
    return std::uint64_t(std::int64_t(cut) - growth);
  }

  // Where to end the next segment, or 0 when more text should be awaited.
  std::size_t next_cut(bool final) const {
    if (text.empty()) return 0;
    if (final) return text.size();
    if (text.size() < kSegment) return 0;
    const std::size_t nl = text.rfind('\n');
    if (nl != std::string::npos) return nl + 1;
    if (text.size() < kMaxLine) return 0;
    // A very long line: cut before an ASCII byte near the end, else at a character boundary.
    const std::size_t lo = text.size() - 4096;
    for (std::size_t i = text.size() - 1; i > lo; --i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x80 && c != '\n' && text[i - 1] != '\r') return i;
    }
    return detail::char_start(text, text.size() - 1);
  }

  void repair_pending(bool final) {
    for (std::size_t cut; (cut = next_cut(final)) != 0;) {
      const bool last = final && cut == text.size();
      const std::uint64_t raw_end = raw_at(cut);
      std::size_t nd = 0;
      while (nd < dfix.size() && dfix[nd].out.end <= cut) ++nd;
      const std::vector<Fix> seg_dfix(dfix.begin(), dfix.begin() + std::ptrdiff_t(nd));
      const detail::Context ctx{first_segment, last};
      const std::string_view seg(text.data(), cut);
      Result r;
      const bool staged = detail::run_stages(seg, opts, ctx, r);
      const std::string_view seg_out = staged ? std::string_view(r.text) : seg;
      if (staged || !seg_dfix.empty()) {
        std::vector<std::uint32_t> b2a;
        if (dec->mapped() && staged) {
          b2a.reserve(cut + 1);
          map.expand(cut, b2a);
          b2a.push_back(std::uint32_t(raw_end));
        }
        std::vector<Fix> fixes =
            (seg_dfix.empty() && b2a.empty()) ? std::move(r.fixes) : detail::compose(seg_dfix, r.fixes, seg_out, b2a);
        detail::shift_fixes(fixes, text_base, out_pos);
        ready.fixes.insert(ready.fixes.end(), std::make_move_iterator(fixes.begin()), std::make_move_iterator(fixes.end()));
      }
      out_pos += seg_out.size();
      ready.text += seg_out;
      // Drop the segment from the pending state.
      text.erase(0, cut);
      if (dec->mapped()) map.drop(cut, std::uint32_t(raw_end));
      dfix.erase(dfix.begin(), dfix.begin() + std::ptrdiff_t(nd));
      for (Fix& f : dfix) {
        f.in.begin -= raw_end;
        f.in.end -= raw_end;
        f.out.begin -= cut;
        f.out.end -= cut;
      }
      text_base += raw_end;
      first_segment = false;
    }
  }

  void feed(std::span<const unsigned char> bytes) {
    total_in += bytes.size();
    while (!bytes.empty()) {
      const auto slice = bytes.first(std::min(bytes.size(), kSlice));
      bytes = bytes.subspan(slice.size());
      if (detected && raw.empty()) {
        // Decoded in place; only an incomplete last character is kept.
        const std::size_t used = decode_from(slice, false);
        raw.insert(raw.end(), slice.begin() + std::ptrdiff_t(used), slice.end());
      } else {
        raw.insert(raw.end(), slice.begin(), slice.end());
        if (!detected && raw.size() < kDetectWindow) continue;
        if (!detected) choose_codec();
        decode(false);
      }
      repair_pending(false);
    }
  }

  void finish() {
    if (finished) return;
    finished = true;
    if (!detected) choose_codec();
    decode(true);
    repair_pending(true);
  }
};

Repairer::Repairer(const Options& options) : impl_(std::make_unique<Impl>()) { impl_->opts = options; }
Repairer::~Repairer() = default;
Repairer::Repairer(Repairer&&) noexcept = default;
Repairer& Repairer::operator=(Repairer&&) noexcept = default;

void Repairer::feed(std::span<const std::byte> bytes) {
  impl_->feed({reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()});
}
void Repairer::feed(std::string_view bytes) {
  impl_->feed({reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()});
}
void Repairer::finish() { impl_->finish(); }

Result Repairer::take() {
  Result r = std::move(impl_->ready);
  impl_->ready = Result{};
  impl_->ready.encoding = impl_->det.encoding.empty() ? r.encoding : impl_->det.encoding;
  impl_->ready.binary = impl_->det.binary;
  return r;
}

const Detection& Repairer::detection() const noexcept { return impl_->det; }
std::uint64_t Repairer::bytes_in() const noexcept { return impl_->total_in; }

Result repair_bytes(std::span<const std::byte> bytes, const Options& options) {
  Repairer r(options);
  // Room for the usual growth (GBK 1.5x, a Cyrillic or Greek code page 2x); reserving does not touch memory.
  r.impl_->ready.text.reserve(2 * bytes.size() + 64);
  r.feed(bytes);
  r.finish();
  Result out = r.take();
  detail::bound_fixes(out.fixes, out.text, options.max_fixes);
  return out;
}

Result repair_bytes(std::string_view bytes, const Options& options) {
  return repair_bytes(std::span<const std::byte>(reinterpret_cast<const std::byte*>(bytes.data()), bytes.size()),
                      options);
}

}  // namespace mojifix
