// datasets.hpp — the benchmark inputs, built from a corpus folder of <lang>.txt files.
#pragma once

#include <string>
#include <vector>

namespace bench {

/// Lines of `<corpus>/<lang>.txt` repeated until `bytes` is reached (empty if missing).
std::string repeat_corpus(const std::string& corpus, const std::vector<std::string>& langs, std::size_t bytes);

/// Mojibake-heavy text: lines of every language, two of three mis-decoded (UTF-8 read as
/// windows-1252, or as GBK), the rest clean.
std::string mojibake_text(const std::string& corpus, std::size_t bytes);

/// UTF-8 `text` encoded with ICU into `codec`.
std::string encode(const std::string& text, const char* codec);

/// `count` samples of about `size` bytes cut from `bytes` at line starts.
std::vector<std::string> samples(const std::string& bytes, std::size_t size, std::size_t count);

}  // namespace bench
