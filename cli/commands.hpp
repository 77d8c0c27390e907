// The subcommands of `pcs`, one file each. Each returns an exit code (exit_codes.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace pcs::cli {

struct EvalArgs {
  std::string ruleset;
  std::string partner;
  std::string as_of;
  std::vector<std::string> designations;
  std::string format = "table";
  std::string program;  // with a folder of versions: this version, not the one in force
  bool explain = false;
  std::string partners;  // a population folder: score every partner (eval_population.cpp)
  std::string out;       // with --partners: write here instead of stdout
  unsigned threads = 0;  // with --partners: 0 = every core
  std::uint32_t limit_ms = 10'000;  // time budget of one partner's evaluation (0: none)
};

/// Registers `pcs eval` on the app.
void add_eval_command(CLI::App& app, EvalArgs& args);
int run_eval(const EvalArgs& args);
/// `pcs eval RULESET --partners DIR`.
int run_eval_population(const EvalArgs& args);

struct DiffArgs {
  std::string old_rules, new_rules, partners, as_of;
  std::vector<std::string> designations;
  std::string format = "table";
  std::size_t top = 5;
  unsigned threads = 0;  // 0 = every core
};

/// Registers `pcs diff` on the app.
void add_diff_command(CLI::App& app, DiffArgs& args);
int run_diff(const DiffArgs& args);

struct CheckArgs {
  std::vector<std::string> paths;
  std::string format = "text";
  bool strict = false;
};

/// Registers `pcs check` on the app.
void add_check_command(CLI::App& app, CheckArgs& args);
int run_check(const CheckArgs& args);

struct TestArgs {
  std::vector<std::string> paths;
  bool verbose = false;
  bool reset = false;
  bool coverage = false;
};

/// Registers `pcs test` on the app.
void add_test_command(CLI::App& app, TestArgs& args);
int run_test(const TestArgs& args);

struct FmtArgs {
  std::vector<std::string> paths;
  bool check = false;  // list unformatted files, change nothing
};

/// Registers `pcs fmt` on the app.
void add_fmt_command(CLI::App& app, FmtArgs& args);
int run_fmt(const FmtArgs& args);

struct PlanArgs {
  std::string ruleset, partner, partners, costs, as_of, program;
  std::string within = "80";
  std::size_t top = 5;
  std::vector<std::string> designations;
  std::string format = "table";
  bool specializations = false;
};

/// Registers `pcs plan` on the app.
void add_plan_command(CLI::App& app, PlanArgs& args);
int run_plan(const PlanArgs& args);

struct WhatIfArgs {
  std::string ruleset, partner, edits, as_of, program;
  std::vector<std::string> designations;
  std::string format = "table";
};

/// Registers `pcs what-if` on the app.
void add_what_if_command(CLI::App& app, WhatIfArgs& args);
int run_what_if(const WhatIfArgs& args);

struct ReportArgs {
  std::vector<std::string> rulesets;  // one, or OLD NEW
  std::string partners, out, as_of;
  std::size_t plan_limit = 25;
  unsigned threads = 0;
  std::size_t explain_limit = 1000;
};

/// Registers `pcs report` on the app (report/).
void add_report_command(CLI::App& app, ReportArgs& args);
int run_report(const ReportArgs& args);

/// Registers `pcs lsp` (the language server, lsp/) on the app.
void add_lsp_command(CLI::App& app);
int run_lsp();

struct ServeArgs {
  std::string ruleset, partners, host;  // host: empty = 127.0.0.1 only
  int port = 8080;
};

/// Registers `pcs serve` on the app.
void add_serve_command(CLI::App& app, ServeArgs& args);
int run_serve(const ServeArgs& args);

struct SqlArgs {
  std::string ruleset, as_of;
  std::string dialect = "duckdb";
  std::vector<std::string> designations;
  bool explain = false;
  std::string part = "scores";
};

/// Registers `pcs sql` on the app (sql_command.cpp).
void add_sql_command(CLI::App& app, SqlArgs& args);
int run_sql(const SqlArgs& args);

}  // namespace pcs::cli
