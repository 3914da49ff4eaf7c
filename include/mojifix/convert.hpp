// mojifix/convert.hpp — Chinese script conversion with OpenCC's dictionaries and results.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mojifix {

/// OpenCC 1.1.6 conversion configs, named as OpenCC names them (s2t.json -> s2t).
enum class ConvertConfig : std::uint8_t {
  s2t,    ///< Simplified to Traditional (OpenCC standard forms)
  t2s,    ///< Traditional to Simplified
  s2tw,   ///< Simplified to Taiwan standard forms
  tw2s,   ///< Taiwan standard to Simplified
  s2twp,  ///< Simplified to Taiwan, with Taiwan vocabulary (软件 -> 軟體)
  tw2sp,  ///< Taiwan, with its vocabulary, to Simplified
  s2hk,   ///< Simplified to Hong Kong standard forms
  hk2s,   ///< Hong Kong standard to Simplified
  t2tw,   ///< Traditional (OpenCC standard) to Taiwan standard forms
  tw2t,   ///< Taiwan standard forms to Traditional (OpenCC standard)
  t2hk,   ///< Traditional (OpenCC standard) to Hong Kong standard forms
  hk2t,   ///< Hong Kong standard forms to Traditional (OpenCC standard)
  t2jp,   ///< Traditional (kyūjitai) to Japanese shinjitai
  jp2t,   ///< Japanese shinjitai to Traditional (kyūjitai)
};

/// The config for an OpenCC name: "s2t", also "s2t.json" and any letter case; nullopt when
/// unknown.
[[nodiscard]] std::optional<ConvertConfig> parse_convert_config(std::string_view name) noexcept;

/// OpenCC's name of a config ("s2t", ...).
[[nodiscard]] std::string_view to_string(ConvertConfig config) noexcept;

/// Converts UTF-8 text the way OpenCC 1.1.6 does with the same config: maximum-match
/// segmentation, then the conversion chain, phrases before characters. Unlike OpenCC, invalid
/// UTF-8 does not stop the conversion (each invalid sequence becomes U+FFFD) and NUL bytes are
/// converted through like any other character. The dictionaries are compiled in; no file is
/// read. Never throws except std::bad_alloc.
[[nodiscard]] std::string convert(std::string_view utf8, ConvertConfig config);

}  // namespace mojifix
