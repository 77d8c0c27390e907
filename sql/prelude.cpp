// Typed tables and validation (prelude.hpp). The checks are those of
// data/csv_rows.cpp that decide whether a partner can be scored: a malformed
// month, value or date, a row without its partner or tenant, a tenant that
// customers.csv does not list, a measure, association type, segment or
// market the contract does not define. A partner with any such row is left out of
// the results, as `pcs eval --partners` reports it as failed instead.
#include "sql/prelude.hpp"

#include <fmt/format.h>

#include <span>

#include "data/values.hpp"

namespace pcs::sql {

namespace {

const char* month_pattern = "[0-9]{4}-(0[1-9]|1[0-2])";
const char* date_pattern = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
const char* value_pattern = "-?[0-9]+([.][0-9]{1,6})?";

std::string blank(const std::string& column) { return fmt::format("NULLIF({}, '')", column); }

/// True when the column holds a value outside the contract's list (a measure,
/// an association type, a segment or a market of data/values.hpp): the
/// interpreter rejects such a row, and with it the partner. An empty cell is
/// judged by the other checks (required or absent).
std::string not_one_of(const Dialect& d, const std::string& column, std::span<const std::string_view> allowed) {
  std::string list;
  for (const auto a : allowed) list += (list.empty() ? "" : ", ") + quote(d, a);
  return fmt::format("(NULLIF({0}, '') IS NOT NULL AND {0} NOT IN ({1}))", column, list);
}

/// year * 12 + month - 1 of the first 7 characters ('2024-06' or '2024-06-30').
std::string month_index(const Dialect& d, const std::string& text) {
  return fmt::format("(CAST(substr({0}, 1, 4) AS {1}) * 12 + CAST(substr({0}, 6, 2) AS {1}) - 1)", text,
                     d.engine == Engine::postgres ? "INTEGER" : "INTEGER");
}

std::string checked_month(const Dialect& d, const std::string& text, const char* pattern) {
  return fmt::format("CASE WHEN {} THEN {} END", d.full_match(text, pattern), month_index(d, text));
}

/// '-12.5' -> -12500000: sign, whole part and fraction padded to 6 digits.
std::string millionths(const Dialect& d, const std::string& text) {
  const std::string digits = fmt::format("substr({0}, CASE WHEN {0} LIKE '-%' THEN 2 ELSE 1 END)", text);
  const std::string t = d.int_type();
  return fmt::format(
      "CASE WHEN {0} THEN (CASE WHEN {1} LIKE '-%' THEN -1 ELSE 1 END) * (CAST(split_part({2}, '.', 1) AS {3}) * 1000000 "
      "+ CAST(rpad(COALESCE(split_part({2}, '.', 2), ''), 6, '0') AS {3})) END",
      d.full_match(text, value_pattern), text, digits, t);
}

}  // namespace

std::string typed_tables(const Dialect& d, std::optional<MonthIndex> as_of, const std::vector<std::string>& attributes) {
  std::string out = "-- Typed tables: the contract's CSV tables (all text) checked and converted exactly.\n";
  out += d.create_table(
      "pcs_usage",
      fmt::format("SELECT partner_id, {} AS tenant, {} AS month, measure, {} AS value, {} AS service, {} AS service_group, "
                  "{} AS workload, {} AS product, {} AS offer, {} AS association, {} AS area,\n"
                  "  (partner_id IS NULL OR {} IS NULL OR measure IS NULL OR NOT {} OR NOT {}\n"
                  "   OR {} OR {}) AS bad\nFROM usage",
                  blank("tenant"), checked_month(d, "month", month_pattern), millionths(d, "value"), blank("service"),
                  blank("service_group"), blank("workload"), blank("product"), blank("offer"), blank("association"),
                  blank("area"), blank("tenant"), d.full_match("COALESCE(month, '')", month_pattern),
                  d.full_match("COALESCE(value, '')", value_pattern), not_one_of(d, "measure", data::measures),
                  not_one_of(d, "association", data::association_types)));
  out += d.create_table("pcs_customers",
                        fmt::format("SELECT partner_id, {} AS tenant, {} AS segment, (partner_id IS NULL OR {} IS NULL OR {}) AS bad FROM customers",
                                    blank("tenant"), blank("segment"), blank("tenant"), not_one_of(d, "segment", data::segments)));
  out += d.create_table(
      "pcs_associations",
      fmt::format("SELECT partner_id, {} AS tenant, {} AS association, {} AS since,\n"
                  "  (partner_id IS NULL OR {} IS NULL OR {} IS NULL OR NOT {} OR {}) AS bad FROM associations",
                  blank("tenant"), blank("type"), checked_month(d, "since", date_pattern), blank("tenant"), blank("type"),
                  d.full_match("COALESCE(since, '')", date_pattern), not_one_of(d, "type", data::association_types)));
  out += d.create_table(
      "pcs_certifications",
      fmt::format("SELECT partner_id, {} AS person, {} AS code, {} AS earned, {} AS expires,\n"
                  "  (partner_id IS NULL OR {} IS NULL OR {} IS NULL OR NOT {} OR (expires IS NOT NULL AND expires <> '' AND NOT {})) AS bad\n"
                  "FROM certifications",
                  blank("person_id"), blank("code"), checked_month(d, "earned", date_pattern),
                  checked_month(d, blank("expires"), date_pattern), blank("person_id"), blank("code"),
                  d.full_match("COALESCE(earned, '')", date_pattern), d.full_match("expires", date_pattern)));
  out += d.create_table("pcs_people",
                        "SELECT DISTINCT partner_id, person FROM pcs_certifications WHERE person IS NOT NULL");
  out += d.create_table(
      "pcs_bad_partners",
      "SELECT partner_id FROM pcs_usage WHERE bad\n"
      "UNION SELECT partner_id FROM pcs_customers WHERE bad\n"
      "UNION SELECT partner_id FROM pcs_associations WHERE bad\n"
      "UNION SELECT partner_id FROM pcs_certifications WHERE bad\n"
      "UNION SELECT partner_id FROM partners WHERE " + not_one_of(d, "market", data::markets) + "\n"
      "UNION SELECT u.partner_id FROM pcs_usage u WHERE u.tenant IS NOT NULL AND NOT EXISTS\n"
      "  (SELECT 1 FROM pcs_customers c WHERE c.partner_id = u.partner_id AND c.tenant = u.tenant)\n"
      "UNION SELECT a.partner_id FROM pcs_associations a WHERE a.tenant IS NOT NULL AND NOT EXISTS\n"
      "  (SELECT 1 FROM pcs_customers c WHERE c.partner_id = a.partner_id AND c.tenant = a.tenant)");
  // The as-of month: --as-of, else the partner's latest usage month (any
  // measure), found by one grouping rather than a lookup per partner.
  const std::string latest = as_of ? std::to_string(*as_of) : "l.latest";
  std::string attrs;
  for (const auto& a : attributes) attrs += fmt::format(", {} AS attr_{}", blank("p." + a), a);
  out += d.create_table(
      "pcs_scope",
      fmt::format("SELECT * FROM (SELECT p.partner_id, p.name, p.market, {} AS as_of{} FROM partners p\n"
                  "  LEFT JOIN (SELECT partner_id, max(month) AS latest FROM pcs_usage GROUP BY partner_id) l ON l.partner_id = p.partner_id\n"
                  "  WHERE p.partner_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pcs_bad_partners b WHERE b.partner_id = p.partner_id)) scoped\n"
                  "WHERE as_of IS NOT NULL",
                  latest, attrs));
  if (d.engine == Engine::postgres) {
    // Correlated subqueries run once per partner in PostgreSQL: each finds
    // the partner's rows through an index instead of scanning the table.
    out += "CREATE INDEX ON pcs_usage (partner_id, measure);\n"
           "CREATE INDEX ON pcs_customers (partner_id);\n"
           "CREATE INDEX ON pcs_associations (partner_id);\n"
           "CREATE INDEX ON pcs_certifications (partner_id, person, code);\n"
           "CREATE INDEX ON pcs_people (partner_id);\n"
           "CREATE INDEX ON pcs_scope (partner_id);\n"
           "ANALYZE pcs_usage; ANALYZE pcs_customers; ANALYZE pcs_associations; ANALYZE pcs_certifications;\n"
           "ANALYZE pcs_people; ANALYZE pcs_scope;\n";
  }
  return out;
}

}  // namespace pcs::sql
