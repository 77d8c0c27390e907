// Go to definition, find references and document symbols, from the
// SymbolIndex of each analysed ruleset folder (lsp/symbol_index.hpp).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "lsp/workspace.hpp"

namespace pcs::lsp {

/// Where the cursor of a textDocument/position request is: the absolute
/// file, 1-based line and 1-based byte column, and the word under it.
struct Cursor {
  std::string path;
  std::uint32_t line = 0, column = 0;
  std::string word;
};
Cursor cursor_of(const Workspace& ws, const nlohmann::json& params);

/// The analyses whose ruleset reads `path`: its own folder's first, then
/// every other open folder that imports it (a stdlib file).
std::vector<const Analysis*> analyses_reading(const Workspace& ws, const std::string& path);

/// An LSP Location for `pos` (`length` bytes wide, 0: pos.length).
nlohmann::json location(const Workspace& ws, const SourcePos& pos, std::uint32_t length = 0);

/// textDocument/definition: a Location, or null.
nlohmann::json definition(const Workspace& ws, const nlohmann::json& params);
/// textDocument/references: the uses of the declaration at the cursor in
/// every open ruleset folder (and the declaration when context.includeDeclaration).
nlohmann::json references(const Workspace& ws, const nlohmann::json& params);
/// textDocument/documentSymbol: the file's declarations as a tree
/// (designation > category > metric, metric > let).
nlohmann::json document_symbols(const Workspace& ws, const nlohmann::json& params);

}  // namespace pcs::lsp
