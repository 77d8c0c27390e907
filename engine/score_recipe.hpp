// The one scoring recipe of pcs: which rules (one version folder or a folder
// of versions), which as-of month, which version, then evaluate. `pcs eval`
// (one partner or a population), `pcs diff` and `pcs test` all score through
// it, so a partner gets the same month and version whichever command asks.
//
//     auto programs = engine::load_programs("rulesets", sources, diags);
//     engine::Request request{.as_of = parse_month("2024-06")};
//     if (auto why = engine::check_request(*programs, request); !why.empty()) ...
//     eval::PartnerView view(partner);              // once per partner
//     engine::Scored s = engine::score(*programs, request, view);
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "interpreter/evaluator.hpp"
#include "interpreter/program_library.hpp"
#include "interpreter/ruleset.hpp"

namespace pcs::engine {

/// The rules to score with: one compiled version, or a folder of versions.
struct Programs {
  std::string path;  // as given, for messages
  std::unique_ptr<Ruleset> single;
  std::optional<ProgramLibrary> library;
  /// Every version, in order of effective date.
  std::vector<const Ruleset*> versions() const;
};

/// Compiles `path` (a version folder, or a folder of version folders).
/// Returns nullopt with the diagnostics when a rule file does not parse or check.
std::optional<Programs> load_programs(const std::string& path, SourceFiles& sources, Diagnostics& out);

/// One version, already compiled (`pcs test`, `pcs diff`).
Programs one_program(std::unique_ptr<Ruleset> ruleset, std::string path);

struct Request {
  std::optional<MonthIndex> as_of;          // default: the partner's latest usage month
  std::optional<std::string> program;       // a folder of versions: this one, not the one in force
  std::vector<std::string> designations;    // default: all
  std::uint32_t limit_ms = 10'000;          // time budget per partner and version (0: none), eval::Options::limit_ms
  bool explain = true;                      // build the explanation lines, eval::Options::explain
  bool specializations = true;              // evaluate the specializations, eval::Options::specializations
};

/// What is wrong with the request whatever the partner ("" when nothing):
/// a program id that no version has, a designation no version has.
std::string check_request(const Programs& programs, const Request& request);

/// The version that scores at `as_of`: the single one, or the one of the
/// library that request.program names or that is in force then; nullptr
/// with `why` when there is none.
const Ruleset* version_at(const Programs& programs, const Request& request, MonthIndex as_of, std::string& why);

/// The as-of month, the one rule for every command: the month asked for,
/// else the latest usage month of the partner; nullopt when neither exists.
std::optional<MonthIndex> as_of_month(const Request& request, const data::Partner& partner);

struct Scored {
  enum class Problem { none, no_as_of, no_version };
  std::optional<eval::PartnerResult> result;  // when it could be scored
  Problem problem = Problem::none;
  /// Why it was not scored: "has no usage, so there is no default as-of
  /// month; give --as-of YYYY-MM" (to follow the partner's name), or what
  /// select_program says ("no program version is in force at 2019-01; ...").
  std::string error;
  bool evaluation_failed() const;             // a designation, badge or specialization has an error
};

/// Resolves the month and the version for the partner of `view`, then
/// evaluates. Never throws.
Scored score(const Programs& programs, const Request& request, const eval::PartnerView& view);

/// The same with one version given (request.program is not looked at).
Scored score(const Ruleset& ruleset, const Request& request, const eval::PartnerView& view);

}  // namespace pcs::engine
