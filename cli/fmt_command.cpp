// `pcs fmt [--check] PATH...`: puts rule files (*.pcs, searched recursively
// in folders) in the canonical layout of format/formatter.hpp. Without
// --check it rewrites the files that change and lists them; with --check it
// changes nothing, lists the files that are not formatted and exits 1 if any.
// A file that does not parse is left as it is and its error printed (exit
// 3); the other files are still formatted.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "format/formatter.hpp"

namespace pcs::cli {

namespace fs = std::filesystem;

namespace {

/// The rule files named by the paths, sorted; false when a path is neither a file nor a folder.
bool find_rule_files(const std::vector<std::string>& paths, std::vector<std::string>& found) {
  bool all_exist = true;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) {
      found.push_back(p);
    } else if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec))
        if (it->is_regular_file() && it->path().extension() == ".pcs") found.push_back(it->path().string());
    } else {
      std::cerr << fmt::format("pcs fmt: '{}' is not a file or folder\n", p);
      all_exist = false;
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return all_exist;
}

bool read_file(const std::string& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  text = ss.str();
  return true;
}

/// Writes through a temporary file beside the target, so a failed write leaves the file whole.
bool write_file(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".pcs-fmt.tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out || !(out << text) || !out.flush()) return false;
  }
  std::error_code ec;
  fs::permissions(tmp, fs::status(path, ec).permissions(), ec);  // keep the file's mode
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
  return !ec;
}

}  // namespace

void add_fmt_command(CLI::App& app, FmtArgs& args) {
  auto* cmd = app.add_subcommand(
      "fmt", "Format rule files (*.pcs) in the canonical layout; lists the files changed");
  cmd->add_option("paths", args.paths, "Rule files or folders to search, e.g. rulesets/2023-06")->required();
  cmd->add_flag("--check", args.check,
                "Change nothing: list the files that are not formatted, exit 1 if there are any");
}

int run_fmt(const FmtArgs& args) {
  std::vector<std::string> files;
  if (!find_rule_files(args.paths, files)) return exit_usage;
  // Exit 70 for a safety-net refusal wins over 3 (a file that does not parse,
  // cannot be read or written), which wins over 1 (--check found work).
  bool unparsable = false, internal = false, unformatted = false;
  for (const auto& file : files) {
    std::string text;
    if (!read_file(file, text)) {
      std::cerr << fmt::format("pcs fmt: cannot read '{}'\n", file);
      unparsable = true;
      continue;
    }
    auto result = format::format_source(text, file);
    if (!result.ok) {
      SourceFiles sources;
      sources.add(file, text);
      std::cerr << render_all(result.diagnostics, sources);
      (result.internal ? internal : unparsable) = true;
      continue;
    }
    if (result.text == text) continue;
    unformatted = true;
    if (!args.check && !write_file(file, result.text)) {
      std::cerr << fmt::format("pcs fmt: cannot write '{}'\n", file);
      unparsable = true;
      continue;
    }
    std::cout << file << "\n";
  }
  if (internal) return exit_internal;
  if (unparsable) return exit_rules_invalid;
  return args.check && unformatted ? exit_eval_failed : exit_ok;
}

}  // namespace pcs::cli
