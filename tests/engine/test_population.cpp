// The batch engine gives every partner the result `pcs eval` gives it alone:
// for every program version, on the sample partners (JSON and CSV) and on a
// generated population of 500 partners (CSV rows adjacent, shuffled, copied
// into buckets, and JSON files); whatever the number of threads.
#include "tests/engine/support.hpp"

using namespace engine_test;

namespace {

std::vector<engine::Request> every_version() {
  std::vector<engine::Request> out{engine::Request{}};  // the version in force at each partner's month
  for (const Ruleset* r : all_versions().versions()) {
    engine::Request q;
    q.program = r->program->id;
    out.push_back(q);
  }
  return out;
}

std::string name(const engine::Request& r) { return r.program ? *r.program : "in force"; }

// The lines sorted by partner id: what `pcs eval --partners` writes.
void check_sorted(const BatchRun& run) {
  std::vector<std::string> ids;
  for (const auto& [id, line] : run.by_id) ids.push_back(id);
  REQUIRE(run.lines.size() == ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) CHECK(run.lines[i] == run.by_id.at(ids[i]));
}

const TempDir& generated() {
  static const TempDir dir = [] {
    TempDir d("generated");
    bench::GeneratorOptions o;
    o.partners = 500;
    o.seed = 7;
    o.max_customers = 9;
    o.csv_dir = d / "csv";
    o.shuffled_dir = d / "shuffled";
    o.json_dir = d / "json";
    REQUIRE(bench::PopulationGenerator(o).run());
    return d;
  }();
  return dir;
}

}  // namespace

TEST_CASE("batch results equal one-partner results for the sample partners, every version, JSON and CSV") {
  for (const auto& request : every_version()) {
    CAPTURE(name(request));
    const auto single = run_single(source("examples/partners"), request);
    const auto json = run_batch(source("examples/partners"), request, 2);
    const auto csv = run_batch(source("examples/partners-csv"), request, 2);
    CHECK(json.stray.empty());
    CHECK(csv.stray.empty());
    CHECK(json.by_id == single);
    CHECK(csv.by_id == single);
    CHECK(json.lines.size() == 6);
    check_sorted(csv);
  }
}

TEST_CASE("batch results equal one-partner results on 500 generated partners, every version") {
  const TempDir& dir = generated();
  engine::PartitionOptions small;
  small.bucket_bytes = 32 << 10;  // dozens of buckets
  engine::PartitionOptions copied = small;
  copied.max_runs = 1;  // every table copied into its buckets, as for a shuffled export
  for (const auto& request : every_version()) {
    CAPTURE(name(request));
    const auto single = run_single(dir / "json", request);
    REQUIRE(single.size() == 500);
    const auto adjacent = run_batch(dir / "csv", request, 2, small);
    CHECK(adjacent.stray.empty());
    CHECK(adjacent.failed.empty());
    CHECK(adjacent.by_id == single);
    check_sorted(adjacent);
    const auto shuffled = run_batch(dir / "shuffled", request, 2, small);
    CHECK(shuffled.lines == adjacent.lines);
    CHECK(run_batch(dir / "shuffled", request, 2, copied).lines == adjacent.lines);
    engine::PartitionOptions ranges = copied;  // copied by three threads, each a third of each table
    ranges.threads = 3;
    ranges.range_bytes = 1;
    CHECK(run_batch(dir / "shuffled", request, 2, ranges).lines == adjacent.lines);
    CHECK(run_batch(dir / "json", request, 2).by_id == single);
  }
}

TEST_CASE("one thread and many threads write the same lines in the same order") {
  const TempDir& dir = generated();
  engine::PartitionOptions small;
  small.bucket_bytes = 16 << 10;
  const engine::Request in_force;
  const auto one = run_batch(dir / "shuffled", in_force, 1, small);
  REQUIRE(one.lines.size() == 500);
  CHECK(run_batch(dir / "shuffled", in_force, 3, small).lines == one.lines);
  CHECK(run_batch(dir / "shuffled", in_force, 8, small).lines == one.lines);
  CHECK(run_batch(dir / "csv", in_force, 8).lines == one.lines);  // one bucket, many threads
}

TEST_CASE("a partner without usage is not scored without --as-of, in every command alike") {
  TempDir dir("no-usage");
  write_text(dir / "partners.csv", "partner_id,name,market\nquiet,Quiet Ltd,other\n");
  const auto run = run_batch(dir.path.string(), engine::Request{}, 2);
  REQUIRE(run.lines.size() == 1);
  CHECK(run.lines[0] ==
        "{\"partner\": \"quiet\", \"error\": \"has no usage, so there is no default as-of month; give --as-of "
        "YYYY-MM\", \"errors\": [\"has no usage, so there is no default as-of month; give --as-of YYYY-MM\"]}\n");
  engine::Request at;
  at.as_of = parse_month("2024-06");
  CHECK(run_batch(dir.path.string(), at, 2).lines[0].starts_with("{\"partner\": \"quiet\",\"as_of\": \"2024-06\""));
}
