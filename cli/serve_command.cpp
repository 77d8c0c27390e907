// `pcs serve RULESET [--partners DIR] [--port N] [--host H]`: the local web
// playground (serve/). Thin: the workspace and the population are opened
// here, the handlers are serve/playground.cpp, the HTTP layer cpp-httplib.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "engine/population.hpp"
#include "serve/http_server.hpp"

namespace pcs::cli {

void add_serve_command(CLI::App& app, ServeArgs& args) {
  auto* cmd = app.add_subcommand("serve", "A local web playground: edit the rules with live diagnostics, score, diff, plan");
  cmd->add_option("ruleset", args.ruleset, "Ruleset folder (rulesets/2025-01), or a folder of versions (rulesets)")->required();
  cmd->add_option("--partners", args.partners, "A population to pick partners from: partner JSON files or the contract's CSV tables");
  cmd->add_option("--port", args.port, "Port to listen on (default 8080; 0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--host", args.host,
                  "Address to listen on (default 127.0.0.1, this machine only); another address lets other machines "
                  "read and save the rule files");
}

int run_serve(const ServeArgs& args) {
  std::string why;
  auto workspace = serve::Workspace::open(args.ruleset, why);
  if (!workspace) {
    std::cerr << "pcs serve: " << why << "\n";
    return exit_usage;
  }
  serve::Partners partners;
  if (!args.partners.empty()) {
    partners.dir = args.partners;
    engine::Population population;
    std::vector<Diagnostic> stray;
    const SourceFiles none;
    if (!population.open(args.partners, {}, stray)) {
      for (const auto& d : stray) std::cerr << render(d, none);
      std::cerr << fmt::format("pcs serve: cannot read the partners in '{}'\n", args.partners);
      return exit_data_invalid;
    }
    for (std::size_t k = 0; k < population.units(); ++k)
      for (auto& p : population.load(k, stray)) {
        if (p.partner) {
          partners.partners.push_back(std::move(*p.partner));
          continue;
        }
        std::string shown = p.rendered;
        for (const auto& d : p.errors) shown += p.rendered.empty() ? render(d, none) : "";
        partners.errors.push_back(shown);
      }
    for (const auto& d : stray) partners.errors.push_back(render(d, none));
    for (const auto& e : partners.errors) std::cerr << e;
    std::cerr << fmt::format("pcs serve: {} partner{} from '{}'\n", partners.partners.size(),
                             partners.partners.size() == 1 ? "" : "s", args.partners);
  }
  const bool explicit_host = !args.host.empty();
  const std::string host = explicit_host ? args.host : "127.0.0.1";
  if (explicit_host && host != "127.0.0.1" && host != "::1" && host != "localhost")
    std::cerr << fmt::format("pcs serve: listening on {} as --host asks: other machines that reach it can read and save "
                             "the rule files of '{}'\n", host, args.ruleset);
  else
    std::cerr << "pcs serve: listening on this machine only (another address needs --host)\n";
  serve::Playground playground(std::move(*workspace), std::move(partners));
  if (!serve::run_http_server(playground, host, args.port, explicit_host, std::cout, why)) {
    std::cerr << "pcs serve: " << why << "\n";
    return exit_usage;
  }
  std::cerr << "pcs serve: stopped\n";
  return exit_ok;
}

}  // namespace pcs::cli
