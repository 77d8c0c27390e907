// Two versions of the folder of versions on the population, with the
// unsaved buffers: each partner scored by both through the scoring recipe,
// compared by compare/ and rendered as `pcs diff --format json` renders it.
#include <algorithm>

#include <fmt/format.h>

#include "compare/diff_report.hpp"
#include "compare/version_diff.hpp"
#include "interpreter/compile.hpp"
#include "serve/api.hpp"

namespace pcs::serve {

Response diff_versions(const Workspace& ws, const Partners& partners, const Json& body) {
  if (!ws.is_library())
    return error(400, fmt::format("the diff compares two versions of a folder of versions; '{}' is one version folder",
                                  ws.root()));
  if (partners.partners.empty())
    return error(400, "the diff scores a population: start pcs serve with --partners DIR");
  Response refused;
  bool bad = false;
  auto old_version = string_member(body, "old", refused, bad);
  auto new_version = string_member(body, "new", refused, bad);
  if (bad) return refused;
  const auto& versions = ws.versions();
  if (!old_version || !new_version)
    return error(400, "the diff needs \"old\" and \"new\": two version folders, such as \"2023-06\" and \"2025-01\"");
  for (const auto* v : {&*old_version, &*new_version})
    if (std::find(versions.begin(), versions.end(), *v) == versions.end())
      return error(400, fmt::format("there is no version folder '{}'; the versions are: {}", *v, fmt::join(versions, ", ")));
  SourceOverlay overlay;
  if (!read_buffers(ws, body, overlay, refused)) return refused;

  SourceFiles sources;
  Diagnostics diags;
  std::unique_ptr<Ruleset> before_rules, after_rules;
  {
    const SourceOverlay::Scope scope(overlay);
    before_rules = compile_ruleset(ws.version_dir(*old_version), sources, diags);
    after_rules = compile_ruleset(ws.version_dir(*new_version), sources, diags);
  }
  if (!before_rules || !after_rules) {
    const Json listed = diagnostics_json(diags.items(), sources, ws);
    Json out = {{"ok", false},
                {"error", fmt::format("the versions have {}; nothing was compared", count_errors(listed))},
                {"diagnostics", listed}};
    return {200, "application/json", out.dump()};
  }
  const auto before = engine::one_program(std::move(before_rules), ws.version_dir(*old_version));
  const auto after = engine::one_program(std::move(after_rules), ws.version_dir(*new_version));
  std::vector<compare::ScoredPair> scored;
  Json skipped = Json::array();
  const engine::Request request;
  for (std::size_t i = 0; i < partners.partners.size(); ++i) {
    const eval::PartnerView view(partners.partners[i]);
    auto a = engine::score(before, request, view);
    auto b = engine::score(after, request, view);
    if (!a.result || !b.result) {
      skipped.push_back(fmt::format("partner '{}' {}", partners.partners[i].id, (a.result ? b : a).error));
      continue;
    }
    scored.push_back({i, std::move(*a.result), std::move(*b.result)});
  }
  const auto diff = compare::diff_versions(*before.single, *after.single, std::move(scored), {});
  Json members = {{"ok", true}, {"skipped", skipped}};
  return {200, "application/json", object_with_raw(members, {{"result", compare::render_diff_json(diff, 5)}})};
}

}  // namespace pcs::serve
