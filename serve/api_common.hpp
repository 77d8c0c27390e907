// What the handlers of playground.cpp share: reading a JSON body, the unsaved
// buffers, the rules compiled with them, and diagnostics as JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "engine/score_recipe.hpp"
#include "interpreter/source_overlay.hpp"
#include "serve/playground.hpp"

namespace pcs::serve {

using Json = nlohmann::json;

/// The body as a JSON object; a 400 answer when it is not one.
std::optional<Json> parse_body(const Request& request, Response& refused);

/// A string member of `body`: nullopt when absent or null; a 400 answer in
/// `refused` when it is there but not a string.
std::optional<std::string> string_member(const Json& body, const char* name, Response& refused, bool& bad);

/// Reads body["buffers"] ({"path": "text", ...}, optional) into `overlay`.
/// False with a 4xx answer when it is not an object of strings or names a
/// file that is not a listed rule file.
bool read_buffers(const Workspace& ws, const Json& body, SourceOverlay& overlay, Response& refused);

/// Diagnostics as a JSON array: severity, code, file (as listed, or as the
/// loader named it when it is not a listed file), line, column (1-based,
/// bytes), length, message, hint, and `text`: the rendering with the source
/// line and the caret, as `pcs check` prints it. Duplicates (a file shared by
/// several versions) are listed once, sorted by file, line and column.
Json diagnostics_json(const std::vector<Diagnostic>& diagnostics, const SourceFiles& sources, const Workspace& ws);

/// The rules of the workspace (root) compiled with the overlay active: the
/// scoring recipe's engine::load_programs.
struct Compiled {
  SourceFiles sources;
  Diagnostics diagnostics;
  std::optional<engine::Programs> programs;
};
void compile(const Workspace& ws, const SourceOverlay& overlay, Compiled& out);

/// Every version checked as `pcs check` does (errors, then lint warnings).
void check_all(const Workspace& ws, const SourceOverlay& overlay, SourceFiles& sources, Diagnostics& out);

/// "1 error" / "3 errors": the errors of diagnostics_json (an error in a
/// file that several versions share counts once, as it is listed once).
std::string count_errors(const Json& diagnostics);

/// A JSON object text with the members in order; `raw` members are JSON texts
/// inserted as they are (exact numbers from the renderers, never re-parsed
/// into binary floating point).
std::string object_with_raw(const Json& members, const std::vector<std::pair<std::string, std::string>>& raw);

}  // namespace pcs::serve
