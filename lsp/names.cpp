// Name lookup for hover and go to definition.
#include "lsp/names.hpp"

#include <cctype>

#include <fmt/format.h>

#include "lsp/workspace.hpp"

namespace pcs::lsp {

std::string word_at(std::string_view line, std::size_t column) {
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-'; };
  if (column > line.size()) return {};
  std::size_t a = column, b = column;
  while (a > 0 && is_word(line[a - 1])) --a;
  while (b < line.size() && is_word(line[b])) ++b;
  return std::string(line.substr(a, b - a));
}

std::optional<Declaration> find_declaration(const Ruleset& rs, std::string_view name, const std::string& file) {
  if (auto it = rs.lets.find(name); it != rs.lets.end()) {
    const auto& l = *it->second;
    std::string detail;
    if (!l.is_function && l.body && !l.body->type.is(TypeKind::error)) detail = describe(l.body->type);
    return Declaration{l.pos, l.is_function ? "fn" : "let", detail};
  }
  if (auto it = rs.measures.find(name); it != rs.measures.end())
    return Declaration{it->second->pos, "measure", "in " + it->second->unit};
  if (auto it = rs.certifications.find(name); it != rs.certifications.end())
    return Declaration{it->second->pos, "certification", fmt::format("\"{}\" = {}", it->second->title, fmt::join(it->second->codes, " and "))};
  if (auto it = rs.codes.find(name); it != rs.codes.end())
    return Declaration{it->second->pos, "certification", fmt::format("\"{}\" = {}", it->second->title, fmt::join(it->second->codes, " and "))};
  if (auto it = rs.categories.find(name); it != rs.categories.end())
    return Declaration{it->second->pos, "category", "\"" + it->second->title + "\""};
  std::optional<Declaration> found;
  for (const auto* d : rs.designations) {
    if (d->id == name) return Declaration{d->pos, "designation", "\"" + d->title + "\""};
    for (const auto& c : d->categories)
      if (c.category)
        for (const auto& m : c.category->metrics)
          if (m->id == name && (!found || Workspace::absolute(m->pos.file) == file))
            found = Declaration{m->pos, "metric", "\"" + m->title + "\"", m.get()};
  }
  return found;
}

}  // namespace pcs::lsp
