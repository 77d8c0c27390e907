// The CSV form of the partner-data contract (shared/spec/partner-data.md).
//
// partners.csv is read first and makes one builder per partner_id; the other
// tables are then read in the order certifications, customers, associations,
// usage, each row routed to its partner's builder by partner_id (and to its
// customer by tenant). A row is validated with the rules and messages of the
// JSON loader (data/values.hpp); an invalid row is skipped and fails its
// partner, never the others. Diagnostics name the file, the line and column
// of the cell, and the column ("month: expected YYYY-MM, got \"2024-13\"").
#include "data/csv_loader.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <span>
#include <string_view>
#include <unordered_map>

#include "data/csv_reader.hpp"
#include "data/values.hpp"

namespace pcs::data {
namespace {

/// At most this many errors are kept per partner, and per file in `stray`;
/// a note then says how many more there were.
constexpr std::size_t max_errors = 50;

// The columns of each table, in contract order. partner_id comes first in every table.
constexpr std::array<std::string_view, 3> partner_columns = {"partner_id", "name", "market"};
enum { p_partner, p_name, p_market };
constexpr std::array<std::string_view, 5> certification_columns = {"partner_id", "person_id", "code", "earned",
                                                                   "expires"};
enum { c_partner, c_person, c_code, c_earned, c_expires };
constexpr std::array<std::string_view, 3> customer_columns = {"partner_id", "tenant", "segment"};
enum { k_partner, k_tenant, k_segment };
constexpr std::array<std::string_view, 4> association_columns = {"partner_id", "tenant", "type", "since"};
enum { a_partner, a_tenant, a_type, a_since };
// The last two are optional extensions of the contract (docs/data-contract.md).
constexpr std::array<std::string_view, 14> usage_columns = {
    "partner_id", "tenant",  "month", "measure",     "value", "service",         "service_group",
    "workload",   "product", "offer", "association", "area",  "service_level_4", "service_influencer"};
constexpr std::size_t usage_required = 12;
enum { u_partner, u_tenant, u_month, u_measure, u_value, u_service, u_service_group, u_workload, u_product, u_offer,
       u_association, u_area, u_service_level_4, u_service_influencer };

/// Remembers recent (text, symbol) pairs: usage rows repeat a few strings
/// thousands of times, and this avoids hashing and locking for each.
class SymbolCache {
 public:
  Symbol intern(std::string_view text) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    Slot& slot = slots_[h % slots_.size()];
    if (slot.symbol == no_symbol || slot.text != text) slot = {std::string(text), symbols().intern(text)};
    return slot.symbol;
  }

 private:
  struct Slot {
    std::string text;
    Symbol symbol = no_symbol;
  };
  std::array<Slot, 256> slots_{};
};

/// One table of the folder, once read.
struct File {
  std::string name;                           // "usage.csv"
  std::string path;                           // "dir/usage.csv"
  std::span<const std::string_view> columns;  // contract columns (required) then extensions (optional)
  std::size_t required = 0;
  csv::Table table;
  std::size_t width = 0;                // fields in the header
  std::vector<std::ptrdiff_t> at;       // the header field of each column, -1 when absent
  std::vector<std::size_t> attributes;  // partners.csv: the header fields that are attributes
  bool failed = false;                  // an error of the whole file was reported
  bool declares_tenants = false;        // customers.csv
  std::size_t stray = 0, stray_dropped = 0;

  std::string_view header(std::size_t field) const { return table.fields_of(table.records[0])[field].text; }
};

struct Tenant {
  std::uint32_t index;  // in Partner::customers
  std::uint32_t line;   // of its row in customers.csv
};

struct Builder {
  Partner partner;
  std::uint32_t line = 0;  // of its row in partners.csv
  std::vector<Diagnostic> errors;
  std::size_t dropped = 0;  // errors past max_errors
  bool failed = false;
  std::unordered_map<Symbol, std::uint32_t> people;  // person id -> index in partner.people
  std::unordered_map<Symbol, Tenant> tenants;
};

std::string join(const std::string& dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  return dir.back() == '/' ? dir + std::string(name) : dir + "/" + std::string(name);
}

class Loader;

/// One row being validated: reads its cells and reports into its partner.
struct Row {
  Loader& loader;
  File& file;
  Builder& builder;
  std::span<const csv::Field> fields;
  bool bad = false;   // an error was reported for this row
  bool skip = false;  // the row names an unknown tenant: reported in stray, not validated further

