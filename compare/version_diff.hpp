// Two program versions on the same population (OpenFisca's "reform"): per
// designation, who gains and who loses it, how scores move, which metrics
// move, and the partners most affected.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/evaluator.hpp"
#include "interpreter/ruleset.hpp"

namespace pcs::compare {

struct PartnerChange {
  std::string partner;
  std::optional<Decimal> old_total, new_total;  // absent when the version does not score it
  bool old_attained = false, new_attained = false;
  std::vector<std::string> reasons;  // "net_customer_adds 30 -> 10", "path enterprise -> smb"
  Decimal delta() const { return new_total.value_or(Decimal()) - old_total.value_or(Decimal()); }
};

struct MetricChange {
  std::string metric;
  std::size_t changed = 0;  // partners whose points for it changed
  Decimal old_sum, new_sum;
};

struct DesignationDiff {
  std::string id;
  std::string name;
  bool in_old = false, in_new = false;
  std::vector<std::string> gained, lost;
  std::vector<PartnerChange> changes;        // every partner, in population order
  std::vector<MetricChange> metrics;
  std::map<std::string, std::size_t> distribution;  // "-10 to -1" -> partners
  std::size_t changed = 0;                          // partners whose total or verdict changed
};

struct VersionDiff {
  std::string old_program, new_program;
  std::size_t partners = 0;
  std::vector<DesignationDiff> designations;
  bool anything_changed() const;
};

/// One partner scored by both versions (explanations may be left out).
struct ScoredPair {
  std::uint64_t order = 0;  // its place in the population: the diff lists partners in this order
  eval::PartnerResult before, after;
};

/// Compares the results of both versions, designation by designation. The
/// partners were scored in one pass by the engine (cli/diff_command.cpp);
/// `scored` is taken in any order and compared in population order.
VersionDiff diff_versions(const Ruleset& old_rules, const Ruleset& new_rules, std::vector<ScoredPair> scored,
                          const std::vector<std::string>& designations);

}  // namespace pcs::compare
