// The final SELECT of the awards part (awards.hpp). The explanation lines are
// those of interpreter/eval_score.cpp (run_specialization), built in SQL from
// the requirement columns so that a reviewer reads the same words in both.
#include "sql/awards.hpp"

#include <fmt/format.h>

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

}  // namespace pcs::sql
