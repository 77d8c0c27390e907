// Collecting a version's outcomes (designations, badges, specializations):
// those of the program versions it imports whole, then its own, which either
// add an outcome or, with `override`, replace an imported one in its place.
//
// An imported outcome keeps the names of its own version: it was checked
// there, and nothing declared here reaches into it. That is what lets
// rulesets/2025-01 change Net customer adds for Digital & App Innovation
// without touching the Infrastructure it carries over from 2023-06.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "interpreter/checker_impl.hpp"

namespace pcs::checker::detail {

namespace {

std::string where_defined(const SourcePos& p) { return fmt::format("{}:{}", p.file, p.line); }

/// One kind of outcome: the version's whole list, and which entries came
/// from which imported version (by program id).
template <typename Decl>
class OutcomeList {
 public:
  OutcomeList(std::vector<const Decl*>& whole, std::vector<Decl*>& own, const char* what)
      : whole_(whole), own_(own), what_(what) {}

  void bring(const std::vector<const Decl*>& imported, const std::string& version, Checker& c, const SourcePos& at) {
    for (const auto* d : imported) {
      if (const auto* earlier = find(d->id)) {
        c.error(at, "duplicate",
                fmt::format("the {} '{}' comes from two imported versions, '{}' and '{}'", what_, d->id, from_[earlier], version),
                fmt::format("import one of them, or write 'override {} {}' in this version", what_, d->id));
        continue;
      }
      whole_.push_back(d);
      from_[d] = version;
    }
  }

  void add(Decl& d, Checker& c) {
    const Decl* existing = find(d.id);
    const auto imported = existing ? from_.find(existing) : from_.end();
    if (d.is_override) {
      if (imported == from_.end()) {
        if (existing)
          c.error(d.pos, "duplicate", fmt::format("{} '{}' is already defined at {}", what_, d.id, where_defined(existing->pos)));
        else
          c.error(d.pos, "nothing-to-override",
                  fmt::format("'override {}' replaces a {} of an imported program version, but no imported version has a {} '{}'",
                              what_, what_, what_, d.id),
                  "import the earlier version first (import version \"../FOLDER\"), or drop 'override'");
        return;
      }
      // In its place, so the whole program keeps the imported version's order.
      *std::find(whole_.begin(), whole_.end(), existing) = &d;
      from_.erase(imported);
      own_.push_back(&d);
      return;
    }
    if (imported != from_.end()) {
      c.error(d.pos, "duplicate",
              fmt::format("{} '{}' is already defined by the imported version '{}' ({})", what_, d.id, imported->second,
                          where_defined(existing->pos)),
              fmt::format("write 'override {} {}' to replace it in this version", what_, d.id));
      return;
    }
    if (existing) {
      c.error(d.pos, "duplicate", fmt::format("{} '{}' is already defined at {}", what_, d.id, where_defined(existing->pos)));
      return;
    }
    whole_.push_back(&d);
    own_.push_back(&d);
  }

 private:
  const Decl* find(std::string_view id) const {
    for (const auto* d : whole_)
      if (d->id == id) return d;
    return nullptr;
  }

  std::vector<const Decl*>& whole_;
  std::vector<Decl*>& own_;
  const char* what_;
  std::map<const Decl*, std::string> from_;  // imported outcome -> the version it came from
};

}  // namespace

void Checker::collect_outcomes() {
  OutcomeList<ast::DesignationDecl> designations(rs_.designations, own_designations_, "designation");
  OutcomeList<ast::BadgeDecl> badges(rs_.badges, own_badges_, "badge");
  OutcomeList<ast::SpecializationDecl> specializations(rs_.specializations, own_specializations_, "specialization");
  const SourcePos here{rs_.dir, 0, 0, 1};
  for (const auto& v : rs_.imported_versions) {
    const std::string version = v->program ? v->program->id : v->dir;
    designations.bring(v->designations, version, *this, here);
    badges.bring(v->badges, version, *this, here);
    specializations.bring(v->specializations, version, *this, here);
  }
  for (auto& m : rs_.modules) {
    for (auto& d : m->designations) designations.add(*d, *this);
    for (auto& b : m->badges) badges.add(*b, *this);
    for (auto& s : m->specializations) specializations.add(*s, *this);
  }
}

}  // namespace pcs::checker::detail
