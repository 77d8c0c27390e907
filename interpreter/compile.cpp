// compile_ruleset: the recipe parse -> check.
#include "interpreter/compile.hpp"

#include "interpreter/checker.hpp"

namespace pcs {

std::unique_ptr<Ruleset> compile_ruleset(const std::string& dir, SourceFiles& sources, Diagnostics& out) {
  auto ruleset = load_ruleset(dir, sources, out);
  if (!ruleset) return nullptr;
  if (!checker::check(*ruleset, out)) return nullptr;
  return ruleset;
}

}  // namespace pcs
