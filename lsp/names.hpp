// Finding a declaration by its name alone: top-level lets and functions,
// measures, certifications (the catalogue in stdlib/), categories,
// designations and metrics. The fallback of hover and go to definition when
// the checker did not resolve the name under the cursor (an error nearby);
// resolved names go through the SymbolIndex (lsp/symbol_index.hpp), which
// follows scopes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "interpreter/ruleset.hpp"

namespace pcs::lsp {

struct Declaration {
  SourcePos pos;
  std::string kind;    // "let", "fn", "measure", "certification", "category", "designation", "metric"
  std::string detail;  // type, title, codes
  const ast::MetricDecl* metric = nullptr;
};

/// The word (name, dotted name or exam code) around byte `column` (0-based) of `line`.
std::string word_at(std::string_view line, std::size_t column);

/// The declaration of `name`; of two metrics with one id (designations of
/// several files), the one in `file` (absolute path) first.
std::optional<Declaration> find_declaration(const Ruleset& rs, std::string_view name, const std::string& file);

}  // namespace pcs::lsp
