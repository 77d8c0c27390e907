// What a name evaluates to for a chosen test partner, for hover. The partner
// is the one the `pcs.testPartner` setting names (initializationOptions or
// workspace/didChangeConfiguration): a partner JSON file, or an `.expect`
// case (its partner file and as-of month, as `pcs test` reads them, see
// tester/expect_file.hpp). Without the setting, the case beside the rule
// file: the first `.expect` file, in name order, of the folder's tests/.
// Scoring goes through the one recipe (engine/score_recipe.hpp); the lines
// shown are the evaluator's own explanation lines, never re-parsed.
#pragma once

#include <optional>
#include <string>

#include "common/calendar.hpp"
#include "interpreter/ruleset.hpp"
#include "lsp/symbol_index.hpp"

namespace pcs::lsp {

struct PartnerChoice {
  std::string partner_file;
  std::optional<MonthIndex> as_of;  // from the .expect case; else the partner's latest usage month
  std::string from;                 // what chose it: "pcs.testPartner" or the .expect file's name
};

/// The partner for hovers over files of `rule_dir`. `setting` may be empty,
/// absolute, or relative to `root` (the workspace folder). nullopt (with
/// `why` when something named could not be used) when there is none.
std::optional<PartnerChoice> choose_partner(const std::string& setting, const std::string& root, const std::string& rule_dir,
                                            std::string& why);

/// Markdown for the hover of `d`: its value for the partner (a top-level
/// let), its points and explanation (a metric, per designation using it),
/// the designation's total and verdict, a category's points, a badge or a
/// specialization; "" for declarations that have no value of their own.
std::string partner_values(const Ruleset& rs, const Declared& d, const PartnerChoice& choice);

}  // namespace pcs::lsp