  const csv::Field* at(int k) const {
    const std::ptrdiff_t c = file.at[std::size_t(k)];
    return c < 0 ? nullptr : &fields[std::size_t(c)];
  }
  void error(const csv::Field& f, int k, std::string message);
  std::optional<std::string_view> name(int k, bool req);
  Symbol choice(int k, bool req, std::span<const std::string_view> allowed);
  std::optional<DayNumber> date(int k, bool req);
};

class Loader {
 public:
  Loader(const std::string& dir, SourceFiles& sources) : dir_(dir), sources_(sources) {}
  TablesLoad run();

  void error(Builder& b, Diagnostic d) {
    b.failed = true;
    if (b.errors.size() < max_errors) b.errors.push_back(std::move(d));
    else ++b.dropped;
  }
  SymbolCache& cache() { return cache_; }

 private:
  enum class Opened { absent, failed, ok };

  File make_file(std::string_view name, std::span<const std::string_view> columns, std::size_t required) {
    File f;
    f.name = std::string(name);
    f.path = join(dir_, name);
    f.columns = columns;
    f.required = required;
    return f;
  }
  Opened open(File& f, bool required);
  bool check_header(File& f, bool attributes);
  void stray(File& f, Diagnostic d);
  void fail_file(File& f, Diagnostic d);
  Diagnostic at(const File& f, const csv::Field& field, std::string code, std::string message) const {
    return {Severity::error, std::move(code), SourcePos{f.path, field.line, field.column, 1}, std::move(message), {}};
  }
  Builder* find(std::string_view id) {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &builders_[it->second];
  }
  std::optional<Diagnostic> structure(const File& f, const csv::Record& r) const;
  std::optional<std::string_view> partner_id(const File& f, const csv::Record& r) const;
  template <class Each>
  void rows(File& f, Each each);
  Builder* resolve(File& f, const csv::Record& r);
  std::optional<std::uint32_t> tenant(Row& row, int k);

  void partner_row(File& f, const csv::Record& r);
  void certification_row(Row& row);
  void customer_row(Row& row, const csv::Record& r);
  void association_row(Row& row);
  void usage_row(Row& row);

  const std::string& dir_;
  SourceFiles& sources_;
  std::vector<Builder> builders_;
  std::unordered_map<std::string_view, std::size_t> index_;  // views into the partners table
  File partners_;  // kept: index_ views its text
  TablesLoad out_;
  SymbolCache cache_;
};

void Row::error(const csv::Field& f, int k, std::string message) {
  bad = true;
  loader.error(builder, {Severity::error, "partner-data", SourcePos{file.path, f.line, f.column, 1},
                         std::string(file.columns[std::size_t(k)]) + ": " + std::move(message), {}});
}

// A non-empty cell; an empty cell is absent.
std::optional<std::string_view> Row::name(int k, bool req) {
  const csv::Field* f = at(k);
  if (f == nullptr || f->text.empty()) {
    if (req && f != nullptr) error(*f, k, "missing required field");
    return std::nullopt;
  }
  return f->text;
}

Symbol Row::choice(int k, bool req, std::span<const std::string_view> allowed) {
  auto text = name(k, req);
  if (!text) return no_symbol;
  if (std::find(allowed.begin(), allowed.end(), *text) == allowed.end()) {
    error(*at(k), k, one_of(allowed) + ", got " + quoted(*text));
    return no_symbol;
  }
  return loader.cache().intern(*text);
}

std::optional<DayNumber> Row::date(int k, bool req) {
  auto text = name(k, req);
  if (!text) return std::nullopt;
  auto day = parse_date(*text);
  if (!day) error(*at(k), k, "expected YYYY-MM-DD, got " + quoted(*text));
  return day;
}

Loader::Opened Loader::open(File& f, bool required) {
  auto fail = [&](int err) {
    fail_file(f, {Severity::error, "io", SourcePos{f.path, 0, 0, 1},
                  std::string("cannot read partner table: ") + std::strerror(err), {}});
    return Opened::failed;
  };
  std::FILE* fp = std::fopen(f.path.c_str(), "rb");
  if (fp == nullptr) {
    const int err = errno;
    if (err == ENOENT && !required) return Opened::absent;
    return fail(err);
  }
  std::string text;
  char buffer[1 << 16];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, fp);
    text.append(buffer, n);
    if (n < sizeof buffer) break;
  }
  const int err = std::ferror(fp) ? (errno != 0 ? errno : EIO) : 0;
  std::fclose(fp);
  if (err != 0) return fail(err);
  f.table = csv::read(sources_.add(f.path, std::move(text)));
  return check_header(f, &f == &partners_) ? Opened::ok : Opened::failed;
}

