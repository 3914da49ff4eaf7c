// cli.cpp — argument parsing, help, and dispatch to the subcommands.
#include "cli.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <exception>
#include <optional>
#include <ostream>
#include <string_view>

#include "encoder.hpp"
#include "messages.hpp"
#include "mojifix/detect.hpp"
#include "mojifix/repair.hpp"
#include "mojifix/version.hpp"

namespace mojifix::cli {

namespace {

// N_ marks a string for translation where msg() is called later (tools/mojifix/po/).
#define N_(s) s

// --help and the man page: the option table (descriptions are translated by --help).
constexpr HelpLine kHelp[] = {
    {nullptr, N_("Usage: mojifix [OPTIONS] [FILE...]\n       mojifix [OPTIONS] -r DIRECTORY...\n       mojifix detect [--quiet] [--max-bytes N] FILE...\n       mojifix classify [--lines] [--json] [FILE...]\n       mojifix convert CONFIG [FILE...]")},
    {nullptr, ""},
    {nullptr, N_("Repairs broken text: reads FILEs (or standard input) in any encoding and writes\nrepaired UTF-8 to standard output.")},
    {nullptr, ""},
    {nullptr, N_("Files:")},
    {"-r, --recursive", N_("repair the files in DIRECTORY arguments and below them")},
    {"    --include GLOB", N_("with -r, take only files matching GLOB (repeatable)")},
    {"    --exclude GLOB", N_("with -r, leave out files and directories matching GLOB (repeatable)")},
    {"-L, --follow-symlinks", N_("follow symbolic links (by default they are skipped with a note)")},
    {"    --in-place", N_("rewrite each file that needs repair (atomically; others are not touched)")},
    {"    --backup SUFFIX", N_("with --in-place, keep the original as FILE+SUFFIX")},
    {"-j, --jobs N", N_("process N files at a time (default: the number of CPUs)")},
    {nullptr, ""},
    {nullptr, N_("Output:")},
    {"-o, --output FILE", N_("write to FILE instead of standard output")},
    {"    --output-encoding ENC", N_("write the text in ENC instead of UTF-8")},
    {"    --lossy", N_("with --output-encoding, write '?' for characters ENC cannot hold")},
    {"    --explain", N_("print each fix (kind, span, before -> after, reason) to stderr")},
    {"    --json", N_("print a JSON report (text and fixes) instead of the text")},
    {"    --jsonl", N_("JSON-lines mode: repair one string field of each record")},
    {"    --field NAME", N_("the field --jsonl repairs (default: text)")},
    {"    --check", N_("write nothing; list inputs that need repair, exit 1 if any")},
    {"    --summary", N_("one line per input on stderr: encoding and fixes by kind")},
    {"    --progress", N_("on a terminal, show the progress bar at once (else after a second)")},
    {"-q, --quiet", N_("print nothing but results and errors (no notes, no progress bar)")},
    {nullptr, ""},
    {nullptr, N_("Decoding:")},
    {"    --encoding ENC", N_("read input as ENC instead of detecting it")},
    {"    --max-bytes N", N_("detect: examine only the first N bytes")},
    {nullptr, ""},
    {nullptr, N_("Stages (run in this order; --no-STAGE turns one off):")},
    {"    --no-mojibake", N_("leave text decoded with the wrong codec alone")},
    {"    --guess", N_("fill characters whose bytes were lost with the most plausible one (reported as guesses)")},
    {"    --entities MODE", N_("decode HTML entities inside mojibake: auto (default, not in markup), on or off")},
    {"    --no-byte-shift", N_("leave GBK/Big5/Shift_JIS text whose bytes went out of step alone")},
    {"    --cjk-punctuation", N_("make ASCII , : ; ! ? ( ) next to CJK text full-width")},
    {"    --no-annotations", N_("keep reading glosses (pinyin, zhuyin, jyutping in brackets) after Han characters")},
    {"    --no-script", N_("leave mixed Simplified/Traditional Chinese as it is")},
    {"    --to SCRIPT", N_("convert Chinese to hans, hant, tw or hk (default: unify mixed text)")},
    {"    --no-punctuation", N_("keep ASCII punctuation that stands for flattened full-width marks in repaired byte streams")},
    {"    --no-normalize", N_("leave normalization, BOM, line endings and controls alone")},
    {"    --form FORM", N_("normalization form: nfc (default), nfkc or none")},
    {"    --newlines", N_("turn CRLF and lone CR into LF")},
    {"    --strip-controls", N_("remove C0 control characters other than tab and newline")},
    {"    --keep-bom", N_("keep a leading byte-order mark")},
    {nullptr, ""},
    {"-h, --help", N_("show this help")},
    {"    --version", N_("show the version")},
    {nullptr, ""},
    {nullptr, N_("Subcommands:")},
    {"  detect", N_("print the encoding of each FILE")},
    {"  classify", N_("print hans, hant, mixed or none for the input (--lines: for each line)")},
    {"  convert CONFIG", N_("convert Chinese like OpenCC: s2t t2s s2tw tw2s s2twp tw2sp s2hk hk2s t2tw tw2t t2hk hk2t t2jp jp2t")},
    {"    --lines", N_("classify: one verdict per input line")},
    {nullptr, ""},
    {nullptr, N_("Exit status: 0 ok, 1 --check found something to repair, 2 usage error, 3 I/O error.")},
};

std::string help_text() {
  std::size_t column = 0;
  for (const HelpLine& h : kHelp)
    if (h.flags) column = std::max(column, std::string_view(h.flags).size() + 4);
  std::string out;
  for (const HelpLine& h : kHelp) {
    if (!h.flags) {
      out += *h.text ? msg(h.text) : std::string();
    } else {
      std::string left = "  " + std::string(h.flags);
      left.resize(column, ' ');
      out += left + msg(h.text);
    }
    out += '\n';
  }
  return out;
}

struct Parser {
  const std::vector<std::string>& args;
  std::ostream& err;
  std::size_t i = 0;
  std::optional<std::string> attached;  // the value of --flag=VALUE or -jN

