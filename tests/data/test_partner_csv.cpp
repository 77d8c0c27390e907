#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>

#include "data/csv_loader.hpp"
#include "data/csv_reader.hpp"
#include "data/json_loader.hpp"

using namespace pcs;
using namespace pcs::data;
using namespace std::literals;
namespace fs = std::filesystem;

namespace {

std::string fixture(const char* name) { return std::string(PCS_SOURCE_DIR) + "/tests/data/fixtures/" + name; }

std::string sym(Symbol s) { return std::string(symbols().name(s)); }

/// "usage.csv:4:10" (the file without its folder), "partners.csv" when there is no line.
std::string where(const Diagnostic& d) {
  std::string out = fs::path(d.pos.file).filename().string();
  if (d.pos.line != 0) out += ":" + std::to_string(d.pos.line);
  if (d.pos.column != 0) out += ":" + std::to_string(d.pos.column);
  return out;
}

/// Every partner as "id ok" or "id failed" with its errors, then the stray diagnostics.
std::string describe(const TablesLoad& t) {
  std::string out;
  for (const PartnerLoad& p : t.partners) {
    out += p.id + (p.partner ? " ok\n" : " failed\n");
    for (const Diagnostic& d : p.errors) out += "  " + where(d) + " " + d.code + ": " + d.message + "\n";
  }
  for (const Diagnostic& d : t.stray) out += "stray " + where(d) + " " + d.code + ": " + d.message + "\n";
  return out;
}

struct Loaded {
  SourceFiles sources;
  TablesLoad tables;
};

Loaded load_dir(const std::string& dir) {
  Loaded r;
  r.tables = load_partner_tables(dir, r.sources);
  return r;
}

const PartnerLoad* partner(const TablesLoad& t, std::string_view id) {
  auto it = std::find_if(t.partners.begin(), t.partners.end(), [&](const PartnerLoad& p) { return p.id == id; });
  return it == t.partners.end() ? nullptr : &*it;
}

std::string show(const AttributeValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return "string " + *s;
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return "number " + std::get<Decimal>(v).to_string();
}

/// The first difference between two partners, "" when they are equal (symbols compared as interned ids).
std::string difference(const Partner& a, const Partner& b) {
  if (a.id != b.id) return "id " + a.id + " vs " + b.id;
  if (a.name != b.name) return "name " + a.name + " vs " + b.name;
  if (a.market != b.market) return "market " + sym(a.market) + " vs " + sym(b.market);
  if (a.attributes.size() != b.attributes.size()) return "attribute count";
  for (const auto& [key, value] : a.attributes) {
    auto it = b.attributes.find(key);
    if (it == b.attributes.end()) return "attribute " + key + " missing";
    if (show(value) != show(it->second)) return "attribute " + key + ": " + show(value) + " vs " + show(it->second);
  }
  if (a.people.size() != b.people.size()) return "people count";
  for (std::size_t i = 0; i < a.people.size(); ++i) {
    const Person &p = a.people[i], &q = b.people[i];
    const std::string at = "people[" + std::to_string(i) + "]";
    if (p.id != q.id) return at + ".id " + sym(p.id) + " vs " + sym(q.id);
    if (p.certifications.size() != q.certifications.size()) return at + " certification count";
    for (std::size_t k = 0; k < p.certifications.size(); ++k) {
      const Certification &c = p.certifications[k], &d = q.certifications[k];
      if (c.code != d.code || c.earned != d.earned || c.expires != d.expires)
        return at + ".certifications[" + std::to_string(k) + "]";
    }
  }
  if (a.customers.size() != b.customers.size()) return "customer count";
  for (std::size_t i = 0; i < a.customers.size(); ++i) {
    const Customer &c = a.customers[i], &d = b.customers[i];
    const std::string at = "customers[" + std::to_string(i) + "]";
    if (c.tenant != d.tenant) return at + ".tenant " + sym(c.tenant) + " vs " + sym(d.tenant);
    if (c.segment != d.segment) return at + ".segment";
    if (c.associations.size() != d.associations.size()) return at + " association count";
    for (std::size_t k = 0; k < c.associations.size(); ++k)
      if (c.associations[k].type != d.associations[k].type || c.associations[k].since != d.associations[k].since)
        return at + ".associations[" + std::to_string(k) + "]";
  }
  const UsageTable &u = a.usage, &v = b.usage;
  if (u.size() != v.size()) return "usage rows " + std::to_string(u.size()) + " vs " + std::to_string(v.size());
  if (u.customer != v.customer) return "usage customer";
  if (u.month != v.month) return "usage month";
  if (u.measure != v.measure) return "usage measure";
  if (u.value != v.value) return "usage value";
  if (u.service != v.service) return "usage service";
  if (u.service_group != v.service_group) return "usage service_group";
  if (u.workload != v.workload) return "usage workload";
  if (u.product != v.product) return "usage product";
  if (u.offer != v.offer) return "usage offer";
  if (u.association != v.association) return "usage association";
  if (u.area != v.area) return "usage area";
  if (u.service_level_4 != v.service_level_4) return "usage service_level_4";
  if (u.service_influencer != v.service_influencer) return "usage service_influencer";
  return {};
}

/// A fresh folder of CSV files, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() /
            ("pcs-csv-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const TempDir& write(const std::string& name, std::string_view text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
    return *this;
  }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

/// describe() of a folder holding `files`.
std::string tables(const std::map<std::string, std::string>& files) {
  TempDir dir;
  for (const auto& [name, text] : files) dir.write(name, text);
  return describe(load_dir(dir.path()).tables);
}

constexpr const char* usage_header =
    "partner_id,tenant,month,measure,value,service,service_group,workload,product,offer,association,area\n";

/// The problem of a one-record text as "LINE:COL message (field N)", or "none".
std::string problem(std::string_view text) {
  const csv::Table t = csv::read(text);
  REQUIRE(!t.records.empty());
  const auto& p = t.records[0].problem;
  if (!p) return "none";
  return std::to_string(p->line) + ":" + std::to_string(p->column) + " " + p->message + " (field " +
         std::to_string(p->field) + ")";
}

/// The records of a text as "[a|b]" lists, one per record.
std::string records(std::string_view text) {
  const csv::Table t = csv::read(text);
  std::string out;
  for (const csv::Record& r : t.records) {
    out += "[";
    for (std::size_t i = 0; i < r.count; ++i) out += (i ? "|" : "") + std::string(t.fields_of(r)[i].text);
    out += "]";
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------
// The reader
// ---------------------------------------------------------------------------

TEST_CASE("csv reader: quoted fields, escapes, line endings and positions") {
  CHECK(records("a,b,c\n1,2,3\n") == "[a|b|c][1|2|3]");
  CHECK(records("a,\"b,\"\"c\"\"\"\r\n\"x\ny\",z") == "[a|b,\"c\"][x\ny|z]");
  CHECK(records("a,b,\n,\n") == "[a|b|][|]");
  CHECK(records("a,") == "[a|]");
  CHECK(records("\"\",\"\"\"\"") == "[|\"]");
  CHECK(records("a\n\n\r\nb\n") == "[a][b]");  // blank lines are no records
  CHECK(records(" a , b ") == "[ a | b ]");    // spaces are data
  CHECK(records("\"a\r\nb\"\r\n") == "[a\r\nb]");
  CHECK(records("") == "");
  CHECK(records("\xEF\xBB\xBF") == "");
  CHECK(records("\xEF\xBB\xBFid,n\xC3\xA9\n") == "[id|n\xC3\xA9]");

  const csv::Table t = csv::read("\xEF\xBB\xBF" "a,\"b\"\n\"x\ny\",z\n\nlast,\"q\"\"\"");
  REQUIRE(t.records.size() == 3);
  CHECK_FALSE(t.truncated);
  const auto head = t.fields_of(t.records[0]);
  CHECK(head[0].line == 1);
  CHECK(head[0].column == 4);  // the byte order mark counts 3 bytes
  CHECK(head[1].column == 6);
  CHECK(t.records[0].end_line == 1);
  CHECK(t.records[0].end_column == 9);
  const auto second = t.fields_of(t.records[1]);
  CHECK(t.records[1].line == 2);
  CHECK(second[0].line == 2);
  CHECK(second[0].column == 1);
  CHECK(second[1].line == 3);
  CHECK(second[1].column == 4);
  CHECK(t.records[2].line == 5);
  CHECK(t.fields_of(t.records[2])[1].text == "q\"");
  CHECK(t.records[2].end_column == 11);
}

TEST_CASE("csv reader: syntax problems are located and the reader goes on") {
  CHECK(problem("a,b\n") == "none");
  CHECK(problem("\"a\"b,c\n") == "1:4 expected ',' or a line end after the closing quote (field 0)");
  CHECK(problem("a,\"b\" ,c\n") == "1:6 expected ',' or a line end after the closing quote (field 1)");
  CHECK(problem("a,b\"c\"\n") == "1:4 '\"' in an unquoted field (quote the field and double the '\"') (field 1)");
  CHECK(problem("a\rb,c\n") ==
        "1:2 carriage return without a line feed in an unquoted field (quote the field) (field 0)");
  CHECK(problem("a,\xff\n") == "1:3 invalid UTF-8 in field (field 1)");
  CHECK(problem("\"\n\xC0\xAF\",b") == "2:1 invalid UTF-8 in field (field 0)");  // overlong
  CHECK(problem("\xED\xA0\x80") == "1:1 invalid UTF-8 in field (field 0)");      // a UTF-16 surrogate
  CHECK(problem("\xF0\x9F\x98\x80,\xE2\x82\xAC") == "none");
  CHECK(problem("a,\"b\nc,d") == "1:3 unterminated quoted field (field 1)");

  // A malformed record keeps its fields and does not disturb the next ones.
  CHECK(records("\"a\"x,b\nc,d\n") == "[a|b][c|d]");
  const csv::Table t = csv::read("a,b\n1,\"2\n3,4\n");
  CHECK(t.truncated);
  REQUIRE(t.records.size() == 2);
  CHECK(t.fields_of(t.records[1])[1].text == "2\n3,4\n");
  CHECK_FALSE(t.records[0].problem);
}

TEST_CASE("csv reader: no input crashes it") {
  std::mt19937 rng(4180);
  const std::string alphabet = "ab,\"\r\n\xEF\xBB\xBF\xC3\xA9\xff ";
  for (int i = 0; i < 3000; ++i) {
    std::string text(rng() % 40, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    const csv::Table t = csv::read(text);
    std::size_t fields = 0;
    for (const csv::Record& r : t.records) {
      CHECK(r.count >= 1);
      CHECK(r.first == fields);
      fields += r.count;
      if (r.problem) CHECK(r.problem->field < r.count);
    }
    CHECK(fields == t.fields.size());
  }
}

// ---------------------------------------------------------------------------
// The loader: valid tables
// ---------------------------------------------------------------------------

TEST_CASE("partner csv: a valid 3-partner set loads with exact values") {
  Loaded r = load_dir(fixture("csv-valid"));
  CHECK(describe(r.tables) == "contoso ok\nnorthwind ok\nlitware ok\n");
  REQUIRE(r.tables.partners.size() == 3);

  const Partner& c = *r.tables.partners[0].partner;
  CHECK(c.id == "contoso");
  CHECK(c.name == "Contoso, \"The Cloud\" Ltd");
  CHECK(sym(c.market) == "larger");
  REQUIRE(c.attributes.size() == 2);
  CHECK(std::get<std::string>(c.attributes.at("region")) == "EMEA");
  CHECK(std::get<std::string>(c.attributes.at("tier")) == "2.50");  // attributes are strings in CSV
  REQUIRE(c.people.size() == 2);
  CHECK(sym(c.people[0].id) == "p01");
  REQUIRE(c.people[0].certifications.size() == 2);  // rows 2 and 5 of certifications.csv
  CHECK(sym(c.people[0].certifications[0].code) == "AZ-104");
  CHECK_FALSE(c.people[0].certifications[0].expires.has_value());
  CHECK(sym(c.people[0].certifications[1].code) == "AZ-204");
  CHECK(format_date(c.people[0].certifications[1].earned) == "2023-09-30");
  CHECK(format_date(*c.people[0].certifications[1].expires) == "2025-09-30");
  CHECK(sym(c.people[1].id) == "p02");
  REQUIRE(c.customers.size() == 2);
  CHECK(sym(c.customers[0].tenant) == "t-001");
  CHECK(sym(c.customers[0].segment) == "enterprise");
  CHECK(c.customers[1].segment == no_symbol);
  REQUIRE(c.customers[0].associations.size() == 2);
  CHECK(sym(c.customers[0].associations[1].type) == "DPOR");
  CHECK(format_date(c.customers[0].associations[1].since) == "2023-07-01");

  const UsageTable& u = c.usage;
  REQUIRE(u.size() == 5);
  CHECK(u.customer == std::vector<std::uint32_t>{0, 1, 1, 1, 1});
  CHECK(u.value == std::vector<std::int64_t>{1'250'100'000, 333'330'000, 333'330'000, 333'340'000, 1});
  CHECK(format_month(u.month[0]) == "2024-06");
  CHECK(format_month(u.month[4]) == "2023-06");
  CHECK(sym(u.measure[0]) == "acr");
  CHECK(sym(u.service[0]) == "Azure App Service");
  CHECK(sym(u.offer[0]) == "Pay-As-You-Go");
  CHECK(sym(u.association[0]) == "PAL");
  CHECK(u.service_group[0] == no_symbol);
  CHECK(sym(u.service_group[1]) == "Compute");
  CHECK(sym(u.area[1]) == "security");
  CHECK(sym(u.service_level_4[1]) == "Azure Arc");
  CHECK(u.service_level_4[2] == no_symbol);
  CHECK(u.service_influencer[1] == no_symbol);  // the column is absent: optional extension
  Decimal sum;
  for (std::size_t i = 1; i < 4; ++i) sum += Decimal::from_micros(u.value[i]);
  CHECK(sum == Decimal::from_int(1000));

  const Partner& n = *r.tables.partners[1].partner;
  CHECK(n.name == "Northwind\nTraders");  // a line break inside quotes
  CHECK(sym(n.market) == "other");
  CHECK(n.attributes.size() == 1);  // an empty cell is no attribute
  REQUIRE(n.people.size() == 1);
  CHECK(n.people[0].id == c.people[0].id);  // person ids are per partner
  CHECK(n.customers[0].tenant == c.customers[0].tenant);
  CHECK(n.usage.value == std::vector<std::int64_t>{420'000'000, -12'000'001});
  CHECK(sym(n.usage.workload[0]) == "Teams");
  CHECK(sym(n.usage.association[1]) == "CPOR-RevRec");
  CHECK(sym(n.customers[1].associations[0].type) == "CPOR-RevRec");

  const Partner& l = *r.tables.partners[2].partner;
  CHECK(l.market == no_symbol);
  CHECK(std::get<std::string>(l.attributes.at("region")) == "Z\xC3\xBCrich");
  CHECK(l.usage.value == std::vector<std::int64_t>{1'000'000'001});
  CHECK(sym(l.usage.product[0]) == "Dynamics 365, Sales");
  CHECK(format_month(*l.latest_month()) == "2024-06");
}

TEST_CASE("partner csv: the valid set equals its JSON form") {
  Loaded r = load_dir(fixture("csv-valid"));
  REQUIRE(r.tables.partners.size() == 3);
  for (const PartnerLoad& p : r.tables.partners) {
    INFO("partner " << p.id);
    REQUIRE(p.partner);
    SourceFiles sources;
    Diagnostics diags;
    auto json = load_partner_file(fixture("csv-valid/") + p.id + ".json", sources, diags);
    REQUIRE_MESSAGE(json, render_all(diags, sources));
    CHECK(difference(*p.partner, *json) == "");
  }
}

TEST_CASE("partner csv: the sample partners load as from their JSON files") {
  const std::string root = std::string(PCS_SOURCE_DIR) + "/examples/";
  Loaded r = load_dir(root + "partners-csv");
  CHECK(r.tables.stray.empty());
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(root + "partners"))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == r.tables.partners.size());
  REQUIRE(files.size() >= 6);
  for (std::size_t i = 0; i < files.size(); ++i) {
    INFO("file " << files[i].string());
    SourceFiles sources;
    Diagnostics diags;
    auto json = load_partner_file(files[i].string(), sources, diags);
    REQUIRE(json);
    const PartnerLoad& p = r.tables.partners[i];
    CHECK(p.id == json->id);
    REQUIRE_MESSAGE(p.partner, describe(r.tables));
    CHECK(difference(*p.partner, *json) == "");
  }
  const PartnerLoad* large = partner(r.tables, "adventure-works");
  REQUIRE(large);
  REQUIRE(large->partner);
  CHECK(large->partner->usage.size() == 5714);
}

// ---------------------------------------------------------------------------
// The loader: broken tables
// ---------------------------------------------------------------------------

TEST_CASE("partner csv: a bad month fails its partner only") {
  Loaded r = load_dir(fixture("csv-bad-month"));
  CHECK(describe(r.tables) ==
        "alpha ok\n"
        "beta failed\n"
        "  usage.csv:4:10 partner-data: month: expected YYYY-MM, got \"2024-13\"\n"
        "gamma ok\n");
  CHECK(r.tables.partners[0].partner->usage.value == std::vector<std::int64_t>{1'250'100'000, 999'995'000});
  CHECK(r.tables.partners[2].partner->usage.size() == 1);
  CHECK(r.tables.partners[2].partner->customers.size() == 2);
  REQUIRE(r.tables.partners[1].errors.size() == 1);
  CHECK(render(r.tables.partners[1].errors[0], r.sources) ==
        fixture("csv-bad-month") +
            "/usage.csv:4:10: error[partner-data]: month: expected YYYY-MM, got \"2024-13\"\n"
            "  4 | beta,t-1,2024-13,acr,200.00,Storage,,,,,DPOR,\n"
            "    |          ^\n");
}

TEST_CASE("partner csv: more than 6 fraction digits") {
  CHECK(describe(load_dir(fixture("csv-fraction-digits")).tables) ==
        "alpha failed\n"
        "  usage.csv:2:23 partner-data: value: expected at most 6 digits after the decimal point, got 1.0000001\n"
        "beta ok\n"
        "gamma ok\n");
}

TEST_CASE("partner csv: rows of an unknown partner or tenant are reported and skipped") {
  Loaded r = load_dir(fixture("csv-unknown-partner"));
  CHECK(describe(r.tables) ==
        "alpha ok\nbeta ok\ngamma ok\n"
        "stray usage.csv:7:1 partner-data: partner_id: unknown partner \"acme\" (not in partners.csv)\n");

  r = load_dir(fixture("csv-unknown-tenant"));
  CHECK(describe(r.tables) ==
        "alpha ok\nbeta ok\ngamma ok\n"
        "stray associations.csv:5:7 partner-data: tenant: unknown tenant \"t-3\" of partner \"gamma\" (not in "
        "customers.csv)\n"
        "stray usage.csv:7:6 partner-data: tenant: unknown tenant \"t-9\" of partner \"beta\" (not in "
        "customers.csv)\n");
  CHECK(r.tables.partners[1].partner->usage.size() == 2);
  CHECK(r.tables.partners[2].partner->customers[1].associations.size() == 1);
}

TEST_CASE("partner csv: a header without a contract column fails every partner") {
  CHECK(describe(load_dir(fixture("csv-missing-column")).tables) ==
        "alpha failed\n"
        "  associations.csv:1:1 partner-data: not loaded because of an error in associations.csv: missing required "
        "column \"since\"\n"
        "beta failed\n"
        "  associations.csv:1:1 partner-data: not loaded because of an error in associations.csv: missing required "
        "column \"since\"\n"
        "gamma failed\n"
        "  associations.csv:1:1 partner-data: not loaded because of an error in associations.csv: missing required "
        "column \"since\"\n"
        "stray associations.csv:1:1 partner-data: missing required column \"since\"\n");
}

TEST_CASE("partner csv: an unterminated quote loses the rest of the file, so every partner fails") {
  CHECK(describe(load_dir(fixture("csv-unterminated-quote")).tables) ==
        "alpha failed\n"
        "  usage.csv:3:29 csv-syntax: not loaded because of an error in usage.csv: unterminated quoted field\n"
        "beta failed\n"
        "  usage.csv:3:29 csv-syntax: not loaded because of an error in usage.csv: unterminated quoted field\n"
        "gamma failed\n"
        "  usage.csv:3:29 csv-syntax: not loaded because of an error in usage.csv: unterminated quoted field\n"
        "stray usage.csv:3:29 csv-syntax: unterminated quoted field\n");
}

TEST_CASE("partner csv: a row with the wrong number of fields fails its partner") {
  // The tenants of the short and the long row are still declared: no unknown-tenant errors follow.
  CHECK(describe(load_dir(fixture("csv-column-count")).tables) ==
        "alpha ok\n"
        "beta failed\n"
        "  customers.csv:3:9 csv-syntax: expected 3 fields as in the header, got 2\n"
        "gamma failed\n"
        "  customers.csv:5:15 csv-syntax: expected 3 fields as in the header, got 4\n");
}

TEST_CASE("partner csv: a duplicate tenant") {
  CHECK(describe(load_dir(fixture("csv-duplicate-tenant")).tables) ==
        "alpha failed\n"
        "  customers.csv:6:7 partner-data: tenant: duplicate tenant \"t-1\" (first at line 2)\n"
        "beta ok\n"
        "gamma ok\n");
}

TEST_CASE("partner csv: partners.csv is required") {
  Loaded r = load_dir(fixture("csv-no-partners"));
  CHECK(describe(r.tables) ==
        "stray partners.csv io: cannot read partner table: No such file or directory\n");
  REQUIRE(r.tables.stray.size() == 1);
  CHECK(render(r.tables.stray[0], r.sources) ==
        fixture("csv-no-partners") +
            "/partners.csv: error[io]: cannot read partner table: No such file or directory\n");
  CHECK(describe(load_dir(fixture("no-such-folder")).tables) ==
        "stray partners.csv io: cannot read partner table: No such file or directory\n");
  TempDir dir;
  fs::create_directory(dir.path() + "/partners.csv");
  CHECK(describe(load_partner_tables(dir.path(), r.sources)) ==
        "stray partners.csv io: cannot read partner table: Is a directory\n");
}

TEST_CASE("partner csv: an empty file has no header row") {
  CHECK(describe(load_dir(fixture("csv-empty-file")).tables) ==
        "alpha failed\n"
        "  usage.csv:1:1 csv-syntax: not loaded because of an error in usage.csv: empty file: expected a header row\n"
        "beta failed\n"
        "  usage.csv:1:1 csv-syntax: not loaded because of an error in usage.csv: empty file: expected a header row\n"
        "gamma failed\n"
        "  usage.csv:1:1 csv-syntax: not loaded because of an error in usage.csv: empty file: expected a header row\n"
        "stray usage.csv:1:1 csv-syntax: empty file: expected a header row\n");
  // An empty partners.csv: no partners, and the other files are not read.
  CHECK(tables({{"partners.csv", "\xEF\xBB\xBF\n\n"}, {"usage.csv", "x\n"}}) ==
        "stray partners.csv:1:1 csv-syntax: empty file: expected a header row\n");
  // A header alone is a valid table without rows.
  CHECK(tables({{"partners.csv", "partner_id,name,market\r\nc,,\r\n"}, {"usage.csv", usage_header}}) == "c ok\n");
}

// ---------------------------------------------------------------------------
// The loader: the rules of each table, as in the JSON loader
// ---------------------------------------------------------------------------

TEST_CASE("partner csv: partners.csv rows") {
  TempDir dir;
  dir.write("partners.csv",
            "partner_id,name,market,region,path\n"
            "a,A,huge,,\n"
            "b,B,,EMEA,smb\n"
            ",C,other,,\n"
            "a,A again,larger,,\n"
            "\"c\"x,C,other,,\n"
            "d,D,other\n");
  Loaded r = load_dir(dir.path());
  CHECK(describe(r.tables) ==
        "a failed\n"
        "  partners.csv:2:5 partner-data: market: expected one of larger, other, got \"huge\"\n"
        "  partners.csv:5:1 partner-data: partner_id: duplicate partner \"a\" (first at line 2)\n"
        "b ok\n"
        "d failed\n"
        "  partners.csv:7:10 csv-syntax: expected 5 fields as in the header, got 3\n"
        "stray partners.csv:4:1 partner-data: partner_id: missing required field\n"
        "stray partners.csv:6:4 csv-syntax: expected ',' or a line end after the closing quote\n");
  const Partner& b = *r.tables.partners[1].partner;
  CHECK(b.attributes.size() == 2);
  CHECK(std::get<std::string>(b.attributes.at("path")) == "smb");
}

TEST_CASE("partner csv: certifications, customers and associations rows") {
  CHECK(tables({{"partners.csv", "partner_id,name,market\nb,B,\n"},
                {"certifications.csv",
                 "partner_id,person_id,code,earned,expires\n"
                 "b,,AZ-104,2023-01-01,\n"
                 "b,p1,,2023-02-30,\n"
                 "b,p2,AZ-104,2023-10-01,2023-09-30\n"},
                {"customers.csv",
                 "partner_id,tenant,segment\n"
                 "b,t,large\n"
                 "b,,smb\n"},
                {"associations.csv",
                 "partner_id,tenant,type,since\n"
                 "b,t,MPN,2022-04\n"
                 "b,,PAL,2022-04-01\n"}}) ==
        "b failed\n"
        "  certifications.csv:2:3 partner-data: person_id: missing required field\n"
        "  certifications.csv:3:6 partner-data: code: missing required field\n"
        "  certifications.csv:3:7 partner-data: earned: expected YYYY-MM-DD, got \"2023-02-30\"\n"
        "  certifications.csv:4:24 partner-data: expires: expected a date not before earned (2023-10-01), got "
        "\"2023-09-30\"\n"
        "  customers.csv:2:5 partner-data: segment: expected one of enterprise, smb, smc, got \"large\"\n"
        "  customers.csv:3:3 partner-data: tenant: missing required field\n"
        "  associations.csv:2:5 partner-data: type: expected one of PAL, DPOR, CSP1, CSP2, CPOR, CPOR-RevRec, DAP, "
        "got \"MPN\"\n"
        "  associations.csv:2:9 partner-data: since: expected YYYY-MM-DD, got \"2022-04\"\n"
        "  associations.csv:3:3 partner-data: tenant: missing required field\n");
}

TEST_CASE("partner csv: usage rows") {
  const std::string partners = "partner_id,name,market\nb,B,\n";
  const std::string customers = "partner_id,tenant,segment\nb,t,\n";
  CHECK(tables({{"partners.csv", partners},
                {"customers.csv", customers},
                {"usage.csv", std::string(usage_header) +
                                  "b,t,2024-6,revenue,1e3,,,,,,XYZ,\n"
                                  "b,t,,,,,,,,,,\n"
                                  "b,t,2024-06,acr,\" 1\",,,,,,,\n"
                                  "b,t,2024-06,acr,9223372036854.775808,,,,,,,\n"
                                  "b,,2024-06,acr,1,,,,,,,\n"}}) ==
        "b failed\n"
        "  usage.csv:2:5 partner-data: month: expected YYYY-MM, got \"2024-6\"\n"
        "  usage.csv:2:12 partner-data: measure: expected one of acr, paid_seats, pau, mau, protected_users, "
        "consumption_value, adjusted_revenue, got \"revenue\"\n"
        "  usage.csv:2:20 partner-data: value: expected a plain decimal number, got 1e3\n"
        "  usage.csv:2:29 partner-data: association: expected one of PAL, DPOR, CSP1, CSP2, CPOR, CPOR-RevRec, DAP, "
        "got \"XYZ\"\n"
        "  usage.csv:3:5 partner-data: month: missing required field\n"
        "  usage.csv:3:6 partner-data: measure: missing required field\n"
        "  usage.csv:3:7 partner-data: value: missing required field\n"
        "  usage.csv:4:17 partner-data: value: expected a plain decimal number, got  1\n"
        "  usage.csv:5:17 partner-data: value: number too large\n"
        "  usage.csv:6:3 partner-data: tenant: missing required field\n");

  // Syntax problems: the partner is failed when its partner_id can be read, else the row is stray.
  CHECK(tables({{"partners.csv", partners},
                {"customers.csv", customers},
                {"usage.csv", std::string(usage_header) +
                                  "b,t,2024-06,acr,\"5\"x,,,,,,,\n"
                                  "b,t,2024-06,acr,5,Azure \"App\",,,,,,\n"
                                  "\"b\"x,t,2024-06,acr,5,,,,,,,\n"
                                  "b,t,2024-06,acr,5,,,,,,,,\n"
                                  "b\n"}}) ==
        "b failed\n"
        "  usage.csv:2:20 csv-syntax: expected ',' or a line end after the closing quote\n"
        "  usage.csv:3:25 csv-syntax: '\"' in an unquoted field (quote the field and double the '\"')\n"
        "  usage.csv:5:26 csv-syntax: expected 12 fields as in the header, got 13\n"
        "  usage.csv:6:2 csv-syntax: expected 12 fields as in the header, got 1\n"
        "stray usage.csv:4:4 csv-syntax: expected ',' or a line end after the closing quote\n");

  // Columns in any order; unknown columns ignored; the extensions read when present.
  TempDir dir;
  dir.write("partners.csv", partners).write("customers.csv", customers);
  dir.write("usage.csv",
            "note,service_influencer,value,measure,month,tenant,partner_id,area,association,offer,product,workload,"
            "service_group,service\n"
            "hello,NATIVE WVD,-0.5,acr,2024-01,t,b,,,,,,,\n");
  Loaded r = load_dir(dir.path());
  REQUIRE_MESSAGE(r.tables.partners[0].partner, describe(r.tables));
  const UsageTable& u = r.tables.partners[0].partner->usage;
  REQUIRE(u.size() == 1);
  CHECK(u.value[0] == -500'000);
  CHECK(sym(u.service_influencer[0]) == "NATIVE WVD");
  CHECK(u.service_level_4[0] == no_symbol);
}

TEST_CASE("partner csv: header problems") {
  const std::string partners = "partner_id,name,market\nb,B,\n";
  CHECK(tables({{"partners.csv", partners}, {"customers.csv", "partner_id,tenant,segment,tenant\nb,t,,t\n"}}) ==
        "b failed\n"
        "  customers.csv:1:27 partner-data: not loaded because of an error in customers.csv: duplicate column "
        "\"tenant\" (first at line 1, column 12)\n"
        "stray customers.csv:1:27 partner-data: duplicate column \"tenant\" (first at line 1, column 12)\n");
  CHECK(tables({{"partners.csv", partners}, {"customers.csv", "partner_id, tenant,segment\n"}}) ==
        "b failed\n"
        "  customers.csv:1:12 partner-data: not loaded because of an error in customers.csv: expected a column name "
        "without leading or trailing spaces, got \" tenant\"\n"
        "stray customers.csv:1:12 partner-data: expected a column name without leading or trailing spaces, got \" "
        "tenant\"\n"
        "stray customers.csv:1:1 partner-data: missing required column \"tenant\"\n");
  CHECK(tables({{"partners.csv", partners}, {"customers.csv", "partner_id,tenant,segment,\n"}}) ==
        "b failed\n"
        "  customers.csv:1:27 partner-data: not loaded because of an error in customers.csv: expected a column name, "
        "got \"\"\n"
        "stray customers.csv:1:27 partner-data: expected a column name, got \"\"\n");
  CHECK(tables({{"partners.csv", partners}, {"customers.csv", "partner_id,\"tenant\"x,segment\n"}}) ==
        "b failed\n"
        "  customers.csv:1:20 csv-syntax: not loaded because of an error in customers.csv: expected ',' or a line end "
        "after the closing quote\n"
        "stray customers.csv:1:20 csv-syntax: expected ',' or a line end after the closing quote\n");
  // partners.csv: a bad header means no partners, and the other files are not read.
  CHECK(tables({{"partners.csv", "id,name,market\nb,B,\n"}, {"customers.csv", "x\n"}}) ==
        "stray partners.csv:1:1 partner-data: missing required column \"partner_id\"\n");
  // A truncated partners.csv keeps the partners before the quote, failed; the lost ones' rows are stray.
  CHECK(tables({{"partners.csv", "partner_id,name,market\na,A,\nb,\"B,\nc,C,\n"},
                {"customers.csv", "partner_id,tenant,segment\na,t,\nc,t,\n"}}) ==
        "a failed\n"
        "  partners.csv:3:3 csv-syntax: not loaded because of an error in partners.csv: unterminated quoted field\n"
        "stray partners.csv:3:3 csv-syntax: unterminated quoted field\n"
        "stray customers.csv:3:1 partner-data: partner_id: unknown partner \"c\" (not in partners.csv)\n");
}

TEST_CASE("partner csv: error counts are capped, never silently") {
  std::string usage = usage_header;
  for (int i = 0; i < 60; ++i) usage += "b,t,bad,acr,1,,,,,,,\n";
  for (int i = 0; i < 55; ++i) usage += "x,t,2024-06,acr,1,,,,,,,\n";
  TempDir dir;
  dir.write("partners.csv", "partner_id,name,market\nb,B,\nc,C,\n")
      .write("customers.csv", "partner_id,tenant,segment\nb,t,\n")
      .write("usage.csv", usage);
  Loaded r = load_dir(dir.path());
  const PartnerLoad& b = r.tables.partners[0];
  CHECK_FALSE(b.partner);
  REQUIRE(b.errors.size() == 51);
  CHECK(b.errors[49].message == "month: expected YYYY-MM, got \"bad\"");
  CHECK(b.errors[49].pos.line == 51);
  CHECK(b.errors[50].severity == Severity::note);
  CHECK(b.errors[50].message == "too many errors; 10 more not shown");
  CHECK(r.tables.partners[1].partner);
  REQUIRE(r.tables.stray.size() == 51);
  CHECK(r.tables.stray[49].pos.line == 111);
  CHECK(r.tables.stray[50].severity == Severity::note);
  CHECK(r.tables.stray[50].message == "too many errors; 5 more not shown");
}

TEST_CASE("partner csv: no input crashes the loader") {
  std::map<std::string, std::string> valid;
  for (const char* name : {"partners.csv", "certifications.csv", "customers.csv", "associations.csv", "usage.csv"}) {
    std::ifstream in(fixture("csv-valid/") + name, std::ios::binary);
    valid[name] = std::string(std::istreambuf_iterator<char>(in), {});
  }
  std::mt19937 rng(2024);
  const std::string bytes = ",\"\n\r0-.x\xff ";
  TempDir dir;
  for (int i = 0; i < 300; ++i) {
    for (auto [name, text] : valid) {
      for (int k = 0; k < 2; ++k) {
        const std::size_t at = rng() % text.size();
        if (rng() % 2) text[at] = bytes[rng() % bytes.size()];
        else text.erase(at, rng() % 8);
      }
      dir.write(name, text);
    }
    Loaded r = load_dir(dir.path());
    for (const PartnerLoad& p : r.tables.partners) {
      CHECK(p.partner.has_value() == p.errors.empty());
      for (const Diagnostic& d : p.errors) CHECK((d.severity != Severity::error || !d.pos.file.empty()));
    }
  }
}

TEST_CASE("partner csv: 60 partners of 6000 usage rows load quickly") {
  std::string partners = "partner_id,name,market\n", customers = "partner_id,tenant,segment\n";
  std::string usage = usage_header;
  for (int p = 0; p < 60; ++p) {
    partners += "p" + std::to_string(p) + ",Partner " + std::to_string(p) + ",other\n";
    customers += "p" + std::to_string(p) + ",t-1,smb\n";
  }
  for (int m = 0; m < 25; ++m)
    for (int p = 0; p < 60; ++p)
      for (int k = 0; k < 4; ++k)
        usage += "p" + std::to_string(p) + ",t-1," + format_month(2022 * 12 + m) + ",acr," +
                 std::to_string(1000 + p * 7 + m) + "." + std::to_string(10 + k) + ",Service " + std::to_string(k) +
                 ",,,,Pay-As-You-Go,PAL,\n";
  TempDir dir;
  dir.write("partners.csv", partners).write("customers.csv", customers).write("usage.csv", usage);
  const auto start = std::chrono::steady_clock::now();
  Loaded r = load_dir(dir.path());
  const auto elapsed = std::chrono::steady_clock::now() - start;
  REQUIRE(r.tables.partners.size() == 60);
  REQUIRE(r.tables.partners[59].partner);
  CHECK(r.tables.partners[59].partner->usage.size() == 100);
  CHECK(r.tables.partners[0].partner->usage.value[1] == 1'000'110'000);
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() < 500);  // loose: sanitizer builds
}
