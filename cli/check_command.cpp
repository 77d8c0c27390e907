// `pcs check PATH...`: everything the interpreter rejects, plus the warnings
// a program manager needs before shipping a version (lint/lint.hpp).
// Compiler-style output, or --format json for editors.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/report.hpp"
#include "interpreter/checker.hpp"
#include "lint/lint.hpp"

namespace pcs::cli {

namespace fs = std::filesystem;

void add_check_command(CLI::App& app, CheckArgs& args) {
  auto* cmd = app.add_subcommand("check", "Check rule files: errors, and warnings before a version ships");
  cmd->add_option("paths", args.paths, "Ruleset folders, or a folder of versions (rulesets)")->required();
  cmd->add_option("--format", args.format, "Output: text (default) or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--strict", args.strict, "Exit 1 when there are warnings");
}

namespace {

/// The ruleset folders named by a path: itself, or its version folders.
std::vector<std::string> ruleset_dirs(const std::string& path) {
  std::vector<std::string> dirs;
  std::error_code ec;
  bool has_rules = false;
  for (const auto& e : fs::directory_iterator(path, ec)) has_rules = has_rules || e.path().extension() == ".pcs";
  if (has_rules || ec) return {path};
  for (const auto& e : fs::directory_iterator(path, ec))
    if (e.is_directory() && e.path().filename() != "tests") dirs.push_back(e.path().string());
  std::sort(dirs.begin(), dirs.end());
  return dirs.empty() ? std::vector<std::string>{path} : dirs;
}

std::string severity_name(Severity s) { return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note"; }

}  // namespace

int run_check(const CheckArgs& args) {
  SourceFiles sources;
  Diagnostics all;
  std::size_t rulesets = 0;
  for (const auto& path : args.paths)
    for (const auto& dir : ruleset_dirs(path)) {
      ++rulesets;
      Diagnostics diags;
      auto ruleset = load_ruleset(dir, sources, diags);
      if (ruleset && checker::check(*ruleset, diags)) lint::warn(*ruleset, diags);
      all.append(diags);
    }
  // The same shared file (the stdlib, an imported version) is reported once.
  std::vector<Diagnostic> unique;
  for (const auto& d : all.items())
    if (std::none_of(unique.begin(), unique.end(), [&](const Diagnostic& u) {
          return u.pos.file == d.pos.file && u.pos.line == d.pos.line && u.pos.column == d.pos.column && u.message == d.message;
        }))
      unique.push_back(d);
  std::stable_sort(unique.begin(), unique.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.pos.file, a.pos.line, a.pos.column) < std::tie(b.pos.file, b.pos.line, b.pos.column);
  });
  std::size_t errors = 0, warnings = 0;
  for (const auto& d : unique) (d.severity == Severity::error ? errors : d.severity == Severity::warning ? warnings : errors) += d.severity == Severity::note ? 0 : 1;
  if (args.format == "json") {
    std::string o = "[";
    for (std::size_t i = 0; i < unique.size(); ++i) {
      const auto& d = unique[i];
      o += fmt::format("{}\n  {{ \"severity\": \"{}\", \"code\": {}, \"file\": {}, \"line\": {}, \"column\": {}, \"length\": {}, "
                       "\"message\": {}, \"hint\": {} }}",
                       i ? "," : "", severity_name(d.severity), json_string(d.code), json_string(d.pos.file), d.pos.line,
                       d.pos.column, d.pos.length, json_string(d.message), d.hint.empty() ? "null" : json_string(d.hint));
    }
    std::cout << o << (unique.empty() ? "]\n" : "\n]\n");
  } else {
    for (const auto& d : unique) std::cout << render(d, sources);
    std::cout << fmt::format("{} error{}, {} warning{} in {} ruleset{}\n", errors, errors == 1 ? "" : "s", warnings,
                             warnings == 1 ? "" : "s", rulesets, rulesets == 1 ? "" : "s");
  }
  if (errors) return exit_rules_invalid;
  return args.strict && warnings ? exit_eval_failed : exit_ok;
}

}  // namespace pcs::cli
