// Bad rows lose nothing: a row that breaks the contract fails its partner
// (with file:line:col, the column and what was expected), every other
// partner is scored as if the bad rows were not there, and rows naming no
// partner are reported once. The same whatever the buckets and threads.
#include "tests/engine/support.hpp"

#include "data/csv_loader.hpp"

using namespace engine_test;

namespace {

std::string lines(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

// A copy of the sample CSV tables with lines added at their ends.
struct Corrupted {
  TempDir dir;
  explicit Corrupted(const std::string& name) : dir(name) {
    for (const auto& e : fs::directory_iterator(source("examples/partners-csv")))
      if (e.path().extension() == ".csv") fs::copy_file(e.path(), dir.path / e.path().filename());
  }
  /// Appends `line` to `file`; returns its line number.
  std::size_t append(const std::string& file, const std::string& line) {
    std::string text = read_text(dir / file);
    text += line + "\n";
    write_text(dir / file, text);
    return std::size_t(std::count(text.begin(), text.end(), '\n'));
  }
  void replace(const std::string& file, const std::string& from, const std::string& to) {
    std::string text = read_text(dir / file);
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    write_text(dir / file, text);
  }
};

const std::vector<engine::PartitionOptions>& partitions() {
  static const std::vector<engine::PartitionOptions> all = [] {
    engine::PartitionOptions one, many, copied, ranges;
    many.bucket_bytes = 4 << 10;
    copied.bucket_bytes = 4 << 10;
    copied.max_runs = 1;
    copied.threads = 1;
    ranges = copied;  // copied by four threads, each a quarter of each table
    ranges.threads = 4;
    ranges.range_bytes = 1;
    return std::vector{one, many, copied, ranges};
  }();
  return all;
}

}  // namespace

TEST_CASE("corrupted rows in every CSV file fail their partners, with their location, and no other") {
  Corrupted c("bad-rows");
  // partners.csv: a duplicate partner id, and invalid UTF-8 in a name.
  CHECK(c.append("partners.csv", "fabrikam,Fabrikam Again,larger,EMEA") == 8);
  c.replace("partners.csv", "First Up Consultants", "First \xff Consultants");
  // certifications.csv: a wrong field count.
  const auto cert = c.append("certifications.csv", "southridge,p99,AZ-104");
  // customers.csv: a partner that does not exist.
  const auto ghost_customer = c.append("customers.csv", "nobody,t-x,smb");
  // associations.csv: a date that does not exist, a type outside the contract.
  const auto since = c.append("associations.csv", "adventure-works,t-contoso-001,PAL,2023-02-30");
  // usage.csv: a bad month, seven fractional digits, an unknown partner.
  const auto month = c.append("usage.csv", "southridge,t-wideworld-001,2024-13,acr,1.00,,,,,,,");
  const auto digits = c.append("usage.csv", "adventure-works,t-contoso-001,2024-06,acr,1.0000001,,,,,,,");
  const auto ghost_usage = c.append("usage.csv", "ghost,t-1,2024-06,acr,5,,,,,,,");

  const auto clean = run_batch(source("examples/partners-csv"), engine::Request{}, 1);
  // The whole-folder loader of data/csv_loader.hpp says the same, partner by partner.
  SourceFiles sources;
  const auto whole = data::load_partner_tables(c.dir.path.string(), sources);
  std::map<std::string, std::vector<std::string>> whole_errors;
  for (const auto& p : whole.partners)
    for (const auto& d : p.errors) whole_errors[p.id].push_back(located(d));
  std::vector<std::string> whole_stray;
  for (const auto& d : whole.stray) whole_stray.push_back(located(d));
  for (const auto& options : partitions())
    for (unsigned threads : {1u, 3u}) {
      CAPTURE(options.bucket_bytes);
      CAPTURE(options.max_runs);
      CAPTURE(threads);
      const auto run = run_batch(c.dir.path.string(), engine::Request{}, threads, options);
      REQUIRE(run.opened);
      // partners in = scored + failed, and the lines stay sorted by id.
      CHECK(run.lines.size() == 6);
      CHECK(lines(run.failed) == lines({"adventure-works", "fabrikam", "firstup", "southridge"}));
      CHECK(lines(run.errors.at("fabrikam")) == lines({"partners.csv:8:1: partner_id: duplicate partner \"fabrikam\" (first at line 2)"}));
      CHECK(lines(run.errors.at("firstup")) == lines({"partners.csv:6:15: invalid UTF-8 in field"}));
      CHECK(lines(run.errors.at("southridge")) == lines({
                "certifications.csv:" + std::to_string(cert) + ":22: expected 5 fields as in the header, got 3",
                "usage.csv:" + std::to_string(month) + ":28: month: expected YYYY-MM, got \"2024-13\""}));
      CHECK(lines(run.errors.at("adventure-works")) == lines({
                "associations.csv:" + std::to_string(since) + ":35: since: expected YYYY-MM-DD, got \"2023-02-30\"",
                "usage.csv:" + std::to_string(digits) +
                    ":43: value: expected at most 6 digits after the decimal point, got 1.0000001"}));
      CHECK(lines(run.stray) == lines({
                             "customers.csv:" + std::to_string(ghost_customer) +
                                 ":1: partner_id: unknown partner \"nobody\" (not in partners.csv)",
                             "usage.csv:" + std::to_string(ghost_usage) +
                                 ":1: partner_id: unknown partner \"ghost\" (not in partners.csv)"}));
      CHECK(run.errors == whole_errors);
      CHECK(lines(run.stray) == lines(whole_stray));
      // The others are scored exactly as from the clean tables.
      CHECK(run.by_id.at("lucerne") == clean.by_id.at("lucerne"));
      CHECK(run.by_id.at("vanarsdel") == clean.by_id.at("vanarsdel"));
    }
}

TEST_CASE("a quote never closed fails every partner, with a pointer to it") {
  Corrupted c("unterminated");
  const auto line = c.append("usage.csv", "lucerne,t-bestforyou-001,2024-06,acr,\"5,,,,,,,");
  for (const auto& options : partitions()) {
    const auto run = run_batch(c.dir.path.string(), engine::Request{}, 2, options);
    REQUIRE(run.opened);
    CHECK(run.failed.size() == 6);
    const std::string where = "usage.csv:" + std::to_string(line) + ":38: ";
    CHECK(lines(run.stray) == lines({where + "unterminated quoted field"}));
    CHECK(lines(run.errors.at("vanarsdel")) == lines({where + "not loaded because of an error in usage.csv: unterminated quoted field"}));
  }
}

TEST_CASE("a broken partners.csv header stops the run with its location") {
  Corrupted c("bad-header");
  c.replace("partners.csv", "partner_id,name,market,region", "partner_id,name,market,partner_id");
  const auto run = run_batch(c.dir.path.string(), engine::Request{}, 2);
  CHECK_FALSE(run.opened);
  CHECK(lines(run.stray) == lines({"partners.csv:1:24: duplicate column \"partner_id\" (first at line 1, column 1)"}));
}

TEST_CASE("a broken header of another table fails every partner once") {
  Corrupted c("bad-usage-header");
  c.replace("usage.csv", "partner_id,tenant,month", "partner_id,tenant,mnth");
  const auto run = run_batch(c.dir.path.string(), engine::Request{}, 2);
  REQUIRE(run.opened);
  CHECK(run.failed.size() == 6);
  CHECK(lines(run.stray) == lines({"usage.csv:1:1: missing required column \"month\""}));
}

TEST_CASE("a folder without partners.csv or JSON files cannot be read") {
  TempDir dir("empty");
  const auto run = run_batch(dir.path.string(), engine::Request{}, 2);
  CHECK_FALSE(run.opened);
  REQUIRE(run.stray.size() == 1);
  CHECK(run.stray[0].ends_with("the folder has no partner .json files and no partners.csv"));
}

TEST_CASE("a shuffled table cut for threads inside a quoted field is copied whole, with the same lines and messages") {
  TempDir dir("quoted-cut");
  write_text(dir / "partners.csv", "partner_id,name,market\nalpha,Alpha Ltd,other\nbeta,Beta Ltd,other\n");
  write_text(dir / "customers.csv", "partner_id,tenant,segment\nalpha,t-a,smb\nbeta,t-b,smb\n");
  // A service name holding 200 line breaks: the byte ranges of four threads
  // are cut in it (at line breaks that are not between records).
  const std::string header = "partner_id,tenant,month,measure,value,service,service_group,workload,product,offer,association,area\n";
  const std::string usage = header + "beta,t-b,2024-05,acr,10,\"Virtual" + std::string(200, '\n') + "Machines\",,,,,,\n" +
                            "alpha,t-a,2024-05,acr,5,Compute,,,,,,\n" + "alpha,t-a,2024-13,acr,5,Compute,,,,,,\n" +
                            "beta,t-b,2024-06,acr,7,Compute,,,,,,\n";
  write_text(dir / "usage.csv", usage);
  engine::PartitionOptions ranges;
  ranges.bucket_bytes = 1;  // a bucket per partner: the rows are not in bucket order, so they are copied
  ranges.max_runs = 1;
  ranges.threads = 4;
  ranges.range_bytes = 1;
  const auto adjacent = run_batch(dir.path.string(), engine::Request{}, 1);
  const auto copied = run_batch(dir.path.string(), engine::Request{}, 2, ranges);
  REQUIRE(copied.opened);
  CHECK(copied.lines.size() == 2);
  CHECK(copied.lines == adjacent.lines);
  CHECK(lines(copied.failed) == lines({"alpha"}));
  // Line 2 holds 200 line breaks in its quoted field: the bad month is on line 204.
  CHECK(lines(copied.errors.at("alpha")) == lines({"usage.csv:204:11: month: expected YYYY-MM, got \"2024-13\""}));
  CHECK(copied.errors == adjacent.errors);
  CHECK(copied.stray == adjacent.stray);
}