  bool value(std::string_view flag, std::string& into) {
    if (attached) {
      into = std::move(*attached);
      attached.reset();
      return true;
    }
    if (i + 1 >= args.size()) {
      err << "mojifix: " << msg("option {1} needs a value", {flag}) << '\n';
      return false;
    }
    into = args[++i];
    return true;
  }

  bool number(std::string_view flag, std::size_t& into, std::size_t min) {
    std::string v;
    if (!value(flag, v)) return false;
    char* end = nullptr;
    errno = 0;
    const unsigned long long n = v.empty() || v[0] == '-' ? 0 : std::strtoull(v.c_str(), &end, 10);
    if (v.empty() || v[0] == '-' || *end || errno || n < min) {
      err << "mojifix: " << msg("invalid number for {1}: {2}", {flag, v}) << '\n';
      return false;
    }
    into = std::size_t(n);
    return true;
  }
};

// Stage switches by name, so `--no-NAME` exists for every registered stage.
bool disable_stage(Options& o, std::string_view name) {
  if (name == "mojibake") {
    o.mojibake = false;
    return true;
  }
  if (name == "normalize") {
    o.normalize = false;
    return true;
  }
  if (name == "byte-shift") {
    o.byte_shift = false;
    return true;
  }
  if (name == "annotations") {
    o.annotations = false;
    return true;
  }
  if (name == "script") {
    o.script = false;
    return true;
  }
  if (name == "punctuation") {
    o.punctuation = false;
    return true;
  }
  return false;
}

// Combinations that make no sense; returns the message, or "" when the options agree.
std::string conflict(const Config& c) {
  if (c.json && c.jsonl) return msg("--json and --jsonl cannot be combined");
  if (c.in_place) {
    if (c.inputs.empty() || std::find(c.inputs.begin(), c.inputs.end(), "-") != c.inputs.end())
      return msg("--in-place needs files, not standard input");
    if (!c.output.empty()) return msg("--in-place and -o cannot be combined");
    if (c.check) return msg("--in-place and --check cannot be combined");
  }
  if (!c.backup.empty() && !c.in_place) return msg("--backup needs --in-place");
  if (c.backup.find('/') != std::string::npos) return msg("--backup takes a suffix, not a path: {1}", {c.backup});
  if (!c.output_encoding.empty() && (c.json || c.jsonl))
    return msg("--output-encoding cannot be combined with --json or --jsonl");
  if (c.lossy && c.output_encoding.empty()) return msg("--lossy needs --output-encoding");
  if (std::count(c.inputs.begin(), c.inputs.end(), "-") > 1) return msg("standard input can be read only once");
  return {};
}

}  // namespace

std::span<const HelpLine> help_table() { return kHelp; }

std::optional<ScriptTarget> parse_target(std::string_view name) {
  std::string lower;
  for (char ch : name) lower += char(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  if (lower == "hans" || lower == "zh-hans" || lower == "zh-cn" || lower == "zh-sg") return ScriptTarget::hans;
  if (lower == "hant" || lower == "zh-hant") return ScriptTarget::hant;
  if (lower == "tw" || lower == "zh-tw" || lower == "zh-hant-tw") return ScriptTarget::tw;
  if (lower == "hk" || lower == "zh-hk" || lower == "zh-hant-hk" || lower == "zh-mo") return ScriptTarget::hk;
  return std::nullopt;
}

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    Config cfg;
    Parser p{args, err, 0, std::nullopt};
    enum class Cmd { repair, detect, classify, convert } cmd = Cmd::repair;
    if (!args.empty() && args[0] == "detect") {
      cmd = Cmd::detect;
      p.i = 1;
    } else if (!args.empty() && args[0] == "classify") {
      cmd = Cmd::classify;
      p.i = 1;
    } else if (!args.empty() && args[0] == "convert") {
      cmd = Cmd::convert;
      p.i = 1;
      if (args.size() > 1 && !args[1].starts_with("-")) {
        cfg.convert_config = args[1];
        p.i = 2;
      }
    }
    bool only_files = false;
    for (; p.i < args.size(); ++p.i) {
      std::string a = args[p.i];
      if (only_files || a == "-" || a.empty() || a[0] != '-') {
        cfg.inputs.push_back(a);
        continue;
      }
      if (const std::size_t eq = a.find('='); a.starts_with("--") && eq != std::string::npos) {
        p.attached = a.substr(eq + 1);
        a.resize(eq);
      } else if (a.starts_with("-j") && a.size() > 2) {
        p.attached = a.substr(2);
        a = "-j";
      }
      std::string v;
      std::size_t n = 0;
      if (a == "--") {
        only_files = true;
      } else if (a == "-h" || a == "--help") {
        out << help_text();
        return ok;
      } else if (a == "--version") {
        out << "mojifix " << version() << '\n';
        return ok;
      } else if (a == "-o" || a == "--output") {
        if (!p.value(a, cfg.output)) return usage;
      } else if (a == "-r" || a == "--recursive") {
        cfg.recursive = true;
      } else if (a == "--include") {
        if (!p.value(a, v)) return usage;
        cfg.includes.push_back(v);
      } else if (a == "--exclude") {
        if (!p.value(a, v)) return usage;
        cfg.excludes.push_back(v);
      } else if (a == "-L" || a == "--follow-symlinks") {
        cfg.follow_symlinks = true;
      } else if (a == "--in-place") {
        cfg.in_place = true;
      } else if (a == "--backup") {
        if (!p.value(a, cfg.backup)) return usage;
        if (cfg.backup.empty()) {
          err << "mojifix: " << msg("option {1} needs a value", {a}) << '\n';
          return usage;
        }
      } else if (a == "-j" || a == "--jobs") {
        if (!p.number(a, n, 1)) return usage;
        cfg.jobs = unsigned(std::min<std::size_t>(n, 1024));
      } else if (a == "--output-encoding") {
        if (!p.value(a, cfg.output_encoding)) return usage;
      } else if (a == "--lossy") {
        cfg.lossy = true;
      } else if (a == "--progress") {
        cfg.progress = true;
      } else if (a == "--explain") {
        cfg.explain = true;
      } else if (a == "--json") {
        cfg.json = true;
      } else if (a == "--jsonl") {
        cfg.jsonl = true;
      } else if (a == "--field") {
        if (!p.value(a, cfg.field)) return usage;
      } else if (a == "--check") {
        cfg.check = true;
      } else if (a == "--summary") {
        cfg.summary = true;
      } else if (a == "-q" || a == "--quiet") {
        cfg.quiet = true;
      } else if (a == "--encoding") {
        if (!p.value(a, cfg.lib.encoding)) return usage;
      } else if (a == "--max-bytes") {
        if (!p.number(a, cfg.max_bytes, 0)) return usage;
      } else if (a == "--form") {
        if (!p.value(a, v)) return usage;
        if (v == "nfc") cfg.lib.form = NormalForm::nfc;
        else if (v == "nfkc") cfg.lib.form = NormalForm::nfkc;
        else if (v == "none") cfg.lib.form = NormalForm::none;
        else {
          err << "mojifix: " << msg("unknown normalization form: {1}", {v}) << '\n';
          return usage;
        }
      } else if (a == "--to") {
        if (!p.value(a, v)) return usage;
        const auto t = parse_target(v);
        if (!t) {
          err << "mojifix: " << msg("unknown script: {1} (hans, hant, tw or hk)", {v}) << '\n';
          return usage;
        }
        cfg.lib.to = *t;
      } else if (a == "--lines") {
        cfg.lines = true;
      } else if (a == "--newlines") {
        cfg.lib.newlines = true;
      } else if (a == "--strip-controls") {
        cfg.lib.strip_controls = true;
      } else if (a == "--keep-bom") {
        cfg.lib.bom = false;
      } else if (a == "--guess") {
        cfg.lib.guess = true;
      } else if (a == "--cjk-punctuation") {
        cfg.lib.cjk_punctuation = true;
      } else if (a == "--entities") {
        if (!p.value(a, v)) return usage;
        if (v == "auto") cfg.lib.entities = Entities::automatic;
        else if (v == "on") cfg.lib.entities = Entities::on;
        else if (v == "off") cfg.lib.entities = Entities::off;
        else {
          err << "mojifix: " << msg("unknown entities mode: {1}", {v}) << '\n';
          return usage;
        }
      } else if (a.starts_with("--no-") && disable_stage(cfg.lib, std::string_view(a).substr(5))) {
      } else {
        err << "mojifix: " << msg("unknown option: {1} (see --help)", {a}) << '\n';
        return usage;
      }
      if (p.attached) {
        err << "mojifix: " << msg("option {1} takes no value", {a}) << '\n';
        return usage;
      }
    }
    if (!cfg.lib.encoding.empty()) {
      const auto canonical = canonical_encoding(cfg.lib.encoding);
      if (!canonical) {
        err << "mojifix: " << msg("unknown encoding: {1}", {cfg.lib.encoding}) << '\n';
        return usage;
      }
      cfg.lib.encoding = *canonical;
    }
    if (!cfg.output_encoding.empty()) {
      const auto canonical = canonical_encoding(cfg.output_encoding);
      if (!canonical || !can_encode(*canonical)) {
        err << "mojifix: " << msg("unknown output encoding: {1}", {cfg.output_encoding}) << '\n';
        return usage;
      }
      cfg.output_encoding = *canonical == "utf-8" ? "" : *canonical;
    }
    if (const std::string c = conflict(cfg); !c.empty()) {
      err << "mojifix: " << c << '\n';
      return usage;
    }
    if (cmd == Cmd::detect) return run_detect(cfg, in, out, err);
    if (cmd == Cmd::classify) return run_classify(cfg, in, out, err);
    if (cmd == Cmd::convert) return run_convert(cfg, in, out, err);
    return run_files(cfg, in, out, err);
  } catch (const std::exception& e) {
    err << "mojifix: " << e.what() << '\n';
    return io_error;
  }
}

}  // namespace mojifix::cli
