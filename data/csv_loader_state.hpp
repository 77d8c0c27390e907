// Internal state of the CSV loader, shared by csv_loader.cpp (files,
// headers, routing rows to partners) and csv_rows.cpp (validating the rows
// of each table). Not part of the loader's interface.
#pragma once

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <span>
#include <string_view>
#include <unordered_map>

#include "data/csv_reader.hpp"
#include "data/csv_splitter.hpp"
#include "data/symbol_cache.hpp"
#include "data/values.hpp"

#include "data/csv_loader.hpp"

namespace pcs::data::csv_detail {


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

/// Records the line of the usage row just appended, so a message about it (a
/// sum that overflows) can name it.
inline void note_usage_line(Partner& p, const File& f, std::uint32_t line) {
  if (p.usage_file.empty()) p.usage_file = f.path;
  p.usage_lines.push_back(line);
}

inline std::string join(const std::string& dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  return dir.back() == '/' ? dir + std::string(name) : dir + "/" + std::string(name);
}

class Loader;

/// Moves the lines of a table read from memory to the file's lines (TableText::lines).
void remap_lines(csv::Table& table, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& lines);

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
  Loader(const std::string& dir, SourceFiles& sources, const std::array<TableText, 5>* inputs = nullptr)
      : dir_(dir), sources_(sources), inputs_(inputs) {}
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
  Opened open_input(File& f, const TableText& t, bool header_only = false);
  void fail_partners(const File& f, const Diagnostic& d);
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
  // The usage table in memory without csv::Table (csv_usage_fast.cpp).
  void usage_rows_fast(File& f, const TableText& t);
  bool usage_row_fast(const File& f, std::span<const std::string_view> cells, std::uint32_t line);
  void usage_row_slow(File& f, std::string_view record, std::uint32_t line);
  Builder* last_builder_ = nullptr;  // of the last usage row taken by the fast path
  std::array<Symbol, 7> measure_symbols_{};
  std::array<Symbol, 7> association_symbols_{};
  std::array<std::pair<std::string, Symbol>, usage_columns.size()> last_cell_{};  // per column: its last value

  const std::string& dir_;
  SourceFiles& sources_;
  const std::array<TableText, 5>* inputs_;  // tables in memory (batch engine), else read from dir_
  std::vector<Builder> builders_;
  std::unordered_map<std::string_view, std::size_t> index_;  // views into the partners table
  File partners_;  // kept: index_ views its text
  TablesLoad out_;
  SymbolCache cache_;
  // Tenants found lately, by a hash of their text (Loader::tenant and the
  // usage fast path). Rows of a partner name its tenants again and again,
  // interleaved when an export's rows are shuffled: a slot answers without
  // the process-wide symbol table (its hash and the lock threads share).
  // A slot is only a cache: it holds the builder, so a partner never sees
  // another's tenant, and a collision merely costs a lookup.
  struct TenantSlot {
    const Builder* builder = nullptr;
    std::string text;
    std::uint32_t index = 0;
  };
  std::array<TenantSlot, 1024> tenant_slots_{};
  TenantSlot& tenant_slot(std::string_view text) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return tenant_slots_[(h ^ (h >> 16)) % tenant_slots_.size()];
  }
};


}  // namespace pcs::data::csv_detail
