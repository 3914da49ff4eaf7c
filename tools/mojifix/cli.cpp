// cli.cpp — argument parsing, help, and dispatch to the subcommands.
#include "cli.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <ostream>
#include <string_view>

#include "messages.hpp"
#include "mojifix/detect.hpp"
#include "mojifix/repair.hpp"
#include "mojifix/version.hpp"

namespace mojifix::cli {

namespace {

// N_ marks a string for translation where msg() is called later (tools/mojifix/po/).
#define N_(s) s

// --help: a heading (no flags) or an option (flags, description); descriptions are translated.
struct HelpLine {
  const char* flags;
  const char* text;
};
constexpr HelpLine kHelp[] = {
    {nullptr, N_("Usage: mojifix [OPTIONS] [FILE...]\n       mojifix detect [--quiet] [--max-bytes N] FILE...")},
    {nullptr, ""},
    {nullptr, N_("Repairs broken text: reads FILEs (or standard input) in any encoding and writes\nrepaired UTF-8 to standard output.")},
    {nullptr, ""},
    {nullptr, N_("Output:")},
    {"-o, --output FILE", N_("write to FILE instead of standard output")},
    {"    --explain", N_("print each fix (kind, span, before -> after, reason) to stderr")},
    {"    --json", N_("print a JSON report (text and fixes) instead of the text")},
    {"    --jsonl", N_("JSON-lines mode: repair one string field of each record")},
    {"    --field NAME", N_("the field --jsonl repairs (default: text)")},
    {"    --check", N_("write nothing; list inputs that need repair, exit 1 if any")},
    {"    --summary", N_("one line per input on stderr: encoding and fixes by kind")},
    {"-q, --quiet", N_("print nothing but results")},
    {nullptr, ""},
    {nullptr, N_("Decoding:")},
    {"    --encoding ENC", N_("read input as ENC instead of detecting it")},
    {"    --max-bytes N", N_("detect: examine only the first N bytes")},
    {nullptr, ""},
    {nullptr, N_("Stages (run in this order; --no-STAGE turns one off):")},
    {"    --no-mojibake", N_("leave text decoded with the wrong codec alone")},
    {"    --guess", N_("fill characters whose bytes were lost with the most plausible one (reported as guesses)")},
    {"    --entities MODE", N_("decode HTML entities inside mojibake: auto (default, not in markup), on or off")},
    {"    --no-normalize", N_("leave normalization, BOM, line endings and controls alone")},
    {"    --form FORM", N_("normalization form: nfc (default), nfkc or none")},
    {"    --newlines", N_("turn CRLF and lone CR into LF")},
    {"    --strip-controls", N_("remove C0 control characters other than tab and newline")},
    {"    --keep-bom", N_("keep a leading byte-order mark")},
    {nullptr, ""},
    {"-h, --help", N_("show this help")},
    {"    --version", N_("show the version")},
    {nullptr, ""},
    {nullptr, N_("Exit status: 0 ok, 1 --check found something to repair, 2 usage error, 3 I/O error.")},
};

std::string help_text() {
  std::string out;
  for (const HelpLine& h : kHelp) {
    if (!h.flags) {
      out += *h.text ? msg(h.text) : std::string();
    } else {
      std::string left = "  " + std::string(h.flags);
      left.resize(std::max<std::size_t>(left.size() + 2, 24), ' ');
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

  bool value(std::string_view flag, std::string& into) {
    if (i + 1 >= args.size()) {
      err << "mojifix: " << msg("option {1} needs a value", {flag}) << '\n';
      return false;
    }
    into = args[++i];
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
  return false;
}

}  // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    Config cfg;
    Parser p{args, err};
    enum class Cmd { repair, detect } cmd = Cmd::repair;
    if (!args.empty() && args[0] == "detect") {
      cmd = Cmd::detect;
      p.i = 1;
    }
    bool only_files = false;
    for (; p.i < args.size(); ++p.i) {
      const std::string& a = args[p.i];
      if (only_files || a == "-" || a.empty() || a[0] != '-') {
        cfg.inputs.push_back(a);
        continue;
      }
      std::string v;
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
        if (!p.value(a, v)) return usage;
        try {
          cfg.max_bytes = std::stoull(v);
        } catch (...) {
          err << "mojifix: " << msg("invalid number for {1}: {2}", {a, v}) << '\n';
          return usage;
        }
      } else if (a == "--form") {
        if (!p.value(a, v)) return usage;
        if (v == "nfc") cfg.lib.form = NormalForm::nfc;
        else if (v == "nfkc") cfg.lib.form = NormalForm::nfkc;
        else if (v == "none") cfg.lib.form = NormalForm::none;
        else {
          err << "mojifix: " << msg("unknown normalization form: {1}", {v}) << '\n';
          return usage;
        }
      } else if (a == "--newlines") {
        cfg.lib.newlines = true;
      } else if (a == "--strip-controls") {
        cfg.lib.strip_controls = true;
      } else if (a == "--keep-bom") {
        cfg.lib.bom = false;
      } else if (a == "--guess") {
        cfg.lib.guess = true;
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
    }
    if (!cfg.lib.encoding.empty()) {
      const auto canonical = canonical_encoding(cfg.lib.encoding);
      if (!canonical) {
        err << "mojifix: " << msg("unknown encoding: {1}", {cfg.lib.encoding}) << '\n';
        return usage;
      }
      cfg.lib.encoding = *canonical;
    }
    if (cfg.json && cfg.jsonl) {
      err << "mojifix: " << msg("--json and --jsonl cannot be combined") << '\n';
      return usage;
    }
    if (cmd == Cmd::detect) return run_detect(cfg, in, out, err);
    if (cfg.jsonl) return run_jsonl(cfg, in, out, err);
    return run_repair(cfg, in, out, err);
  } catch (const std::exception& e) {
    err << "mojifix: " << e.what() << '\n';
    return io_error;
  }
}

}  // namespace mojifix::cli
