// `pcs eval RULESET --partners DIR`: every partner of a population, scored
// on all cores through the engine (engine/), written in partner id order as
// JSON Lines or CSV; a progress line and a summary on stderr.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/progress.hpp"
#include "cli/report_batch.hpp"
#include "engine/run_units.hpp"
#include "engine/score_recipe.hpp"

namespace pcs::cli {

namespace {

struct Product {
  std::string text;                 // the partner's output line(s)
  std::string error;                // why it was not scored
  std::uint64_t rows = 0;           // its usage rows, for the progress line
  bool scored = false;              // false: its data did not load, or it had no as-of month or version
  bool evaluation_failed = false;   // a designation, badge or specialization could not be evaluated
  std::vector<std::pair<std::string, bool>> attained;  // designation id -> attained
};

std::vector<std::string> metric_columns(const engine::Programs& programs, const std::vector<std::string>& only) {
  std::vector<std::string> ids;
  for (const Ruleset* r : programs.versions())
    for (const auto* d : r->designations) {
      if (!only.empty() && std::find(only.begin(), only.end(), d->id) == only.end()) continue;
      for (const auto& use : d->categories)
        if (use.category)
          for (const auto& m : use.category->metrics)
          if (std::find(ids.begin(), ids.end(), m->id) == ids.end()) ids.push_back(m->id);
    }
  return ids;
}

void strip_explanations(eval::PartnerResult& r) {
  for (auto& d : r.designations) {
    d.explain.clear();
    for (auto& m : d.metrics) m.explain.clear();
  }
  for (auto& s : r.specializations) s.explain.clear();
}

}  // namespace

int run_eval_population(const EvalArgs& args) {
  SourceFiles sources;
  Diagnostics diags;
  engine::Request request;
  if (!args.as_of.empty() && !(request.as_of = parse_month(args.as_of))) {
    std::cerr << fmt::format("pcs eval: --as-of expects a month written YYYY-MM, got \"{}\"\n", args.as_of);
    return exit_usage;
  }
  if (!args.program.empty()) request.program = args.program;
  request.designations = args.designations;
  request.limit_ms = args.limit_ms;
  request.explain = args.explain;  // without --explain the lines would be stripped below
  auto programs = engine::load_programs(args.ruleset, sources, diags);
  if (!programs) {
    diags.sort();
    std::cerr << render_all(diags, sources);
    std::cerr << fmt::format("pcs eval: the ruleset '{}' has {} error{}; nothing was scored\n", args.ruleset,
                             diags.error_count(), diags.error_count() == 1 ? "" : "s");
    return exit_rules_invalid;
  }
  if (auto why = engine::check_request(*programs, request); !why.empty()) {
    std::cerr << "pcs eval: " << why << "\n";
    return exit_usage;
  }
  const bool csv = args.format == "csv";
  const auto columns = csv ? metric_columns(*programs, args.designations) : std::vector<std::string>{};

  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
  std::FILE* out = stdout;
  if (!args.out.empty()) {
    file.reset(std::fopen(args.out.c_str(), "wb"));
    if (!file) {
      std::cerr << fmt::format("pcs eval: cannot write '{}': {}\n", args.out, std::strerror(errno));
      return exit_usage;
    }
    out = file.get();
  }
  std::vector<char> buffer(1 << 20);
  std::setvbuf(out, buffer.data(), _IOFBF, buffer.size());

  const auto started = std::chrono::steady_clock::now();
  engine::Population population;
  std::vector<Diagnostic> stray;
  const SourceFiles none;
  const unsigned threads = args.threads > 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  engine::PartitionOptions partition;
  partition.threads = threads;  // --threads 1 reads on one thread too
  if (!population.open(args.partners, partition, stray)) {
    for (const auto& d : stray) std::cerr << render(d, none);
    std::cerr << fmt::format("pcs eval: the partners in '{}' cannot be read; nothing was scored\n", args.partners);
    return exit_data_invalid;
  }
  for (const auto& d : stray) std::cerr << render(d, none);
  stray.clear();
  if (csv) std::fputs(render_csv_header(columns).c_str(), out);

  auto work = [&](const engine::LoadedPartner& p) {
    Product product;
    std::string error;
    std::vector<std::string> errors;
    std::optional<engine::Scored> scored;
    if (p.partner) {
      product.rows = p.partner->usage.size();
      const eval::PartnerView view(*p.partner);
      scored = engine::score(*programs, request, view);
      if (scored->problem == engine::Scored::Problem::no_as_of)
        errors.push_back(fmt::format("partner '{}' {}", p.id, scored->error));
      else if (!scored->result)
        errors.push_back(scored->error);
    } else {
      for (const auto& d : p.errors) {
        std::string where = d.pos.file;
        if (d.pos.line) where += fmt::format(":{}", d.pos.line);
        if (d.pos.column) where += fmt::format(":{}", d.pos.column);
        errors.push_back(where.empty() ? d.message : where + ": " + d.message);
      }
      if (errors.empty()) errors.push_back("the partner's data could not be loaded");
    }
    if (scored && scored->result) {
      auto& r = *scored->result;
      product.scored = true;
      product.evaluation_failed = scored->evaluation_failed();
      for (const auto& d : r.designations) product.attained.emplace_back(d.id, d.attained);
      if (!args.explain) strip_explanations(r);
      product.text = csv ? render_csv_rows(&r, p.id, "", columns) : render_json_line(r);
    } else {
      product.error = errors.front();
      product.text = csv ? render_csv_rows(nullptr, p.id, errors.front(), columns) : render_error_line(p.id, errors);
    }
    return product;
  };

  Progress progress(population.expected());
  std::size_t read = 0, scored = 0, failed = 0;
  bool evaluation_failed = false;
  std::vector<std::pair<std::string, std::pair<std::size_t, std::size_t>>> per_designation;  // id -> attained, scored
  // JSON files come in file-name order: their lines wait to be sorted by partner id.
  std::vector<std::pair<std::string, std::string>> unsorted;
  auto emit = [&](const engine::LoadedPartner& p, Product&& product) {
    ++read;
    if (population.sorted()) std::fwrite(product.text.data(), 1, product.text.size(), out);
    else unsorted.emplace_back(p.id, std::move(product.text));
    if (!p.rendered.empty()) std::cerr << p.rendered;
    if (!product.scored) {
      ++failed;
      if (p.rendered.empty()) std::cerr << fmt::format("pcs eval: {}\n", product.error);
    } else {
      ++scored;
    }
    evaluation_failed = evaluation_failed || product.evaluation_failed;
    for (const auto& [id, attained] : product.attained) {
      const auto& designation = id;  // clang 14 cannot capture a structured binding
      auto it = std::find_if(per_designation.begin(), per_designation.end(),
                             [&](const auto& x) { return x.first == designation; });
      if (it == per_designation.end()) it = per_designation.insert(per_designation.end(), {id, {0, 0}});
      it->second.first += attained ? 1 : 0;
      ++it->second.second;
    }
    progress.add(1, product.rows);
    progress.show();
  };
  engine::run_units<Product>(population, threads, work, emit, [&] { progress.show(); }, stray);
  progress.clear();
  std::stable_sort(unsorted.begin(), unsorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [id, text] : unsorted) std::fwrite(text.data(), 1, text.size(), out);
  std::fflush(out);
  for (const auto& d : stray) std::cerr << render(d, none);
  const bool write_failed = std::ferror(out) != 0;

  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string summary = fmt::format("pcs eval: {} partner{} read, {} scored, {} failed", read, read == 1 ? "" : "s",
                                    scored, failed);
  for (const auto& [id, counts] : per_designation)
    summary += fmt::format("; {} attained by {} of {}", id, counts.first, counts.second);
  summary += fmt::format("; {:.2f} s\n", seconds);
  std::cerr << summary;
  if (write_failed) {
    std::cerr << fmt::format("pcs eval: writing the results failed: {}\n", std::strerror(errno));
    return exit_internal;
  }
  if (failed > 0) return exit_partners_failed;
  return evaluation_failed ? exit_eval_failed : exit_ok;
}

}  // namespace pcs::cli
