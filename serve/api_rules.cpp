// The rule files: their list and text, their diagnostics with the unsaved
// buffers, and Save, which writes one file only when the rules still check.
#include <fstream>

#include <fmt/format.h>

#include "serve/api.hpp"

namespace pcs::serve {

namespace {
std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
}  // namespace

Response list_files(const Workspace& ws, const Partners& partners) {
  Json files = Json::array();
  for (const auto& f : ws.files())
    files.push_back({{"path", f.path}, {"version", f.version}, {"text", read_file(f.location)}});
  Json people = Json::array();
  for (const auto& p : partners.partners) people.push_back({{"id", p.id}, {"name", p.name}});
  Json out = {{"root", ws.root()},         {"library", ws.is_library()}, {"versions", ws.versions()},
              {"files", files},            {"partners_dir", partners.dir}, {"partners", people},
              {"partner_errors", partners.errors}};
  return {200, "application/json", out.dump()};
}

Response check_rules(const Workspace& ws, const Json& body) {
  Response refused;
  SourceOverlay overlay;
  if (!read_buffers(ws, body, overlay, refused)) return refused;
  SourceFiles sources;
  Diagnostics diags;
  check_all(ws, overlay, sources, diags);
  Json out = {{"errors", diags.error_count()}, {"diagnostics", diagnostics_json(diags.items(), sources, ws)}};
  return {200, "application/json", out.dump()};
}

Response save_rule_file(const Workspace& ws, const Json& body, std::mutex& one_at_a_time) {
  Response refused;
  bool bad = false;
  auto path = string_member(body, "path", refused, bad);
  auto text = string_member(body, "text", refused, bad);
  if (bad) return refused;
  if (!path || !text)
    return error(400, "Save needs \"path\" (a rule file of the ruleset, such as \"2025-01/program.pcs\") and \"text\"");
  if (auto why = refusal(ws, *path); !why.empty()) return error(403, why);
  const RuleFile& file = *ws.find(*path);
  // Only this file's new text is checked with the files on disk: the other
  // unsaved buffers are not being saved, so they must not make it pass.
  SourceOverlay overlay;
  overlay.set(file.location, *text);
  const std::lock_guard<std::mutex> lock(one_at_a_time);
  SourceFiles sources;
  Diagnostics diags;
  check_all(ws, overlay, sources, diags);
  if (diags.has_errors()) {
    const Json listed = diagnostics_json(diags.items(), sources, ws);
    Json out = {{"error", fmt::format("'{}' was not saved: the rules would have {}", *path, count_errors(listed))},
                {"diagnostics", listed}};
    return {409, "application/json", out.dump()};
  }
  std::ofstream out(file.location, std::ios::binary | std::ios::trunc);
  out << *text;
  out.close();
  if (!out) return error(500, fmt::format("'{}' could not be written", *path));
  return {200, "application/json", Json{{"saved", *path}, {"bytes", text->size()}}.dump()};
}

}  // namespace pcs::serve
