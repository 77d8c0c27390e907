// `pcs report RULESET [NEW] --partners DIR --out report.html`: the HTML
// report (report/). Thin: options and writing the file.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "report/build_report.hpp"

namespace pcs::cli {

void add_report_command(CLI::App& app, ReportArgs& args) {
  auto* cmd = app.add_subcommand("report", "An HTML report with charts of a population (or two versions compared)");
  cmd->add_option("rulesets", args.rulesets, "A ruleset folder (or folder of versions); or OLD NEW version folders")
      ->required()->expected(1, 2);
  cmd->add_option("--partners", args.partners, "A folder of partner JSON files, or of the contract's CSV tables")->required();
  cmd->add_option("--out", args.out, "The HTML file to write")->required();
  cmd->add_option("--as-of", args.as_of, "As-of month YYYY-MM (default: each partner's latest month)");
  cmd->add_option("--plan-limit", args.plan_limit, "How many near misses to plan (default 25)");
  cmd->add_option("--explain-limit", args.explain_limit, "Partners whose explanations go into the page (default 1000)");
  cmd->add_option("--threads", args.threads, "Threads to score with (default: every core)");
}

int run_report(const ReportArgs& args) {
  report::Options options{args.rulesets, args.partners, args.as_of, args.plan_limit, args.threads, args.explain_limit};
  int code = 0;
  std::string error;
  const std::string page = report::build_report(options, code, error);
  std::cerr << error;
  if (page.empty()) return code;
  std::ofstream out(args.out, std::ios::binary);
  out << page;
  if (!out.flush()) {
    std::cerr << fmt::format("pcs report: cannot write '{}'\n", args.out);
    return exit_usage;
  }
  std::cerr << fmt::format("pcs report: wrote {} ({} bytes)\n", args.out, page.size());
  return code;
}

}  // namespace pcs::cli
