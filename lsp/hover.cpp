// Hover text from the symbol index, the sources and the test partner.
#include "lsp/hover.hpp"

#include "lsp/names.hpp"
#include "lsp/navigation.hpp"
#include "lsp/positions.hpp"
#include "lsp/symbol_index.hpp"
#include "lsp/test_partner.hpp"

namespace pcs::lsp {

using nlohmann::json;

namespace {
/// Line `n` (1-based) of `file`: the editor's buffer when open, else as last read.
std::optional<std::string> source_line(const Workspace& ws, const std::string& file, std::uint32_t n) {
  if (n == 0) return std::nullopt;
  if (const auto* text = ws.text(Workspace::absolute(file))) {
    std::uint32_t lines = 1;
    for (char ch : *text) lines += ch == '\n';
    if (n > lines) return std::nullopt;
    return std::string(line_of(*text, n - 1));
  }
  for (const auto& [dir, a] : ws.analyses())
    if (a.sources.has_line(file, n)) return std::string(a.sources.line(file, n));
  return std::nullopt;
}
}  // namespace

json hover(const Workspace& ws, const json& params, const HoverSettings& settings) {
  const auto c = cursor_of(ws, params);
  const auto readers = analyses_reading(ws, c.path);
  if (readers.empty()) return nullptr;
  const Analysis& a = *readers.front();
  const Ruleset& rs = *a.navigable();
  SymbolIndex index(rs);
  std::optional<Declared> decl;
  if (const auto* indexed = index.at(c.path, c.line, c.column)) {
    decl = *indexed;
  } else if (!c.word.empty()) {
    // Not resolved by the checker (an error nearby): the top-level declaration of that name.
    if (auto named = find_declaration(rs, c.word, c.path)) decl = Declared{c.word, named->kind, named->pos, named->detail, "", named->metric};
  }
  if (!decl) return nullptr;

  std::string text = "```pcs\n" + decl->kind + " " + decl->name + (decl->detail.empty() ? "" : " " + decl->detail) + "\n```";
  // The comment lines just above the declaration: the document's sentence it encodes.
  std::string comment;
  for (auto n = decl->pos.line; n > 1; --n) {
    auto l = source_line(ws, decl->pos.file, n - 1);
    if (!l) break;
    const auto first = l->find_first_not_of(' ');
    if (first == std::string::npos || (*l)[first] != '#') break;
    comment = l->substr(first + 1) + "\n" + comment;
  }
  if (!comment.empty()) text += "\n\n" + comment;
  if (decl->metric && decl->metric->score)
    if (auto rule = source_line(ws, decl->metric->score->pos.file, decl->metric->score->pos.line))
      if (const auto first = rule->find_first_not_of(' '); first != std::string::npos)
        text += "\n\nScoring rule: `" + rule->substr(first) + "`";

  // Values for the test partner: from the current buffers only (partner_values says when they do not check).
  if (a.ruleset) {
    std::string why;
    if (auto choice = choose_partner(settings.test_partner, settings.root, a.dir, why)) {
      if (auto values = partner_values(*a.ruleset, *decl, *choice); !values.empty()) text += "\n\n---\n\n" + values;
    } else if (!why.empty()) {
      text += "\n\n---\n\n" + why;
    }
  }
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}};
}

}  // namespace pcs::lsp
