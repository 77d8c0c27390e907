// Choosing the test partner and scoring it for hover.
#include "lsp/test_partner.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "data/json_loader.hpp"
#include "engine/score_recipe.hpp"
#include "interpreter/value.hpp"
#include "tester/expect_file.hpp"

namespace pcs::lsp {

namespace fs = std::filesystem;

namespace {
std::string first_error(const Diagnostics& diags) {
  for (const auto& d : diags.items())
    if (d.severity == Severity::error) return d.message;
  return "unknown problem";
}

std::string points(const Decimal& d) { return eval::display_number(d, Unit::points, 6); }

std::string bullets(const std::vector<std::string>& lines) {
  std::string out;
  // Indented lines (the inputs of a figure) stay indented under their figure.
  for (const auto& l : lines) {
    const auto depth = l.find_first_not_of(' ');
    if (depth == std::string::npos) continue;
    out += std::string(depth, ' ') + "- " + l.substr(depth) + "\n";
  }
  return out;
}

/// The designations whose categories hold the declaration at `k` (a metric or a category).
std::vector<const ast::DesignationDecl*> designations_with(const Ruleset& rs, const std::string& k) {
  std::vector<const ast::DesignationDecl*> out;
  for (const auto* d : rs.designations)
    for (const auto& use : d->categories) {
      if (!use.category) continue;
      bool here = key(use.category->pos) == k;
      for (const auto& m : use.category->metrics) here = here || key(m->pos) == k;
      if (here) { out.push_back(d); break; }
    }
  return out;
}
}  // namespace

std::optional<PartnerChoice> choose_partner(const std::string& setting, const std::string& root, const std::string& rule_dir,
                                            std::string& why) {
  std::string named = setting;
  if (!named.empty() && fs::path(named).is_relative() && !root.empty()) named = (fs::path(root) / named).string();
  if (named.empty()) {
    const auto cases = tester::find_cases({(fs::path(rule_dir) / "tests").string()});
    if (cases.empty()) return std::nullopt;
    named = cases.front();
  }
  PartnerChoice choice;
  if (fs::path(named).extension() == ".expect") {
    SourceFiles sources;
    Diagnostics diags;
    auto c = tester::read_case(named, sources, diags);
    if (!c) {
      why = fmt::format("the test case {} cannot be read: {}", named, first_error(diags));
      return std::nullopt;
    }
    choice.partner_file = c->partner_file;
    choice.as_of = c->as_of;
    choice.from = fs::path(named).filename().string();
  } else {
    choice.partner_file = named;
    choice.from = "pcs.testPartner";
  }
  return choice;
}

std::string partner_values(const Ruleset& rs, const Declared& d, const PartnerChoice& choice) {
  if (d.kind == "parameter" || d.kind == "fn" || d.kind == "measure" || d.kind == "certification" || d.kind == "program") return "";
  if (!rs.checked) return "No values for the test partner while the rules have errors.";
  SourceFiles sources;
  Diagnostics diags;
  auto partner = data::load_partner_file(choice.partner_file, sources, diags);
  if (!partner) return fmt::format("The test partner {} cannot be read: {}", choice.partner_file, first_error(diags));
  engine::Request request;
  request.as_of = choice.as_of;
  const auto as_of = engine::as_of_month(request, *partner);
  const auto header = fmt::format("**For partner {}** ({}, as of {}):\n\n", partner->id, choice.from,
                                  as_of ? format_month(*as_of) : std::string("no usage month"));
  const eval::PartnerView view(*partner);
  const auto k = key(d.pos);

  if (d.kind == "let") {
    auto let = rs.lets.find(d.name);
    if (let == rs.lets.end() || key(let->second->pos) != k) return "";  // a local let: its value depends on its metric
    if (!as_of) return header + "no as-of month: the partner has no usage and the case gives none";
    eval::Options options;
    options.as_of = as_of;
    auto r = eval::evaluate_let(rs, view, options, *let->second);
    if (!r.error.empty()) return header + "cannot be evaluated: " + r.error;
    return header + "`" + d.name + " = " + r.value + "`\n\n" + bullets(r.inputs);
  }

  auto scored = engine::score(rs, request, view);
  if (!scored.result) return header + "not scored: " + scored.error;
  const auto& result = *scored.result;
  std::string out = header;
  if (d.kind == "designation") {
    for (const auto& r : result.designations) {
      if (r.id != d.name) continue;
      if (!r.error.empty()) return out + "cannot be evaluated: " + r.error;
      out += fmt::format("attained: {}, total {} of {}{}\n\n", r.attained ? "yes" : "no", points(r.total), points(r.max),
                         r.path.empty() ? "" : ", path " + r.path);
      return out + bullets(r.explain);
    }
  } else if (d.kind == "badge") {
    for (const auto& b : result.badges)
      if (b.id == d.name) return out + (b.error.empty() ? fmt::format("earned: {}", b.attained ? "yes" : "no") : "cannot be evaluated: " + b.error);
  } else if (d.kind == "specialization") {
    for (const auto& s : result.specializations) {
      if (s.id != d.name) continue;
      if (!s.error.empty()) return out + "cannot be evaluated: " + s.error;
      out += s.published ? fmt::format("passed: {}\n\n", s.passed ? "yes" : "no") : "requirements not published\n\n";
      return out + bullets(s.explain);
    }
  } else if (d.kind == "metric" || d.kind == "category") {
    bool any = false;
    for (const auto* owner : designations_with(rs, k))
      for (const auto& r : result.designations) {
        if (r.id != owner->id) continue;
        if (d.kind == "category") {
          for (const auto& c : r.categories)
            if (c.id == d.name) { out += fmt::format("- {}: {} of {}\n", r.id, points(c.points), points(c.max)); any = true; }
          continue;
        }
        for (const auto& m : r.metrics) {
          if (m.id != d.name) continue;
          any = true;
          if (!m.error.empty()) { out += fmt::format("{}: cannot be evaluated: {}\n\n", r.id, m.error); continue; }
          const auto value = m.value ? eval::display_number(*m.value, m.value_unit, 6) : std::string("not scorable");
          out += fmt::format("{}: value {}, {} of {}\n\n", r.id, value, points(m.points), points(m.max)) + bullets(m.explain) + "\n";
        }
      }
    if (any) return out;
  }
  return "";
}

}  // namespace pcs::lsp
