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
  bool explain = false;
};

/// Registers `pcs eval` on the app; `run` is set to the command to execute.
void add_eval_command(CLI::App& app, EvalArgs& args);
int run_eval(const EvalArgs& args);

}  // namespace pcs::cli
