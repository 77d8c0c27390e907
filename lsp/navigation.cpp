// Definition, references and the outline of a file.
#include "lsp/navigation.hpp"

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <algorithm>

#include "lsp/names.hpp"
#include "lsp/positions.hpp"
#include "lsp/symbol_index.hpp"

namespace pcs::lsp {

using nlohmann::json;

namespace {
bool reads(const Ruleset& rs, const std::string& path) {
  for (const auto& m : rs.modules)
    if (absolute_once(m->file) == path) return true;
  for (const auto& v : rs.imported_versions)
    if (reads(*v, path)) return true;
  return false;
}

int symbol_kind(const std::string& kind) {
  // LSP SymbolKind numbers.
  if (kind == "designation") return 5;      // Class
  if (kind == "category") return 3;         // Namespace
  if (kind == "metric") return 7;           // Property
  if (kind == "fn") return 12;              // Function
  if (kind == "let") return 13;             // Variable
  if (kind == "measure") return 14;         // Constant
  if (kind == "certification") return 14;   // Constant
  if (kind == "badge") return 24;           // Event
  if (kind == "specialization") return 11;  // Interface
  return 4;                                 // Package: the program
}
}  // namespace

Cursor cursor_of(const Workspace& ws, const json& p) {
  Cursor c;
  c.path = Workspace::absolute(uri_to_path(p["textDocument"]["uri"].get<std::string>()));
  c.line = p["position"]["line"].get<std::uint32_t>() + 1;
  const auto* text = ws.text(c.path);
  if (!text) return c;
  const auto line = line_of(*text, c.line - 1);
  const auto byte = byte_offset(line, p["position"]["character"].get<std::uint32_t>());
  c.column = static_cast<std::uint32_t>(byte) + 1;
  c.word = word_at(line, byte);
  return c;
}

std::vector<const Analysis*> analyses_reading(const Workspace& ws, const std::string& path) {
  std::vector<const Analysis*> out;
  const auto dir = std::filesystem::path(path).parent_path().string();
  if (auto own = ws.analyses().find(dir); own != ws.analyses().end() && own->second.navigable()) out.push_back(&own->second);
  for (const auto& [d, a] : ws.analyses())
    if (d != dir && a.navigable() && reads(*a.navigable(), path)) out.push_back(&a);
  return out;
}

json location(const Workspace& ws, const SourcePos& pos, std::uint32_t length) {
  SourcePos p = pos;
  if (length) p.length = length;
  const auto file = absolute_once(pos.file);
  std::string line;
  if (const auto* text = ws.text(file)) {
    line = std::string(line_of(*text, pos.line - 1));
  } else {
    for (const auto& [dir, a] : ws.analyses())
      if (a.sources.has_line(pos.file, pos.line)) { line = std::string(a.sources.line(pos.file, pos.line)); break; }
  }
  return {{"uri", path_to_uri(file)}, {"range", range_of(p, line)}};
}

json definition(const Workspace& ws, const json& params) {
  const auto c = cursor_of(ws, params);
  for (const auto* a : analyses_reading(ws, c.path)) {
    SymbolIndex index(*a->navigable());
    if (const auto* d = index.at(c.path, c.line, c.column))
      return location(ws, d->pos, static_cast<std::uint32_t>(d->name.size()));
    // Not resolved by the checker (an error nearby): the top-level declaration of that name.
    if (!c.word.empty())
      if (auto d = find_declaration(*a->navigable(), c.word, c.path)) return location(ws, d->pos, static_cast<std::uint32_t>(c.word.size()));
  }
  return nullptr;
}

json references(const Workspace& ws, const json& params) {
  const auto c = cursor_of(ws, params);
  std::string target;
  for (const auto* a : analyses_reading(ws, c.path)) {
    SymbolIndex index(*a->navigable());
    if (const auto* d = index.at(c.path, c.line, c.column)) { target = key(d->pos); break; }
  }
  if (target.empty()) return json::array();
  const bool with_declaration = params.contains("context") && params["context"].value("includeDeclaration", false);
  // Every open folder: a stdlib name is used by every version that imports it.
  std::map<std::string, json> found;  // by key, so a file read by two folders is listed once, in order
  for (const auto& [dir, a] : ws.analyses()) {
    if (!a.navigable()) continue;
    SymbolIndex index(*a.navigable());
    for (const auto& u : index.uses())
      if (u.declared == target) found.emplace(key(u.pos), location(ws, u.pos, u.length));
    if (with_declaration)
      if (const auto* d = index.find(target)) found.emplace(key(d->pos), location(ws, d->pos, static_cast<std::uint32_t>(d->name.size())));
  }
  json out = json::array();
  std::vector<json> sorted;
  for (auto& [k, loc] : found) sorted.push_back(std::move(loc));
  auto order = [](const json& l) {
    return std::make_tuple(l["uri"].get<std::string>(), l["range"]["start"]["line"].get<std::int64_t>(),
                           l["range"]["start"]["character"].get<std::int64_t>());
  };
  std::sort(sorted.begin(), sorted.end(), [&](const json& x, const json& y) { return order(x) < order(y); });
  for (auto& loc : sorted) out.push_back(std::move(loc));
  return out;
}

json document_symbols(const Workspace& ws, const json& params) {
  const auto path = Workspace::absolute(uri_to_path(params["textDocument"]["uri"].get<std::string>()));
  const auto readers = analyses_reading(ws, path);
  if (readers.empty()) return json::array();
  SymbolIndex index(*readers.front()->navigable());
  // Declarations come parent first, so each node's parent is already there.
  struct Node {
    json symbol;
    std::vector<std::size_t> children;
  };
  std::vector<Node> nodes;
  std::map<std::string, std::size_t> by_key;
  std::vector<std::size_t> roots;
  for (const auto& d : index.declarations()) {
    if (d.kind == "parameter" || absolute_once(d.pos.file) != path) continue;
    const auto range = location(ws, d.pos, static_cast<std::uint32_t>(d.name.size()))["range"];
    json symbol{{"name", d.name}, {"detail", d.kind + (d.detail.empty() ? "" : " " + d.detail)}, {"kind", symbol_kind(d.kind)},
                {"range", range}, {"selectionRange", range}};
    nodes.push_back({std::move(symbol), {}});
    by_key[key(d.pos)] = nodes.size() - 1;
    if (auto parent = by_key.find(d.parent); !d.parent.empty() && parent != by_key.end())
      nodes[parent->second].children.push_back(nodes.size() - 1);
    else
      roots.push_back(nodes.size() - 1);
  }
  std::function<json(std::size_t)> tree = [&](std::size_t i) {
    json s = nodes[i].symbol;
    if (!nodes[i].children.empty()) {
      s["children"] = json::array();
      for (auto child : nodes[i].children) s["children"].push_back(tree(child));
    }
    return s;
  };
  json out = json::array();
  for (auto r : roots) out.push_back(tree(r));
  return out;
}

}  // namespace pcs::lsp
