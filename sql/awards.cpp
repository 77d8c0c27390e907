// Badges and specializations (awards.hpp): their CTEs, compiled as
// interpreter/eval_score.cpp evaluates them, and the final SELECT of the
// awards part. The explanation lines are those of run_specialization, built
// in SQL from the requirement columns so that a reviewer reads the same
// words in both.
#include "sql/awards.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "sql/script_builder.hpp"

namespace pcs::sql {

namespace {

std::string met(const std::string& column, const char* yes, const char* no) {
  return fmt::format("CASE WHEN {} THEN '{}' ELSE '{}' END", column, yes, no);
}

std::string one_award(const Dialect& d, const CompiledAward& a) {
  const auto text = d.text_type();
  const auto null_text = fmt::format("CAST(NULL AS {})", text);
  const std::string null_bool = "CAST(NULL AS BOOLEAN)";
  const std::string head = fmt::format("SELECT x.partner_id AS partner, {} AS kind, {} AS award, {} AS name, ",
                                       quote(d, a.badge ? "badge" : "specialization"), quote(d, a.id), quote(d, a.name));
  if (a.badge)
    return head + fmt::format("{0} AS designation, TRUE AS published, {1} AS designation_attained, x.attained AS attained, "
                              "{0} AS explain\nFROM {2} x\n",
                              null_text, null_bool, a.cte);
  if (!a.published)
    return head + fmt::format(
                      "{0} AS designation, FALSE AS published, {1} AS designation_attained, {1} AS attained, "
                      "CAST({2} AS {3}) AS explain\nFROM pcs_scope x\n",
                      quote(d, a.designation), null_bool,
                      quote(d, "requirements not published: the program document names this specialization without them"),
                      text);
  std::string attained = "x.designation_attained";
  std::string explain = fmt::format("{} || {}", quote(d, fmt::format("designation {} attained: ", a.designation)),
                                    met("x.designation_attained", "yes", "no"));
  for (std::size_t i = 0; i < a.requirements.size(); ++i) {
    const auto column = fmt::format("x.r{}", i + 1);
    attained += " AND " + column;
    explain += fmt::format("\n    || chr(10) || 'requirement ' || {} || {}", met(column, "met", "NOT met"),
                           quote(d, ": " + a.requirements[i]));
  }
  return head + fmt::format("{} AS designation, TRUE AS published, x.designation_attained AS designation_attained, "
                            "({}) AS attained,\n  CAST({} AS {}) AS explain\nFROM {} x\n",
                            quote(d, a.designation), attained, explain, text, a.cte);
}

}  // namespace

std::string awards_select(const Dialect& d, const std::vector<CompiledAward>& awards) {
  std::string out;
  for (const auto& a : awards) out += (out.empty() ? "" : "UNION ALL\n") + one_award(d, a);
  if (out.empty())
    out = fmt::format("SELECT CAST(NULL AS {0}) AS partner, CAST(NULL AS {0}) AS kind, CAST(NULL AS {0}) AS award WHERE FALSE\n",
                      d.text_type());
  return out + "ORDER BY partner, kind, award;\n";
}

namespace detail {

void Builder::badge(const ast::BadgeDecl& b) {
  const Snapshot before = snapshot();
  try {
    compiler_.context = ScoreContext{};
    prefix_ = designation_prefix_ = "";
    const auto condition = compiler_.condition(*b.condition);
    const auto name = unique("badge__" + sql_name(b.id));
    add_cte(name, fmt::format("SELECT s.partner_id, {} AS attained FROM pcs_scope s", condition),
            fmt::format("badge {}", b.id), b.pos);
    awards_.push_back({true, b.id, b.title, "", true, name, {}});
  } catch (const Refusal&) {
    restore(before);
    throw;
  }
}

void Builder::specialization(const ast::SpecializationDecl& sp) {
  CompiledAward award{false, sp.id, sp.title, "", !sp.unpublished, "", {}};
  for (const auto& id : sp.designations) award.designation += (award.designation.empty() ? "" : " or ") + id;
  if (sp.unpublished) {
    awards_.push_back(std::move(award));
    return;
  }
  const Snapshot before = snapshot();
  try {
    compiler_.context = ScoreContext{};
    const auto* d = sp.scope_designation;
    designation_prefix_ = d ? sql_name(d->id) + "__" : "";
    const auto name = unique("specialization__" + sql_name(sp.id));
    prefix_ = name + "__";
    if (d && !d->paths.empty()) compiler_.context.path_sql = path_ref(*d);
    std::string designation_ok;
    for (const auto& id : sp.designations) {
      const auto it = compiler_.attained.find(id);
      if (it != compiler_.attained.end()) designation_ok += (designation_ok.empty() ? "" : " OR ") + it->second;
    }
    std::string columns = fmt::format("({}) AS designation_attained", designation_ok.empty() ? "FALSE" : designation_ok);
    for (std::size_t i = 0; i < sp.body->requires_.size(); ++i) {
      const auto& r = sp.body->requires_[i];
      std::string text = r.text;
      std::replace(text.begin(), text.end(), '\n', ' ');
      columns += fmt::format(",\n  -- {}: require {}\n  {} AS r{}", where(r.condition->pos), text,
                             compiler_.condition(*r.condition), i + 1);
      award.requirements.push_back(r.text);
    }
    compiler_.context = ScoreContext{};
    add_cte(name, fmt::format("SELECT s.partner_id, {}\nFROM pcs_scope s", columns),
            fmt::format("specialization {}: designation and requirements", sp.id), sp.pos);
    award.cte = name;
    awards_.push_back(std::move(award));
  } catch (const Refusal&) {
    restore(before);
    throw;
  }
}

void compile_awards(Builder& b, const Ruleset& ruleset, const Options& options, Diagnostics& out,
                    std::vector<std::string>& left_out) {
  // As interpreter/eval_score.cpp: badges need every designation; a
  // specialization is reported when each designation it is for was scored.
  const auto wanted = [&](const std::string& id) {
    return options.designations.empty() ||
           std::find(options.designations.begin(), options.designations.end(), id) != options.designations.end();
  };
  const auto leave_out = [&](const Refusal& r, const std::string& what, const std::string& id) {
    out.warning("no-sql-form", r.pos,
                fmt::format("{} has no SQL form yet ({} {} is left out of the script){}", r.construct, what, id,
                            r.why.empty() ? "" : ": " + r.why));
    left_out.push_back(id);
  };
  for (const auto* badge : ruleset.badges) {
    if (!options.designations.empty()) break;
    try {
      b.badge(*badge);
    } catch (const Refusal& r) {
      leave_out(r, "badge", badge->id);
    }
  }
  for (const auto* sp : ruleset.specializations) {
    if (!std::all_of(sp->designations.begin(), sp->designations.end(), wanted)) continue;
    try {
      b.specialization(*sp);
    } catch (const Refusal& r) {
      leave_out(r, "specialization", sp->id);
    }
  }
}

}  // namespace detail

}  // namespace pcs::sql