bool Loader::check_header(File& f, bool attributes) {
  if (f.table.records.empty()) {
    fail_file(f, {Severity::error, "csv-syntax", SourcePos{f.path, 1, 1, 1}, "empty file: expected a header row", {}});
    return false;
  }
  const csv::Record& h = f.table.records[0];
  if (h.problem) {
    fail_file(f, *structure(f, h));
    return false;
  }
  const auto fields = f.table.fields_of(h);
  f.width = fields.size();
  f.at.assign(f.columns.size(), -1);
  std::unordered_map<std::string_view, std::size_t> seen;
  bool ok = true;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view name = fields[i].text;
    auto bad = [&](std::string message) {
      fail_file(f, at(f, fields[i], "partner-data", std::move(message)));
      ok = false;
    };
    if (name.empty()) {
      bad("expected a column name, got \"\"");
      continue;
    }
    auto space = [](char c) { return c == ' ' || c == '\t'; };
    if (space(name.front()) || space(name.back())) {
      bad("expected a column name without leading or trailing spaces, got " + quoted(name));
      continue;
    }
    auto [it, fresh] = seen.emplace(name, i);
    if (!fresh) {
      const csv::Field& first = fields[it->second];
      bad("duplicate column " + quoted(name) + " (first at line " + std::to_string(first.line) + ", column " +
          std::to_string(first.column) + ")");
      continue;
    }
    auto known = std::find(f.columns.begin(), f.columns.end(), name);
    if (known != f.columns.end()) f.at[std::size_t(known - f.columns.begin())] = std::ptrdiff_t(i);
    else if (attributes) f.attributes.push_back(i);
  }
  for (std::size_t k = 0; k < f.required; ++k)
    if (f.at[k] < 0) {
      fail_file(f, at(f, fields[0], "partner-data", "missing required column " + quoted(f.columns[k])));
      ok = false;
    }
  return ok;
}

void Loader::stray(File& f, Diagnostic d) {
  if (f.stray < max_errors) {
    ++f.stray;
    out_.stray.push_back(std::move(d));
  } else {
    ++f.stray_dropped;
  }
}

// An error of the whole file: every partner's rows in it are unknown, so every partner fails.
void Loader::fail_file(File& f, Diagnostic d) {
  if (!f.failed) {
    f.failed = true;
    for (Builder& b : builders_)
      error(b, {Severity::error, d.code, d.pos, "not loaded because of an error in " + f.name + ": " + d.message, {}});
  }
  out_.stray.push_back(std::move(d));
}

// A syntax problem of the record, or a field count other than the header's.
std::optional<Diagnostic> Loader::structure(const File& f, const csv::Record& r) const {
  if (r.problem)
    return Diagnostic{Severity::error, "csv-syntax", SourcePos{f.path, r.problem->line, r.problem->column, 1},
                      r.problem->message, {}};
  if (r.count == f.width) return std::nullopt;
  const std::string message =
      "expected " + std::to_string(f.width) + " fields as in the header, got " + std::to_string(r.count);
  if (r.count > f.width) return at(f, f.table.fields[r.first + f.width], "csv-syntax", message);
  return Diagnostic{Severity::error, "csv-syntax", SourcePos{f.path, r.end_line, r.end_column, 1}, message, {}};
}

// The record's partner_id when it can be read, even from a malformed record.
std::optional<std::string_view> Loader::partner_id(const File& f, const csv::Record& r) const {
  const auto c = std::size_t(f.at[0]);
  if (c >= r.count || (r.problem && r.problem->field <= c)) return std::nullopt;
  return f.table.fields[r.first + c].text;
}

// Calls each(record) for the data rows, then reports an unterminated last
// record as an error of the whole file and how many stray errors were cut.
template <class Each>
void Loader::rows(File& f, Each each) {
  const auto& records = f.table.records;
  for (std::size_t i = 1; i < records.size(); ++i) {
    if (f.table.truncated && i + 1 == records.size()) {
      fail_file(f, *structure(f, records[i]));
      break;
    }
    each(records[i]);
  }
  if (f.stray_dropped != 0)
    out_.stray.push_back({Severity::note, "partner-data", SourcePos{f.path, 0, 0, 1},
                          "too many errors; " + std::to_string(f.stray_dropped) + " more not shown", {}});
}

