// Scores and plans for one partner, with the unsaved buffers: the scoring
// recipe (engine/score_recipe.hpp) and the renderers of `pcs eval --format
// json` (cli/report_json.cpp) and `pcs plan --format json` (planner/).
#include <fmt/format.h>

#include "cli/report.hpp"
#include "data/json_loader.hpp"
#include "interpreter/value.hpp"
#include "planner/plan.hpp"
#include "planner/render_plan.hpp"
#include "serve/api.hpp"

namespace pcs::serve {

namespace {

/// What eval and plan both need: the rules compiled with the buffers, the
/// partner, and the request of the recipe.
struct Scoring {
  Compiled compiled;
  std::optional<data::Partner> dropped;  // a partner file dropped on the page
  const data::Partner* partner = nullptr;
  engine::Request request;
};

/// Fills `s` from the body; a 4xx answer when the request is bad. A ruleset
/// that does not compile is not a bad request: s.compiled.programs is empty.
std::optional<Response> prepare(const Workspace& ws, const Partners& partners, const Json& body, Scoring& s) {
  Response refused;
  bool bad = false;
  const auto id = string_member(body, "partner", refused, bad);
  const auto text = string_member(body, "partner_json", refused, bad);
  const auto name = string_member(body, "partner_name", refused, bad);
  const auto program = string_member(body, "program", refused, bad);
  const auto as_of = string_member(body, "as_of", refused, bad);
  if (bad) return refused;
  if (id) {
    for (const auto& p : partners.partners)
      if (p.id == *id) s.partner = &p;
    if (!s.partner)
      return error(404, partners.dir.empty()
                            ? fmt::format("there is no partner '{}': start pcs serve with --partners DIR, or drop a partner file", *id)
                            : fmt::format("there is no partner '{}' in '{}'", *id, partners.dir));
  } else if (text) {
    SourceFiles sources;
    Diagnostics diags;
    const std::string file = name.value_or("dropped partner file");
    const auto stored = sources.add(file, *text);
    s.dropped = data::load_partner_json(stored, file, diags);
    if (!s.dropped) {
      Json out = {{"error", fmt::format("the partner file '{}' is invalid", file)},
                  {"diagnostics", diagnostics_json(diags.items(), sources, ws)}};
      return Response{422, "application/json", out.dump()};
    }
    s.partner = &*s.dropped;
  } else {
    return error(400, "give \"partner\" (the id of a partner of the population) or \"partner_json\" (the text of a partner file)");
  }
  if (as_of && !as_of->empty()) {
    s.request.as_of = parse_month(*as_of);
    if (!s.request.as_of) return error(400, fmt::format("\"as_of\" expects a month written YYYY-MM, got \"{}\"", *as_of));
  }
  if (program && !program->empty()) s.request.program = *program;
  SourceOverlay overlay;
  if (!read_buffers(ws, body, overlay, refused)) return refused;
  compile(ws, overlay, s.compiled);
  if (s.compiled.programs)
    if (auto why = engine::check_request(*s.compiled.programs, s.request); !why.empty()) return error(400, why);
  return std::nullopt;
}

/// The answer when the rules do not compile: their diagnostics, nothing scored.
Response not_compiled(const Workspace& ws, Compiled& c) {
  const Json listed = diagnostics_json(c.diagnostics.items(), c.sources, ws);
  Json out = {{"ok", false},
              {"error", fmt::format("the rules have {}; nothing was scored", count_errors(listed))},
              {"diagnostics", listed}};
  return {200, "application/json", out.dump()};
}

/// The figures of the result as `pcs eval` prints them ("2 people", "7.5"),
/// by designation and metric id: the page shows these texts, so exact
/// decimals never pass through the browser's binary floating point.
Json shown_figures(const eval::PartnerResult& r) {
  const auto pts = [](const Decimal& d) { return d.to_string_floor(2); };
  Json out = Json::object();
  for (const auto& d : r.designations) {
    Json metrics = Json::object();
    for (const auto& m : d.metrics)
      metrics[m.id] = {{"value", m.value ? eval::display_number(*m.value, m.value_unit, 2) : "not scorable"},
                       {"points", pts(m.points)},
                       {"max", pts(m.max)}};
    Json categories = Json::object();
    for (const auto& c : d.categories) categories[c.id] = {{"points", pts(c.points)}, {"max", pts(c.max)}};
    out[d.id] = {{"total", pts(d.total)}, {"max", pts(d.max)}, {"categories", categories}, {"metrics", metrics}};
  }
  return out;
}

/// The answer when the partner cannot be scored at all (no as-of month, no version in force).
Response not_scored(const std::string& why) { return {200, "application/json", Json{{"ok", false}, {"error", why}}.dump()}; }

}  // namespace

Response eval_partner(const Workspace& ws, const Partners& partners, const Json& body) {
  Scoring s;
  if (auto refused = prepare(ws, partners, body, s)) return *refused;
  if (!s.compiled.programs) return not_compiled(ws, s.compiled);
  const eval::PartnerView view(*s.partner);
  const auto scored = engine::score(*s.compiled.programs, s.request, view);
  if (!scored.result) return not_scored(fmt::format("partner '{}' {}", s.partner->id, scored.error));
  Json members = {{"ok", true}, {"diagnostics", Json::array()}, {"shown", shown_figures(*scored.result)}};
  return {200, "application/json", object_with_raw(members, {{"result", cli::render_json(*scored.result)}})};
}

Response plan_partner(const Workspace& ws, const Partners& partners, const Json& body) {
  Scoring s;
  if (auto refused = prepare(ws, partners, body, s)) return *refused;
  if (!s.compiled.programs) return not_compiled(ws, s.compiled);
  const auto month = engine::as_of_month(s.request, *s.partner);
  if (!month) return not_scored(fmt::format("partner '{}' has no usage, so there is no default as-of month; give an as-of month", s.partner->id));
  std::string why;
  const Ruleset* ruleset = engine::version_at(*s.compiled.programs, s.request, *month, why);
  if (!ruleset) return not_scored(why);
  const auto costs = planner::default_costs();
  const auto plan = planner::plan_partner(*ruleset, *s.partner, *month, {}, costs);
  Json members = {{"ok", true}, {"diagnostics", Json::array()}};
  return {200, "application/json", object_with_raw(members, {{"result", planner::render_plan_json(plan, costs)}})};
}

}  // namespace pcs::serve
