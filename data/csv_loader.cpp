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

#include "data/csv_loader_state.hpp"

namespace pcs::data {
namespace csv_detail {

// Maps the lines of an in-memory table back to the file's lines.
void remap_lines(csv::Table& table, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& lines) {
  if (lines.empty()) return;
  std::size_t k = 0;
  auto map = [&](std::uint32_t& line) {
    while (k + 1 < lines.size() && lines[k + 1].first <= line) ++k;
    while (k > 0 && lines[k].first > line) --k;
    if (lines[k].first <= line) line = lines[k].second + (line - lines[k].first);
  };
  for (csv::Record& r : table.records) {
    const std::uint32_t start = r.line;
    map(r.line);
    const std::int64_t delta = std::int64_t(r.line) - start;  // a record's lines move together
    r.end_line = std::uint32_t(r.end_line + delta);
    if (r.problem) r.problem->line = std::uint32_t(r.problem->line + delta);
    for (std::size_t i = r.first; i < r.first + r.count; ++i)
      table.fields[i].line = std::uint32_t(table.fields[i].line + delta);
  }
}

Loader::Opened Loader::open_input(File& f, const TableText& t, bool header_only) {
  if (t.error) {
    if (t.reported) fail_partners(f, *t.error);
    else fail_file(f, *t.error);
    f.failed = true;
    return Opened::failed;
  }
  if (!t.present) return Opened::absent;
  f.table = csv::read(header_only ? t.text.substr(0, t.header_size) : t.text);
  remap_lines(f.table, t.lines);
  return check_header(f, &f == &partners_) ? Opened::ok : Opened::failed;
}

Loader::Opened Loader::open(File& f, bool required) {
  if (inputs_ != nullptr) {
    const auto k = std::size_t(std::find(table_files.begin(), table_files.end(), f.name) - table_files.begin());
    return open_input(f, (*inputs_)[k]);
  }
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
    fail_partners(f, d);
    out_.failed_files.emplace_back(f.name, d);
  }
  out_.stray.push_back(std::move(d));
}

void Loader::fail_partners(const File& f, const Diagnostic& d) {
  for (Builder& b : builders_)
    error(b, {Severity::error, d.code, d.pos, "not loaded because of an error in " + f.name + ": " + d.message, {}});
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

TablesLoad Loader::run() {
  partners_ = make_file("partners.csv", partner_columns, partner_columns.size());
  if (open(partners_, true) != Opened::ok) return std::move(out_);
  rows(partners_, [&](const csv::Record& r) { partner_row(partners_, r); });

  auto table = [&](std::string_view name, std::span<const std::string_view> columns, std::size_t required,
                   auto each) {
    File f = make_file(name, columns, required);
    f.declares_tenants = name == "customers.csv";
    if (inputs_ != nullptr && name == "usage.csv" && (*inputs_)[4].header_size != 0) {
      const TableText& t = (*inputs_)[4];
      if (!t.error && !t.present) return;
      if (open_input(f, t, true) != Opened::ok) return;
      usage_rows_fast(f, t);
      if (t.late_error) fail_partners(f, *t.late_error);
      return;
    }
    if (open(f, false) != Opened::ok) return;
    rows(f, [&](const csv::Record& r) {
      if (Builder* b = resolve(f, r)) {
        Row row{*this, f, *b, f.table.fields_of(r)};
        each(row, r);
      }
    });
    // An error of the whole file found by the batch engine's partition pass
    // (an unterminated quote at its end): after the rows, as when read whole.
    if (inputs_ != nullptr) {
      const auto k = std::size_t(std::find(table_files.begin(), table_files.end(), name) - table_files.begin());
      if (const auto& late = (*inputs_)[k].late_error) fail_partners(f, *late);
    }
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
    load.line = b.line;
    if (b.dropped != 0)
      b.errors.push_back({Severity::note, "partner-data", SourcePos{},
                          "too many errors; " + std::to_string(b.dropped) + " more not shown", {}});
    load.errors = std::move(b.errors);
    if (!b.failed) load.partner = std::move(b.partner);
    out_.partners.push_back(std::move(load));
  }
  return std::move(out_);
}

}  // namespace csv_detail

TablesLoad load_partner_tables(const std::string& dir, SourceFiles& sources) {
  return csv_detail::Loader(dir, sources).run();
}

TablesLoad load_partner_tables(const std::string& dir, const std::array<TableText, 5>& tables) {
  SourceFiles unused;  // the texts belong to the caller
  return csv_detail::Loader(dir, unused, &tables).run();
}

}  // namespace pcs::data
