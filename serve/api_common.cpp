// Shared pieces of the handlers (see api_common.hpp).
#include "serve/api_common.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "interpreter/checker.hpp"
#include "interpreter/ruleset.hpp"
#include "lint/lint.hpp"

namespace pcs::serve {

std::optional<Json> parse_body(const Request& request, Response& refused) {
  // nlohmann's parser, without exceptions: a malformed body is a value, not a throw.
  Json body = Json::parse(request.body, nullptr, false);
  if (body.is_discarded()) {
    refused = error(400, "the request body is not valid JSON");
    return std::nullopt;
  }
  if (!body.is_object()) {
    refused = error(400, "the request body must be a JSON object, such as {\"buffers\": {}}");
    return std::nullopt;
  }
  return body;
}

std::optional<std::string> string_member(const Json& body, const char* name, Response& refused, bool& bad) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    refused = error(400, fmt::format("\"{}\" must be a string", name));
    bad = true;
    return std::nullopt;
  }
  return it->get<std::string>();
}

bool read_buffers(const Workspace& ws, const Json& body, SourceOverlay& overlay, Response& refused) {
  auto it = body.find("buffers");
  if (it == body.end() || it->is_null()) return true;
  if (!it->is_object()) {
    refused = error(400, "\"buffers\" must be an object mapping rule file paths to their text");
    return false;
  }
  for (const auto& [path, text] : it->items()) {
    if (!text.is_string()) {
      refused = error(400, fmt::format("the buffer of '{}' must be a string", path));
      return false;
    }
    if (auto why = refusal(ws, path); !why.empty()) {
      refused = error(403, why);
      return false;
    }
    overlay.set(ws.find(path)->location, text.get<std::string>());
  }
  return true;
}

namespace {
const char* severity_name(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}
}  // namespace

Json diagnostics_json(const std::vector<Diagnostic>& diagnostics, const SourceFiles& sources, const Workspace& ws) {
  struct Row {
    std::string file;
    const Diagnostic* d;
  };
  std::vector<Row> rows;
  for (const auto& d : diagnostics) {
    auto file = ws.relative(d.pos.file);
    if (file.empty()) file = d.pos.file;
    const bool seen = std::any_of(rows.begin(), rows.end(), [&](const Row& r) {
      return r.file == file && r.d->pos.line == d.pos.line && r.d->pos.column == d.pos.column && r.d->message == d.message;
    });
    if (!seen) rows.push_back({file, &d});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.file, a.d->pos.line, a.d->pos.column) < std::tie(b.file, b.d->pos.line, b.d->pos.column);
  });
  Json out = Json::array();
  for (const auto& r : rows) {
    const auto& d = *r.d;
    out.push_back({{"severity", severity_name(d.severity)},
                   {"code", d.code},
                   {"file", r.file},
                   {"line", d.pos.line},
                   {"column", d.pos.column},
                   {"length", d.pos.length},
                   {"message", d.message},
                   {"hint", d.hint},
                   {"text", render(d, sources)}});
  }
  return out;
}

void compile(const Workspace& ws, const SourceOverlay& overlay, Compiled& out) {
  const SourceOverlay::Scope scope(overlay);
  out.programs = engine::load_programs(ws.root(), out.sources, out.diagnostics);
}

void check_all(const Workspace& ws, const SourceOverlay& overlay, SourceFiles& sources, Diagnostics& out) {
  const SourceOverlay::Scope scope(overlay);
  std::vector<std::string> dirs;
  for (const auto& v : ws.versions()) dirs.push_back(ws.version_dir(v));
  if (dirs.empty()) dirs.push_back(ws.root());
  for (const auto& dir : dirs) {
    Diagnostics diags;
    auto ruleset = load_ruleset(dir, sources, diags);
    if (ruleset && checker::check(*ruleset, diags)) lint::warn(*ruleset, diags);
    out.append(diags);
  }
}

std::string count_errors(const Json& diagnostics) {
  const auto n = std::count_if(diagnostics.begin(), diagnostics.end(), [](const Json& d) { return d.at("severity") == "error"; });
  return fmt::format("{} error{}", n, n == 1 ? "" : "s");
}

std::string object_with_raw(const Json& members, const std::vector<std::pair<std::string, std::string>>& raw) {
  std::string o = members.dump();
  o.pop_back();  // the closing brace
  for (const auto& [name, text] : raw) o += fmt::format("{}{}:{}", o.size() > 1 ? "," : "", Json(name).dump(), text);
  return o + "}";
}

}  // namespace pcs::serve