// The builder of a row of a table other than partners.csv; nullptr when the
// row is malformed or names no known partner (reported).
Builder* Loader::resolve(File& f, const csv::Record& r) {
  const auto id = partner_id(f, r);
  Builder* b = id && !id->empty() ? find(*id) : nullptr;
  if (auto problem = structure(f, r)) {
    if (b == nullptr) {
      stray(f, std::move(*problem));
      return nullptr;
    }
    error(*b, std::move(*problem));
    // A malformed customers.csv row still declares its tenant when the cell
    // can be read, so the partner's other rows do not become unknown-tenant errors.
    const auto c = std::size_t(f.at[k_tenant]);
    if (f.declares_tenants && c < r.count && !(r.problem && r.problem->field <= c)) {
      const std::string_view text = f.table.fields[r.first + c].text;
      const Symbol tenant = text.empty() ? no_symbol : symbols().intern(text);
      const Tenant declared{std::uint32_t(b->partner.customers.size()), r.line};
      if (tenant != no_symbol && b->tenants.emplace(tenant, declared).second)
        b->partner.customers.push_back(Customer{tenant, no_symbol, {}});
    }
    return nullptr;
  }
  if (b != nullptr) return b;
  const csv::Field& field = f.table.fields[r.first + std::size_t(f.at[0])];
  stray(f, at(f, field, "partner-data",
              id->empty() ? "partner_id: missing required field"
                          : "partner_id: unknown partner " + quoted(*id) + " (not in partners.csv)"));
  return nullptr;
}

// The customer of an associations.csv or usage.csv row; nullopt when the
// tenant is missing (an error of the partner) or unknown (stray, and the row is skipped).
std::optional<std::uint32_t> Loader::tenant(Row& row, int k) {
  auto text = row.name(k, true);
  if (!text) return std::nullopt;
  const auto symbol = symbols().find(*text);
  auto it = symbol ? row.builder.tenants.find(*symbol) : row.builder.tenants.end();
  if (it != row.builder.tenants.end()) return it->second.index;
  stray(row.file, at(row.file, *row.at(k), "partner-data",
                     "tenant: unknown tenant " + quoted(*text) + " of partner " + quoted(row.builder.partner.id) +
                         " (not in customers.csv)"));
  row.skip = true;
  return std::nullopt;
}

void Loader::partner_row(File& f, const csv::Record& r) {
  const auto id = partner_id(f, r);
  const auto problem = structure(f, r);
  Builder* b = id && !id->empty() ? find(*id) : nullptr;
  if (b == nullptr && id && !id->empty()) {
    index_.emplace(*id, builders_.size());
    b = &builders_.emplace_back();
    b->partner.id = std::string(*id);
    b->line = r.line;
  } else if (b != nullptr && !problem) {
    const csv::Field& field = f.table.fields[r.first + std::size_t(f.at[p_partner])];
    error(*b, at(f, field, "partner-data",
                 "partner_id: duplicate partner " + quoted(*id) + " (first at line " + std::to_string(b->line) + ")"));
    return;
  }
  if (problem) {
    if (b != nullptr) error(*b, std::move(*problem));
    else stray(f, std::move(*problem));
    return;
  }
  if (b == nullptr) {  // an empty partner_id
    stray(f, at(f, f.table.fields[r.first + std::size_t(f.at[p_partner])], "partner-data",
                "partner_id: missing required field"));
    return;
  }
  Row row{*this, f, *b, f.table.fields_of(r)};
  Partner& p = b->partner;
  p.name = std::string(row.at(p_name)->text);
  p.market = row.choice(p_market, false, markets);
  for (std::size_t i : f.attributes)
    if (!row.fields[i].text.empty()) p.attributes.emplace(std::string(f.header(i)), std::string(row.fields[i].text));
}

void Loader::certification_row(Row& row) {
  Partner& p = row.builder.partner;
  const auto person = row.name(c_person, true);
  const auto code = row.name(c_code, true);
  const auto earned = row.date(c_earned, true);
  const auto expires = row.date(c_expires, false);
  if (earned && expires && *expires < *earned)
    row.error(*row.at(c_expires), c_expires,
              "expected a date not before earned (" + format_date(*earned) + "), got " +
                  quoted(row.at(c_expires)->text));
  if (!person) return;
  const Symbol id = symbols().intern(*person);
  auto [it, fresh] = row.builder.people.emplace(id, std::uint32_t(p.people.size()));
  if (fresh) p.people.push_back(Person{id, {}});
  if (!row.bad) p.people[it->second].certifications.push_back({cache_.intern(*code), *earned, expires});
}

