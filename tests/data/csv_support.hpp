// Helpers shared by the CSV tests: fixtures, loading a folder, describing
// what loaded (partners with their errors, stray rows) in exact text.
#pragma once

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

namespace csv_test {


inline std::string fixture(const char* name) { return std::string(PCS_SOURCE_DIR) + "/tests/data/fixtures/" + name; }

inline std::string sym(Symbol s) { return std::string(symbols().name(s)); }

/// "usage.csv:4:10" (the file without its folder), "partners.csv" when there is no line.
inline std::string where(const Diagnostic& d) {
  std::string out = fs::path(d.pos.file).filename().string();
  if (d.pos.line != 0) out += ":" + std::to_string(d.pos.line);
  if (d.pos.column != 0) out += ":" + std::to_string(d.pos.column);
  return out;
}

/// Every partner as "id ok" or "id failed" with its errors, then the stray diagnostics.
inline std::string describe(const TablesLoad& t) {
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

inline Loaded load_dir(const std::string& dir) {
  Loaded r;
  r.tables = load_partner_tables(dir, r.sources);
  return r;
}

inline const PartnerLoad* partner(const TablesLoad& t, std::string_view id) {
  auto it = std::find_if(t.partners.begin(), t.partners.end(), [&](const PartnerLoad& p) { return p.id == id; });
  return it == t.partners.end() ? nullptr : &*it;
}

inline std::string show(const AttributeValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return "string " + *s;
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return "number " + std::get<Decimal>(v).to_string();
}

/// The first difference between two partners, "" when they are equal (symbols compared as interned ids).
inline std::string difference(const Partner& a, const Partner& b) {
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
inline std::string tables(const std::map<std::string, std::string>& files) {
  TempDir dir;
  for (const auto& [name, text] : files) dir.write(name, text);
  return describe(load_dir(dir.path()).tables);
}

inline constexpr const char* usage_header =
    "partner_id,tenant,month,measure,value,service,service_group,workload,product,offer,association,area\n";

/// The problem of a one-record text as "LINE:COL message (field N)", or "none".
inline std::string problem(std::string_view text) {
  const csv::Table t = csv::read(text);
  REQUIRE(!t.records.empty());
  const auto& p = t.records[0].problem;
  if (!p) return "none";
  return std::to_string(p->line) + ":" + std::to_string(p->column) + " " + p->message + " (field " +
         std::to_string(p->field) + ")";
}

/// The records of a text as "[a|b]" lists, one per record.
inline std::string records(std::string_view text) {
  const csv::Table t = csv::read(text);
  std::string out;
  for (const csv::Record& r : t.records) {
    out += "[";
    for (std::size_t i = 0; i < r.count; ++i) out += (i ? "|" : "") + std::string(t.fields_of(r)[i].text);
    out += "]";
  }
  return out;
}


}  // namespace csv_test

using namespace csv_test;
