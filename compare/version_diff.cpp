// Comparing two program versions on one population (see version_diff.hpp).
#include "compare/version_diff.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace pcs::compare {

namespace {

const eval::DesignationResult* find(const eval::PartnerResult& r, const std::string& id) {
  for (const auto& d : r.designations)
    if (d.id == id) return &d;
  return nullptr;
}

/// The bucket of a change of total points, for the distribution.
std::string bucket(const Decimal& delta) {
  if (delta.is_zero()) return "0";
  const auto d = delta.floor();
  if (delta.is_negative()) {
    if (d <= Decimal::from_int(-30)) return "-30 or less";
    if (d <= Decimal::from_int(-10)) return "-29 to -10";
    return "-9 to -1";
  }
  if (d >= Decimal::from_int(30)) return "+30 or more";
  if (d >= Decimal::from_int(10)) return "+10 to +29";
  return "+1 to +9";
}

}  // namespace

bool VersionDiff::anything_changed() const {
  return std::any_of(designations.begin(), designations.end(), [](const auto& d) { return d.changed > 0 || d.in_old != d.in_new; });
}

namespace {

Decimal magnitude(const Decimal& x) { return x.is_negative() ? -x : x; }

bool moved(const PartnerChange& c) { return !c.delta().is_zero() || c.old_attained != c.new_attained; }

}  // namespace

DiffBuilder::DiffBuilder(const Ruleset& old_rules, const Ruleset& new_rules, const std::vector<std::string>& designations,
                         std::optional<std::size_t> keep)
    : keep_(keep) {
  diff_.old_program = old_rules.program->id;
  diff_.new_program = new_rules.program->id;
  // Designations of either version, in the new version's order, then the removed ones.
  std::vector<const ast::DesignationDecl*> order;
  for (const auto* d : new_rules.designations) order.push_back(d);
  for (const auto* d : old_rules.designations)
    if (!new_rules.find_designation(d->id)) order.push_back(d);
  for (const auto* d : order) {
    if (!designations.empty() && std::find(designations.begin(), designations.end(), d->id) == designations.end()) continue;
    DesignationDiff dd;
    dd.id = d->id;
    dd.name = d->title;
    dd.in_old = old_rules.find_designation(d->id) != nullptr;
    dd.in_new = new_rules.find_designation(d->id) != nullptr;
    diff_.designations.push_back(std::move(dd));
  }
  gained_.resize(diff_.designations.size());
  lost_.resize(diff_.designations.size());
}

void DiffBuilder::retain(DesignationDiff& dd, PartnerChange&& c) const {
  if (!keep_) {
    dd.changes.push_back(std::move(c));
    return;
  }
  if (!moved(c) || *keep_ == 0) return;
  if (dd.changes.size() < *keep_) {
    dd.changes.push_back(std::move(c));
    return;
  }
  // Full: a stable sort by magnitude over the population ranks a change
  // above another when it moved more, or as much and comes first. The kept
  // change ranked lowest makes room for the newcomer if the newcomer ranks higher.
  auto above = [](const PartnerChange& a, const PartnerChange& b) {
    const auto ma = magnitude(a.delta()), mb = magnitude(b.delta());
    return mb < ma || (ma == mb && a.order < b.order);
  };
  auto lowest = dd.changes.begin();
  for (auto it = dd.changes.begin(); it != dd.changes.end(); ++it)
    if (above(*lowest, *it)) lowest = it;
  if (above(c, *lowest)) *lowest = std::move(c);
}

void DiffBuilder::add(std::uint64_t order, const eval::PartnerResult& before, const eval::PartnerResult& after) {
  ++diff_.partners;
  for (std::size_t k = 0; k < diff_.designations.size(); ++k) {
    auto& dd = diff_.designations[k];
    const auto* o = find(before, dd.id);
    const auto* n = find(after, dd.id);
    PartnerChange c;
    c.partner = after.partner;
    c.order = order;
    if (o) c.old_total = o->total, c.old_attained = o->attained;
    if (n) c.new_total = n->total, c.new_attained = n->attained;
    if (o && n && o->path != n->path) c.reasons.push_back(fmt::format("path {} -> {}", o->path.empty() ? "-" : o->path, n->path.empty() ? "-" : n->path));
    // Metric by metric, over the union of both versions' metrics.
    auto metric_points = [](const eval::DesignationResult* r, const std::string& id) -> std::optional<Decimal> {
      if (r)
        for (const auto& m : r->metrics)
          if (m.id == id) return m.points;
      return std::nullopt;
    };
    std::vector<const std::string*> ids;
    for (const auto* r : {n, o})
      if (r)
        for (const auto& m : r->metrics)
          if (std::none_of(ids.begin(), ids.end(), [&](const auto* id) { return *id == m.id; })) ids.push_back(&m.id);
    for (const auto* id : ids) {
      const auto a = metric_points(o, *id), b = metric_points(n, *id);
      auto it = std::find_if(dd.metrics.begin(), dd.metrics.end(), [&](const auto& m) { return m.metric == *id; });
      if (it == dd.metrics.end()) it = dd.metrics.insert(dd.metrics.end(), MetricChange{*id, 0, {}, {}});
      it->old_sum += a.value_or(Decimal());
      it->new_sum += b.value_or(Decimal());
      if (!(a.value_or(Decimal()) == b.value_or(Decimal())) || a.has_value() != b.has_value()) {
        ++it->changed;
        c.reasons.push_back(fmt::format("{} {} -> {}", *id, a ? a->to_string_floor(2) : "-", b ? b->to_string_floor(2) : "-"));
      }
    }
    ++dd.partners;
    dd.attained_before += c.old_attained ? 1 : 0;
    dd.attained_after += c.new_attained ? 1 : 0;
    if (!c.old_attained && c.new_attained) gained_[k].emplace_back(order, c.partner);
    if (c.old_attained && !c.new_attained) lost_[k].emplace_back(order, c.partner);
    const bool changed = c.old_attained != c.new_attained || !(c.delta().is_zero()) || c.old_total.has_value() != c.new_total.has_value();
    if (changed) ++dd.changed;
    ++dd.distribution[bucket(c.delta())];
    retain(dd, std::move(c));
  }
}

VersionDiff DiffBuilder::finish() && {
  auto by_order = [](const auto& a, const auto& b) { return a.order < b.order; };
  for (std::size_t k = 0; k < diff_.designations.size(); ++k) {
    auto& dd = diff_.designations[k];
    for (auto [from, to] : {std::pair{&gained_[k], &dd.gained}, std::pair{&lost_[k], &dd.lost}}) {
      std::sort(from->begin(), from->end());
      for (auto& id : *from) to->push_back(std::move(id.second));
    }
    std::stable_sort(dd.changes.begin(), dd.changes.end(), by_order);
  }
  return std::move(diff_);
}

VersionDiff diff_versions(const Ruleset& old_rules, const Ruleset& new_rules, std::vector<ScoredPair> scored,
                          const std::vector<std::string>& designations) {
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.order < b.order; });
  DiffBuilder builder(old_rules, new_rules, designations, std::nullopt);
  for (const auto& s : scored) builder.add(s.order, s.before, s.after);
  return std::move(builder).finish();
}

}  // namespace pcs::compare
