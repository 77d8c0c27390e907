// pcs: the command-line front end. Parses the command line, runs one
// subcommand, and guarantees that nothing escapes as an uncaught exception.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

int main(int argc, char** argv) {
  using namespace pcs::cli;
  CLI::App app{"pcs: the partner capability score rules language and interpreter.\n"
               "Exit codes: 0 done, 1 a designation could not be evaluated, 2 command-line error,\n"
               "3 invalid rule files, 4 invalid partner data, 5 some partners not scored (--partners),\n"
               "70 internal error.",
               "pcs"};
  app.require_subcommand(1);
  EvalArgs eval_args;
  add_eval_command(app, eval_args);
  TestArgs test_args;
  add_test_command(app, test_args);
  FmtArgs fmt_args;
  add_fmt_command(app, fmt_args);
  CheckArgs check_args;
  add_check_command(app, check_args);
  DiffArgs diff_args;
  add_diff_command(app, diff_args);
  PlanArgs plan_args;
  add_plan_command(app, plan_args);
  WhatIfArgs what_if_args;
  add_what_if_command(app, what_if_args);
  ReportArgs report_args;
  add_report_command(app, report_args);
  add_lsp_command(app);
  ServeArgs serve_args;
  add_serve_command(app, serve_args);
  SqlArgs sql_args;
  add_sql_command(app, sql_args);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_usage;
  }
  try {
    if (app.got_subcommand("eval")) return run_eval(eval_args);
    if (app.got_subcommand("test")) return run_test(test_args);
    if (app.got_subcommand("fmt")) return run_fmt(fmt_args);
    if (app.got_subcommand("check")) return run_check(check_args);
    if (app.got_subcommand("diff")) return run_diff(diff_args);
    if (app.got_subcommand("plan")) return run_plan(plan_args);
    if (app.got_subcommand("what-if")) return run_what_if(what_if_args);
    if (app.got_subcommand("report")) return run_report(report_args);
    if (app.got_subcommand("lsp")) return run_lsp();
    if (app.got_subcommand("serve")) return run_serve(serve_args);
    if (app.got_subcommand("sql")) return run_sql(sql_args);
  } catch (const std::exception& e) {
    std::cerr << fmt::format("pcs: internal error: {}\n", e.what());
    return exit_internal;
  } catch (...) {
    std::cerr << "pcs: internal error\n";
    return exit_internal;
  }
  return exit_usage;
}
