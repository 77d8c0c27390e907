// Routing a request to its handler (see playground.hpp).
#include "serve/playground.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "serve/api.hpp"
#include "serve/page_assets.hpp"

namespace pcs::serve {

Response error(int status, const std::string& message) {
  return {status, "application/json", Json{{"error", message}}.dump()};
}

Playground::Playground(Workspace workspace, Partners partners)
    : workspace_(std::move(workspace)), partners_(std::move(partners)) {}

Response Playground::handle(const Request& request) {
  try {
    return route(request);
  } catch (const std::exception& e) {  // the handlers report their own errors; this is a last guard
    return error(500, fmt::format("internal error: {}", e.what()));
  }
}

Response Playground::route(const Request& request) {
  const std::string& path = request.path;
  if (!allowed_hosts.empty() && std::find(allowed_hosts.begin(), allowed_hosts.end(), request.host) == allowed_hosts.end())
    return error(403, fmt::format("the host '{}' is not served: open {}", request.host, "http://" + allowed_hosts.front() + "/"));
  const bool api = path.rfind("/api/", 0) == 0;
  if (!api) {
    const Asset* asset = find_asset(path);
    if (!asset) return error(404, fmt::format("there is no page '{}'", path));
    if (request.method != "GET" && request.method != "HEAD")
      return error(405, fmt::format("'{}' is read with GET, not {}", path, request.method));
    return {200, std::string(asset->content_type), std::string(asset->bytes)};
  }
  if (path == "/api/files") {
    if (request.method != "GET") return error(405, "/api/files is read with GET");
    return list_files(workspace_, partners_);
  }
  using Handler = Response (*)(Playground&, const Json&);
  static const std::pair<const char*, Handler> posts[] = {
      {"/api/check", [](Playground& p, const Json& b) { return check_rules(p.workspace_, b); }},
      {"/api/eval", [](Playground& p, const Json& b) { return eval_partner(p.workspace_, p.partners_, b); }},
      {"/api/plan", [](Playground& p, const Json& b) { return plan_partner(p.workspace_, p.partners_, b); }},
      {"/api/diff", [](Playground& p, const Json& b) { return diff_versions(p.workspace_, p.partners_, b); }},
      {"/api/save", [](Playground& p, const Json& b) { return save_rule_file(p.workspace_, b, p.save_); }},
  };
  for (const auto& [route_path, handler] : posts) {
    if (path != route_path) continue;
    if (request.method != "POST") return error(405, fmt::format("{} takes a POST with a JSON body", path));
    if (request.body.size() > max_body_bytes)
      return error(413, fmt::format("the request body has {} bytes; at most {} are accepted", request.body.size(), max_body_bytes));
    // A cross-site form or a "simple" fetch cannot send this type without the
    // browser asking first, which this server never allows: no other site can Save.
    if (request.content_type.rfind("application/json", 0) != 0)
      return error(415, "the API takes JSON: send the header Content-Type: application/json");
    Response refused;
    const auto body = parse_body(request, refused);
    if (!body) return refused;
    return handler(*this, *body);
  }
  return error(404, fmt::format("there is no API '{}'", path));
}

}  // namespace pcs::serve
