// Two program versions on the same population (OpenFisca's "reform"): per
// designation, who gains and who loses it, how scores move, which metrics
// move, and the partners most affected.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/evaluator.hpp"
#include "interpreter/ruleset.hpp"

namespace pcs::compare {

struct PartnerChange {
  std::string partner;
  std::uint64_t order = 0;  // its place in the population (partners.csv line, JSON file number)
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
  // Every partner in population order, or only the most affected when the
  // DiffBuilder was told to keep a bounded number (pcs diff).
  std::vector<PartnerChange> changes;
  std::size_t partners = 0, attained_before = 0, attained_after = 0;
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

/// Builds the comparison one partner at a time, in population order, so that
/// `pcs diff` holds no population in memory: per designation it keeps
/// counters, sums, the ids that gain or lose it and, when `keep` is set, only
/// the `keep` changed partners whose totals moved most (all a renderer lists,
/// ties kept in population order as a stable sort would); without `keep`,
/// every partner's change (the report's before/after scatter plot).
class DiffBuilder {
 public:
  DiffBuilder(const Ruleset& old_rules, const Ruleset& new_rules, const std::vector<std::string>& designations,
              std::optional<std::size_t> keep);
  /// `order` is the partner's place in the population: partners come in any
  /// order (pcs diff: by id) and are listed in population order.
  void add(std::uint64_t order, const eval::PartnerResult& before, const eval::PartnerResult& after);
  VersionDiff finish() &&;

 private:
  using Ids = std::vector<std::pair<std::uint64_t, std::string>>;
  void retain(DesignationDiff& dd, PartnerChange&& c) const;
  VersionDiff diff_;
  std::vector<Ids> gained_, lost_;  // per designation, sorted into diff_ by finish()
  std::optional<std::size_t> keep_;
};

/// Compares the results of both versions, designation by designation, keeping
/// every partner's change; `scored` is taken in any order and compared in
/// population order (pcs serve and pcs report, which hold their partners).
VersionDiff diff_versions(const Ruleset& old_rules, const Ruleset& new_rules, std::vector<ScoredPair> scored,
                          const std::vector<std::string>& designations);

}  // namespace pcs::compare
