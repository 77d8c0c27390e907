#include "report/build_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <thread>

#include "common/json_text.hpp"
#include "compare/diff_report.hpp"
#include "compare/version_diff.hpp"
#include "engine/run_units.hpp"
#include "engine/score_recipe.hpp"
#include "interpreter/compile.hpp"
#include "planner/costs.hpp"
#include "planner/search.hpp"
#include "report/report_data.hpp"

namespace pcs::report {

namespace assets {
std::string_view chart_js();
std::string_view page_html();
std::string_view page_css();
std::string_view page_js();
}  // namespace assets

namespace {

std::string num(const Decimal& d) { return d.to_string_floor(2); }

struct Product {
  std::optional<eval::PartnerResult> before, after;
  std::string error;
};

// JSON inside <script>: "</" would end the element, so it is written "<\/".
std::string script_safe(std::string json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    out += json[i];
    if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/') out += '\\';
  }
  return out;
}

std::string program_json(const Ruleset& r) {
  if (!r.program) return "null";
  return fmt::format("{{\"id\":{},\"name\":{},\"source\":{}}}", json_string(r.program->id), json_string(r.program->name),
                     json_string(r.program->source));
}

std::string strings_json(const std::vector<std::string>& xs) {
  std::string s = "[";
  for (std::size_t i = 0; i < xs.size(); ++i) s += (i ? "," : "") + json_string(xs[i]);
  return s + "]";
}

std::string replace(std::string text, std::string_view key, std::string_view value) {
  const auto at = text.find(key);
  if (at != std::string::npos) text.replace(at, key.size(), value);
  return text;
}

}  // namespace

