// `pcs lsp`: the language server for editors, over stdin/stdout (lsp/).
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"
#include "lsp/server.hpp"

namespace pcs::cli {

void add_lsp_command(CLI::App& app) {
  app.add_subcommand("lsp", "Language server for editors (Language Server Protocol over stdin/stdout)");
}

int run_lsp() {
  std::ios::sync_with_stdio(false);
  return lsp::serve(std::cin, std::cout);
}

}  // namespace pcs::cli
