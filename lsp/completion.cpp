// Completion from the checked ruleset of the cursor's folder.
#include "lsp/completion.hpp"

#include <cctype>
#include <set>

#include "interpreter/natives.hpp"
#include "lsp/keywords.hpp"
#include "lsp/navigation.hpp"
#include "lsp/positions.hpp"
#include "lsp/symbol_index.hpp"

namespace pcs::lsp {

using nlohmann::json;

namespace {
// LSP CompletionItemKind numbers.
constexpr int kind_function = 3, kind_field = 5, kind_variable = 6, kind_module = 9, kind_keyword = 14, kind_constant = 21;

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-'; }

bool starts_with_folded(std::string_view label, std::string_view prefix) {
  if (prefix.size() > label.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(label[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
  return true;
}

bool before_or_at(const SourcePos& p, std::uint32_t line, std::uint32_t column) {
  return p.line < line || (p.line == line && p.column <= column);
}

/// The keys of the declarations around the cursor: the last one declared
/// before it in the file and its parents (a metric, its category, its
/// designation). Locals whose parent is one of them are in scope.
std::set<std::string> enclosing(const SymbolIndex& index, const std::string& path, std::uint32_t line, std::uint32_t column) {
  const Declared* last = nullptr;
  for (const auto& d : index.declarations())
    if (d.kind != "parameter" && absolute_once(d.pos.file) == path && before_or_at(d.pos, line, column) &&
        (!last || before_or_at(last->pos, d.pos.line, d.pos.column)))
      last = &d;
  std::set<std::string> chain;
  for (const Declared* d = last; d && chain.insert(key(d->pos)).second; d = d->parent.empty() ? nullptr : index.find(d->parent)) {
  }
  return chain;
}
}  // namespace

json completion(const Workspace& ws, const json& params) {
  const auto c = cursor_of(ws, params);
  json items = json::array();
  const auto* text = ws.text(c.path);
  if (!text) return items;
  const auto line = line_of(*text, c.line - 1);
  std::size_t start = std::min<std::size_t>(c.column - 1, line.size());
  const std::size_t end = start;
  while (start > 0 && word_char(line[start - 1])) --start;
  const std::string prefix(line.substr(start, end - start));
  const json range{{"start", {{"line", c.line - 1}, {"character", utf16_units(line, start)}}},
                   {"end", {{"line", c.line - 1}, {"character", utf16_units(line, end)}}}};
  std::set<std::string> seen;
  auto add = [&](const std::string& label, int kind, const std::string& detail) {
    // Once per label and kind: `value` is both a field of rows and a keyword.
    if (!starts_with_folded(label, prefix) || !seen.insert(label + "/" + std::to_string(kind)).second) return;
    items.push_back({{"label", label}, {"kind", kind}, {"detail", detail}, {"textEdit", {{"range", range}, {"newText", label}}}});
  };

  // partner.X: the fields of the partner record the checker accepts (interpreter/check_expr.cpp, check_name).
  if (prefix.rfind("partner.", 0) == 0) {
    for (const char* f : {"partner.id", "partner.name", "partner.market", "partner.attributes."})
      add(f, kind_field, "a field of the partner's record");
    return items;
  }

  const auto readers = analyses_reading(ws, c.path);
  if (!readers.empty()) {
    const auto& rs = *readers.front()->navigable();
    SymbolIndex index(rs);
    const auto scope = enclosing(index, c.path, c.line, c.column);
    for (const auto& d : index.declarations()) {
      const bool top = d.parent.empty();
      if (d.kind == "let" || d.kind == "fn" || d.kind == "parameter") {
        if (top || scope.count(d.parent)) add(d.name, d.kind == "fn" ? kind_function : kind_variable, d.kind + " " + d.detail);
      } else if (d.kind == "certification" || d.kind == "measure") {
        add(d.name, kind_constant, d.kind + " " + d.detail);
      } else if (d.kind == "category" && top) {
        add(d.name, kind_module, "category " + d.detail);
      }
    }
    // Exam codes of the catalogue.
    for (const auto& [code, cert] : rs.codes) add(code, kind_constant, "exam of " + cert->name + " \"" + cert->title + "\"");
  }
  for (const auto& n : all_natives()) add(std::string(n.name), kind_function, std::string(n.signature));
  for (const auto& b : builtin_names()) add(std::string(b), kind_variable, "always in scope");
  for (int f = 0; f < static_cast<int>(Field::count_); ++f)
    add(std::string(field_name(static_cast<Field>(f))), kind_field, "a field of rows, inside 'where'");
  add("partner.", kind_field, "the partner's record: id, name, market, attributes");
  for (const auto& k : keywords()) add(k, kind_keyword, "keyword");
  return items;
}

}  // namespace pcs::lsp
