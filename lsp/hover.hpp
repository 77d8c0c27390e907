// textDocument/hover: a name's declaration (kind, name, type, unit or
// title), the document sentence quoted in the comment above it, a metric's
// scoring rule and, when a test partner is chosen (lsp/test_partner.hpp),
// what it evaluates to for that partner with the evaluator's explanation.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "lsp/workspace.hpp"

namespace pcs::lsp {

struct HoverSettings {
  std::string test_partner;  // the pcs.testPartner setting ("" : the case beside the file)
  std::string root;          // the workspace folder, for a relative test_partner
};

nlohmann::json hover(const Workspace& ws, const nlohmann::json& params, const HoverSettings& settings);

}  // namespace pcs::lsp