std::string build_report(const Options& options, int& code, std::string& error) {
  SourceFiles sources;
  Diagnostics diags;
  engine::Request request;
  code = 0;
  if (!options.as_of.empty() && !(request.as_of = parse_month(options.as_of))) {
    error = fmt::format("pcs report: --as-of expects a month written YYYY-MM, got \"{}\"\n", options.as_of);
    code = 2;
    return {};
  }
  const bool two = options.rulesets.size() == 2;
  std::optional<engine::Programs> before, after;
  if (two) {
    auto a = compile_ruleset(options.rulesets[0], sources, diags);
    auto b = compile_ruleset(options.rulesets[1], sources, diags);
    if (a && b) {
      before = engine::one_program(std::move(a), options.rulesets[0]);
      after = engine::one_program(std::move(b), options.rulesets[1]);
    }
  } else {
    after = engine::load_programs(options.rulesets[0], sources, diags);
  }
  if (!after || (two && !before)) {
    diags.sort();
    error = render_all(diags, sources) + "pcs report: a ruleset has errors; nothing was scored\n";
    code = 3;
    return {};
  }
  engine::Population population;
  std::vector<Diagnostic> stray;
  const SourceFiles none;
  if (!population.open(options.partners, {}, stray)) {
    for (const auto& d : stray) error += render(d, none);
    error += fmt::format("pcs report: the partners in '{}' cannot be read; nothing was scored\n", options.partners);
    code = 4;
    return {};
  }
  auto work = [&](const engine::LoadedPartner& p) {
    Product product;
    if (!p.partner) {
      for (const auto& d : p.errors) {
        std::string where = d.pos.file;
        if (d.pos.line) where += fmt::format(":{}", d.pos.line);
        if (d.pos.column) where += fmt::format(":{}", d.pos.column);
        product.error += (product.error.empty() ? "" : "; ") + (where.empty() ? d.message : where + ": " + d.message);
      }
      if (product.error.empty()) product.error = "the partner's data could not be loaded";
      return product;
    }
    const eval::PartnerView view(*p.partner);
    auto b = engine::score(*after, request, view);
    if (!b.result) {
      product.error = b.error;
      return product;
    }
    product.after = std::move(b.result);
    if (two) {
      auto a = engine::score(*before, request, view);
      if (!a.result) {
        product.error = a.error;
        product.after.reset();
        return product;
      }
      product.before = std::move(a.result);
    }
    return product;
  };
  std::vector<std::pair<std::string, std::uint64_t>> ids;
  std::vector<eval::PartnerResult> results;
  std::vector<compare::ScoredPair> pairs;
  std::vector<std::pair<std::string, std::string>> failures;
  std::size_t read = 0;
  auto emit = [&](const engine::LoadedPartner& p, Product&& product) {
    ++read;
    if (!product.after) {
      failures.emplace_back(p.id, product.error);
      return;
    }
    if (two) pairs.push_back({p.order, *product.before, *product.after});
    // Explanations make most of the page: past the limit they are left out (the page says so).
    if (results.size() >= options.explain_limit)
      for (auto& d : product.after->designations) {
        d.explain.clear();
        for (auto& m : d.metrics) m.explain.clear();
      }
    product.after->specializations.clear();
    results.push_back(std::move(*product.after));
  };
  const unsigned threads = options.threads > 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  engine::run_units<Product>(population, threads, work, emit, [] {}, stray);
  std::sort(results.begin(), results.end(), [](const auto& a, const auto& b) { return a.partner < b.partner; });

  // Per designation of the (new) version: the figures of the charts.
  const auto versions = after->versions();
  std::vector<std::string> order;
  std::map<std::string, const ast::DesignationDecl*> decls;
  for (const Ruleset* r : versions)
    for (const auto* d : r->designations) {
      if (!decls.count(d->id)) order.push_back(d->id);
      decls[d->id] = d;
    }
  const Decimal within = Decimal::from_int(10);
  struct Near {
    std::string partner, designation, designation_name, zero_metric, first_action, cost;
    Decimal total, missing;
    std::size_t result = 0;
  };
  std::vector<Near> near_all;
  std::string designations = "[";
  for (const auto& id : order) {
    std::vector<Decimal> totals;
    std::vector<Candidate> candidates;
    std::vector<std::size_t> where;
    Decimal max;
    std::string name;
    std::size_t attained = 0;
    std::vector<std::string> metric_ids, metric_names;
    std::vector<Decimal> metric_max;
    std::map<std::string, std::array<std::size_t, 4>> counts;  // zero, partial, full, zero among unattained
    std::map<std::string, Decimal> sums;
    for (std::size_t i = 0; i < results.size(); ++i)
      for (const auto& d : results[i].designations) {
        if (d.id != id || !d.error.empty()) continue;
        name = d.name;
        max = d.max;
        totals.push_back(d.total);
        attained += d.attained ? 1 : 0;
        Candidate c{results[i].partner, d.total, d.attained, 0};
        for (const auto& m : d.metrics) {
          if (std::find(metric_ids.begin(), metric_ids.end(), m.id) == metric_ids.end()) {
            metric_ids.push_back(m.id);
            metric_names.push_back(m.name);
            metric_max.push_back(m.max);
          }
          auto& k = counts[m.id];
          if (m.points.is_zero()) {
            ++k[0];
            ++c.metrics_at_zero;
            if (!d.attained) ++k[3];
          } else if (m.points >= m.max) {
            ++k[2];
          } else {
            ++k[1];
          }
          sums[m.id] += m.points;
        }
        candidates.push_back(c);
        where.push_back(i);
      }
    if (totals.empty()) continue;
    const auto minimum = minimum_total(*decls[id]);
    const auto bins = histogram(totals, max, 10);
    std::string metrics = "[";
    std::string most_zero = "null";
    std::size_t most = 0;
    for (std::size_t m = 0; m < metric_ids.size(); ++m) {
      const auto& k = counts[metric_ids[m]];
      metrics += fmt::format("{}{{\"id\":{},\"name\":{},\"max\":{},\"zero\":{},\"partial\":{},\"full\":{},\"mean\":{}}}",
                             m ? "," : "", json_string(metric_ids[m]), json_string(metric_names[m]), num(metric_max[m]),
                             k[0], k[1], k[2], num(sums[metric_ids[m]] / Decimal::from_int(std::int64_t(totals.size()))));
      if (k[3] > most) {
        most = k[3];
        most_zero = fmt::format("{{\"name\":{},\"count\":{}}}", json_string(metric_names[m]), k[3]);
      }
    }
    metrics += "]";
    std::string bins_json = "[";
    for (std::size_t b = 0; b < bins.size(); ++b) bins_json += fmt::format("{}{}", b ? "," : "", bins[b]);
    bins_json += "]";
    designations += fmt::format(
        "{}{{\"id\":{},\"name\":{},\"max\":{},\"minimum\":{},\"scored\":{},\"attained\":{},\"unattained\":{},\"width\":10,"
        "\"bins\":{},\"metrics\":{},\"most_zero\":{}}}",
        designations.size() > 1 ? "," : "", json_string(id), json_string(name), num(max),
        minimum ? num(*minimum) : "null", totals.size(), attained, totals.size() - attained, bins_json, metrics, most_zero);
    for (std::size_t n : near_misses(candidates, minimum, within)) {
      const auto& r = results[where[n]];
      Near x{r.partner, id, name, "", "", "", candidates[n].total, Decimal(), where[n]};
      if (minimum && candidates[n].total < *minimum) x.missing = *minimum - candidates[n].total;
      for (const auto& d : r.designations)
        if (d.id == id)
          for (const auto& m : d.metrics)
            if (m.points.is_zero()) x.zero_metric += (x.zero_metric.empty() ? "" : ", ") + m.name;
      near_all.push_back(std::move(x));
    }
  }
  designations += "]";
  std::stable_sort(near_all.begin(), near_all.end(), [](const Near& a, const Near& b) {
    if (a.missing != b.missing) return a.missing < b.missing;
    return a.partner < b.partner;
  });

  // The cheapest plan's first action for the first near misses: a second
  // pass of the engine reads those partners again (the data is not kept).
  const std::size_t planned = std::min(options.plan_limit, near_all.size());
  std::map<std::string, std::vector<std::size_t>> to_plan;
  for (std::size_t i = 0; i < planned; ++i) to_plan[near_all[i].partner].push_back(i);
  if (!to_plan.empty()) {
    const auto costs = planner::default_costs();
    using Plans = std::vector<std::pair<std::size_t, std::pair<std::string, std::string>>>;
    auto plan_work = [&](const engine::LoadedPartner& p) {
      Plans out;
      auto it = to_plan.find(p.id);
      if (it == to_plan.end() || !p.partner) return out;
      const auto month = engine::as_of_month(request, *p.partner);
      std::string why;
      const Ruleset* rs = month ? engine::version_at(*after, request, *month, why) : nullptr;
      if (!rs) return out;
      for (std::size_t i : it->second) {
        const auto* decl = rs->find_designation(near_all[i].designation);
        if (!decl) continue;
        const auto plan = planner::plan_designation(*rs, *decl, *p.partner, *month, costs);
        if (plan.found && !plan.steps.empty())
          out.push_back({i, {plan.steps.front().description, fmt::format("{} {}", num(plan.total_cost), costs.unit)}});
        else
          out.push_back({i, {"no plan found from the rules' actions", ""}});
      }
      return out;
    };
    auto plan_emit = [&](const engine::LoadedPartner&, Plans&& plans) {
      for (auto& [i, text] : plans) {
        near_all[i].first_action = text.first;
        near_all[i].cost = text.second;
      }
    };
    std::vector<Diagnostic> ignored;
    engine::run_units<Plans>(population, threads, plan_work, plan_emit, [] {}, ignored);
  }
  std::string near = "[";
  for (std::size_t i = 0; i < near_all.size(); ++i) {
    const auto& x = near_all[i];
    near += fmt::format("{}{{\"partner\":{},\"designation\":{},\"total\":{},\"missing\":{},\"zero\":{},\"action\":{},\"cost\":{},\"planned\":{}}}",
                        i ? "," : "", json_string(x.partner), json_string(x.designation_name), num(x.total), num(x.missing),
                        json_string(x.zero_metric), json_string(x.first_action), json_string(x.cost), i < planned);
  }
  near += "]";

  // Two versions: compare/ (the comparison of `pcs diff`).
  std::string diff = "null";
  if (two) {
    std::map<std::uint64_t, std::string> id_of;
    const auto v = compare::diff_versions(*before->single, *after->single, std::move(pairs), {});
    diff = fmt::format("{{\"old\":{},\"new\":{},\"partners\":{},\"designations\":[", json_string(v.old_program),
                       json_string(v.new_program), v.partners);
    for (std::size_t i = 0; i < v.designations.size(); ++i) {
      const auto& d = v.designations[i];
      std::string points = "[";
      for (const auto& c : d.changes)
        if (c.old_total && c.new_total)
          points += fmt::format("{}[{},{}]", points.size() > 1 ? "," : "", num(*c.old_total), num(*c.new_total));
      points += "]";
      const auto changed = compare::most_affected(d, 20);
      std::string metrics = "[", affected = "[";
      for (std::size_t m = 0; m < d.metrics.size(); ++m)
        metrics += fmt::format("{}{{\"id\":{},\"changed\":{},\"old\":{},\"new\":{}}}", m ? "," : "", json_string(d.metrics[m].metric),
                               d.metrics[m].changed, num(d.metrics[m].old_sum), num(d.metrics[m].new_sum));
      for (std::size_t a = 0; a < changed.size(); ++a) {
        const auto* c = changed[a];
        affected += fmt::format("{}{{\"partner\":{},\"old\":{},\"new\":{},\"delta\":{},\"old_attained\":{},\"new_attained\":{},\"reasons\":{}}}",
                                a ? "," : "", json_string(c->partner), c->old_total ? num(*c->old_total) : "null",
                                c->new_total ? num(*c->new_total) : "null", num(c->delta()), c->old_attained, c->new_attained,
                                strings_json(c->reasons));
      }
      diff += fmt::format("{}{{\"id\":{},\"name\":{},\"gained\":{},\"lost\":{},\"changed\":{},\"before\":{},\"after\":{},\"metrics\":{}],\"affected\":{}],\"points\":{}}}",
                          i ? "," : "", json_string(d.id), json_string(d.name), strings_json(d.gained), strings_json(d.lost),
                          d.changed, d.attained_before, d.attained_after, metrics, affected, points);
    }
    diff += "]}";
  }

  // Every partner, with the explanation of every metric as the evaluator wrote it.
  std::set<std::string> months;
  std::string partners = "[";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    months.insert(r.as_of);
    partners += fmt::format("{}{{\"id\":{},\"as_of\":{},\"program\":{},\"d\":[", i ? "," : "", json_string(r.partner),
                            json_string(r.as_of), json_string(r.program));
    for (std::size_t k = 0; k < r.designations.size(); ++k) {
      const auto& d = r.designations[k];
      partners += fmt::format("{}{{\"name\":{},\"total\":{},\"max\":{},\"attained\":{},\"path\":{},\"error\":{},\"explain\":{},\"m\":[",
                              k ? "," : "", json_string(d.name), num(d.total), num(d.max), d.attained, json_string(d.path),
                              json_string(d.error), strings_json(d.explain));
      for (std::size_t m = 0; m < d.metrics.size(); ++m)
        partners += fmt::format("{}{{\"name\":{},\"points\":{},\"max\":{},\"explain\":{}}}", m ? "," : "",
                                json_string(d.metrics[m].name), num(d.metrics[m].points), num(d.metrics[m].max),
                                strings_json(d.metrics[m].explain));
      partners += "]}";
    }
    partners += "]}";
  }
  partners += "]";
  std::string failed = "[";
  for (std::size_t i = 0; i < failures.size(); ++i)
    failed += fmt::format("{}{{\"partner\":{},\"error\":{}}}", i ? "," : "", json_string(failures[i].first),
                          json_string(failures[i].second));
  failed += "]";
  std::string programs = "[";
  for (std::size_t i = 0; i < versions.size(); ++i) programs += (i ? "," : "") + program_json(*versions[i]);
  programs += "]";
  const std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  std::vector<std::string> month_list(months.begin(), months.end());
  const std::string data = fmt::format(
      "{{\"meta\":{{\"generated\":{},\"as_of\":{},\"programs\":{},\"old_program\":{},\"partners_read\":{},\"scored\":{},"
      "\"failed\":{},\"pcs\":\"0.1.0\"}},\"designations\":{},\"near\":{},\"near_planned\":{},\"explain_limit\":{},\"diff\":{},\"partners\":{}}}",
      json_string(stamp), strings_json(month_list), programs, two ? program_json(*before->single) : "null", read,
      results.size(), failed, designations, near, planned, options.explain_limit, diff, partners);
  std::string page(assets::page_html());
  page = replace(page, "/*@CSS@*/", assets::page_css());
  page = replace(page, "/*@CHARTJS@*/", script_safe(std::string(assets::chart_js())));
  page = replace(page, "/*@JS@*/", assets::page_js());
  page = replace(page, "\"@DATA@\"", script_safe(data));
  if (!failures.empty()) code = 5;
  return page;
}

}  // namespace pcs::report
