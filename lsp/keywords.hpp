// The words of the language, read from the grammar's own rules
// (grammar/grammar.hpp: the kw_* rules, the units, the reserved words), so
// completion offers what the parser accepts and no second list is kept.
#pragma once

#include <string>
#include <vector>

namespace pcs::lsp {

/// Every keyword of the grammar (declaration and expression words), sorted, once each.
const std::vector<std::string>& keywords();

}  // namespace pcs::lsp
