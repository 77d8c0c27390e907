// `pcs diff` folds each partner into the comparison as it is scored and keeps
// only the most affected partners it will list (bounded memory, issue 8).
// It must print exactly what the comparison over the whole population held in
// memory prints, whatever order the partners arrive in.
#include <random>

#include "compare/diff_report.hpp"
#include "compare/version_diff.hpp"
#include "tests/engine/support.hpp"

using namespace engine_test;

namespace {

const Ruleset& version(const std::string& id) {
  for (const Ruleset* r : all_versions().versions())
    if (r->program->id == id) return *r;
  FAIL("no version " << id);
  throw;
}

}  // namespace

TEST_CASE("the streamed comparison prints what the comparison of the whole population prints") {
  TempDir dir("streaming-diff");
  bench::GeneratorOptions o;
  o.partners = 300;
  o.seed = 11;
  o.max_customers = 9;
  o.json_dir = dir / "json";
  REQUIRE(bench::PopulationGenerator(o).run());
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir / "json")) files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 300);

  engine::Request before_request, after_request;
  before_request.program = "2023-06";
  after_request.program = "2025-01";
  std::vector<compare::ScoredPair> pairs;
  for (std::size_t i = 0; i < files.size(); ++i) {
    SourceFiles sources;
    Diagnostics diags;
    auto partner = data::load_partner_file(files[i], sources, diags);
    REQUIRE(partner.has_value());
    const eval::PartnerView view(*partner);
    auto a = engine::score(all_versions(), before_request, view);
    auto b = engine::score(all_versions(), after_request, view);
    if (!a.result || !b.result) continue;  // no usage: not scored by either command
    pairs.push_back({i, std::move(*a.result), std::move(*b.result)});
  }
  REQUIRE(pairs.size() > 250);
  const auto& old_rules = version("2023-06");
  const auto& new_rules = version("2025-01");
  const auto whole = compare::diff_versions(old_rules, new_rules, pairs, {});
  // The population is one where the lists are long and ties are many.
  std::size_t most_changed = 0;
  for (const auto& d : whole.designations) most_changed = std::max(most_changed, d.changed);
  REQUIRE(most_changed > 40);

  // pcs diff receives the partners in id order, not population order: here reversed, then shuffled.
  std::vector<std::size_t> arrival(pairs.size());
  for (std::size_t i = 0; i < arrival.size(); ++i) arrival[i] = arrival.size() - 1 - i;
  std::vector<std::size_t> shuffled = arrival;
  std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(5));
  for (const auto* order : {&arrival, &shuffled})
    for (std::size_t top : {0u, 1u, 3u, 5u, 40u, 1000u}) {
      CAPTURE(top);
      compare::DiffBuilder builder(old_rules, new_rules, {}, top);
      for (auto i : *order) builder.add(pairs[i].order, pairs[i].before, pairs[i].after);
      const auto streamed = std::move(builder).finish();
      for (const auto& d : streamed.designations) CHECK(d.changes.size() <= top);
      CHECK(compare::render_diff_table(streamed, top) == compare::render_diff_table(whole, top));
      CHECK(compare::render_diff_json(streamed, top) == compare::render_diff_json(whole, top));
    }
}
