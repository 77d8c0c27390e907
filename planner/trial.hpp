// One working copy of a partner on which the planner scores trial after
// trial: each trial's edits are applied, the designation scored, and the
// copy brought back to the partner's data by truncation (edits that the
// planner writes only append people, certifications, customers and usage
// rows), with the evaluator's view of the partner kept up to date the same
// way. A copy of the whole partner per trial cost as much as the trial for a
// partner with much usage.
#pragma once

#include <cstddef>
#include <vector>

#include "data/edits.hpp"
#include "interpreter/evaluator.hpp"

namespace pcs::planner {

class TrialPartner {
 public:
  explicit TrialPartner(const data::Partner& partner);
  TrialPartner(const TrialPartner&) = delete;
  TrialPartner& operator=(const TrialPartner&) = delete;

  /// Scores designation `d` at `as_of` with `edits` applied, as
  /// eval::evaluate would on a copy of the partner with the edits applied
  /// (no specialization is evaluated). `edits` must not remove people.
  eval::DesignationResult score(const Ruleset& ruleset, const ast::DesignationDecl& d, MonthIndex as_of,
                                const data::Edits& edits);

 private:
  void restore();
  data::Partner work_;
  eval::PartnerView view_;  // of work_
  std::size_t people_, customers_, rows_, associations_;
  std::vector<std::size_t> certifications_;  // of each of the partner's people
};

}  // namespace pcs::planner
