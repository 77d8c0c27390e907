// The scoring recipe (see score_recipe.hpp).
#include "engine/score_recipe.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "interpreter/compile.hpp"

namespace pcs::engine {

std::vector<const Ruleset*> Programs::versions() const {
  std::vector<const Ruleset*> out;
  if (single) out.push_back(single.get());
  if (library)
    for (const auto& v : library->versions) out.push_back(v.get());
  return out;
}

std::optional<Programs> load_programs(const std::string& path, SourceFiles& sources, Diagnostics& out) {
  Programs p;
  p.path = path;
  if (is_program_library(path)) p.library = load_program_library(path, sources, out);
  else p.single = compile_ruleset(path, sources, out);
  if (!p.single && !p.library) return std::nullopt;
  return p;
}

Programs one_program(std::unique_ptr<Ruleset> ruleset, std::string path) {
  Programs p;
  p.path = std::move(path);
  p.single = std::move(ruleset);
  return p;
}

std::string check_request(const Programs& programs, const Request& request) {
  const auto versions = programs.versions();
  if (request.program) {
    if (programs.single && programs.single->program->id != *request.program)
      return fmt::format("'{}' is program {}, not {}", programs.path, programs.single->program->id, *request.program);
    if (programs.library) {
      std::string why;
      if (!select_program(*programs.library, request.program, 0, why)) return why;
    }
  }
  for (const auto& id : request.designations) {
    const bool known = std::any_of(versions.begin(), versions.end(), [&](const Ruleset* r) {
      return (!request.program || r->program->id == *request.program) && r->find_designation(id);
    });
    if (known) continue;
    std::vector<std::string> ids;
    for (const Ruleset* r : versions)
      if (!request.program || r->program->id == *request.program)
        for (const auto* d : r->designations)
          if (std::find(ids.begin(), ids.end(), d->id) == ids.end()) ids.push_back(d->id);
    return fmt::format("the ruleset has no designation '{}'; it has: {}", id, fmt::join(ids, ", "));
  }
  return {};
}

const Ruleset* version_at(const Programs& programs, const Request& request, MonthIndex as_of, std::string& why) {
  if (!programs.library) return programs.single.get();
  return select_program(*programs.library, request.program, as_of, why);
}

std::optional<MonthIndex> as_of_month(const Request& request, const data::Partner& partner) {
  if (request.as_of) return request.as_of;
  return partner.latest_month();
}

bool Scored::evaluation_failed() const {
  if (!result) return false;
  const auto& r = *result;
  return std::any_of(r.designations.begin(), r.designations.end(), [](const auto& d) { return !d.error.empty(); }) ||
         std::any_of(r.badges.begin(), r.badges.end(), [](const auto& b) { return !b.error.empty(); }) ||
         std::any_of(r.specializations.begin(), r.specializations.end(), [](const auto& s) { return !s.error.empty(); });
}

namespace {

Scored evaluate(const Ruleset& ruleset, MonthIndex as_of, const Request& request, const eval::PartnerView& view) {
  Scored out;
  eval::Options options;
  options.as_of = as_of;
  options.designations = request.designations;
  options.limit_ms = request.limit_ms;
  options.explain = request.explain;
  options.specializations = request.specializations;
  try {
    out.result = eval::evaluate(ruleset, view, options);
  } catch (const std::exception& e) {  // evaluate reports its own errors; this is a last guard
    out.error = fmt::format("internal error while scoring: {}", e.what());
  }
  return out;
}

Scored no_as_of() {
  Scored out;
  out.problem = Scored::Problem::no_as_of;
  out.error = "has no usage, so there is no default as-of month; give --as-of YYYY-MM";
  return out;
}

}  // namespace

Scored score(const Programs& programs, const Request& request, const eval::PartnerView& view) {
  const auto as_of = as_of_month(request, view.partner);
  if (!as_of) return no_as_of();
  Scored out;
  const Ruleset* ruleset = version_at(programs, request, *as_of, out.error);
  if (!ruleset) {
    out.problem = Scored::Problem::no_version;
    return out;
  }
  return evaluate(*ruleset, *as_of, request, view);
}

Scored score(const Ruleset& ruleset, const Request& request, const eval::PartnerView& view) {
  const auto as_of = as_of_month(request, view.partner);
  if (!as_of) return no_as_of();
  return evaluate(ruleset, *as_of, request, view);
}

}  // namespace pcs::engine