void Loader::customer_row(Row& row, const csv::Record& r) {
  Partner& p = row.builder.partner;
  const auto text = row.name(k_tenant, true);
  const Symbol segment = row.choice(k_segment, false, segments);
  if (!text) return;
  const Symbol tenant = symbols().intern(*text);
  auto [it, fresh] = row.builder.tenants.emplace(tenant, Tenant{std::uint32_t(p.customers.size()), r.line});
  if (!fresh) {
    row.error(*row.at(k_tenant), k_tenant,
              "duplicate tenant " + quoted(*text) + " (first at line " + std::to_string(it->second.line) + ")");
    return;
  }
  p.customers.push_back(Customer{tenant, segment, {}});
}

void Loader::association_row(Row& row) {
  const auto customer = tenant(row, a_tenant);
  if (row.skip) return;
  const Symbol type = row.choice(a_type, true, association_types);
  const auto since = row.date(a_since, true);
  if (customer && !row.bad) row.builder.partner.customers[*customer].associations.push_back({type, *since});
}

void Loader::usage_row(Row& row) {
  const auto customer = tenant(row, u_tenant);
  if (row.skip) return;
  std::optional<MonthIndex> month;
  if (auto text = row.name(u_month, true)) {
    month = parse_month(*text);
    if (!month) row.error(*row.at(u_month), u_month, "expected YYYY-MM, got " + quoted(*text));
  }
  const Symbol measure = row.choice(u_measure, true, measures);
  std::optional<std::int64_t> value;
  if (auto text = row.name(u_value, true)) {
    std::string problem;
    value = parse_micros(*text, problem);
    if (!value) row.error(*row.at(u_value), u_value, std::move(problem));
  }
  auto dimension = [&](int k) {
    auto text = row.name(k, false);
    return text ? cache_.intern(*text) : no_symbol;
  };
  const Symbol service = dimension(u_service), service_group = dimension(u_service_group),
               workload = dimension(u_workload), product = dimension(u_product), offer = dimension(u_offer);
  const Symbol association = row.choice(u_association, false, association_types);
  const Symbol area = dimension(u_area);
  const Symbol service_level_4 = dimension(u_service_level_4),
               service_influencer = dimension(u_service_influencer);
  if (!customer || row.bad) return;
  UsageTable& out = row.builder.partner.usage;
  out.customer.push_back(*customer);
  out.month.push_back(*month);
  out.measure.push_back(measure);
  out.value.push_back(*value);
  out.service.push_back(service);
  out.service_group.push_back(service_group);
  out.workload.push_back(workload);
  out.product.push_back(product);
  out.offer.push_back(offer);
  out.association.push_back(association);
  out.area.push_back(area);
  out.service_level_4.push_back(service_level_4);
  out.service_influencer.push_back(service_influencer);
}

TablesLoad Loader::run() {
  partners_ = make_file("partners.csv", partner_columns, partner_columns.size());
  if (open(partners_, true) != Opened::ok) return std::move(out_);
  rows(partners_, [&](const csv::Record& r) { partner_row(partners_, r); });

  auto table = [&](std::string_view name, std::span<const std::string_view> columns, std::size_t required,
                   auto each) {
    File f = make_file(name, columns, required);
    f.declares_tenants = name == "customers.csv";
    if (open(f, false) != Opened::ok) return;
    rows(f, [&](const csv::Record& r) {
      if (Builder* b = resolve(f, r)) {
        Row row{*this, f, *b, f.table.fields_of(r)};
        each(row, r);
      }
    });
  };
  table("certifications.csv", certification_columns, certification_columns.size(),
        [&](Row& row, const csv::Record&) { certification_row(row); });
  table("customers.csv", customer_columns, customer_columns.size(),
        [&](Row& row, const csv::Record& r) { customer_row(row, r); });
  table("associations.csv", association_columns, association_columns.size(),
        [&](Row& row, const csv::Record&) { association_row(row); });
  table("usage.csv", usage_columns, usage_required, [&](Row& row, const csv::Record&) { usage_row(row); });

  out_.partners.reserve(builders_.size());
  for (Builder& b : builders_) {
    PartnerLoad load;
    load.id = b.partner.id;
    if (b.dropped != 0)
      b.errors.push_back({Severity::note, "partner-data", SourcePos{},
                          "too many errors; " + std::to_string(b.dropped) + " more not shown", {}});
    load.errors = std::move(b.errors);
    if (!b.failed) load.partner = std::move(b.partner);
    out_.partners.push_back(std::move(load));
  }
  return std::move(out_);
}

}  // namespace

TablesLoad load_partner_tables(const std::string& dir, SourceFiles& sources) {
  return Loader(dir, sources).run();
}

}  // namespace pcs::data
