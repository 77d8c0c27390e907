// textDocument/completion: the names in scope at the cursor (top-level lets
// and functions, the lets of the enclosing designation and metric, function
// parameters), the certifications and their exam codes from the catalogue
// (stdlib/certifications.pcs, as the checker indexed it: Ruleset::codes),
// measures, row fields, partner fields, native functions and keywords.
#pragma once

#include <nlohmann/json.hpp>

#include "lsp/workspace.hpp"

namespace pcs::lsp {

/// The items whose label starts with the word being typed (case-insensitively),
/// each with a textEdit replacing that word.
nlohmann::json completion(const Workspace& ws, const nlohmann::json& params);

}  // namespace pcs::lsp
