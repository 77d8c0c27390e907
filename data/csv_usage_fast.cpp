// The fast path of usage.csv for tables handed over in memory (the batch
// engine): about nine rows in ten of an export are usage rows, so they skip
// csv::Table and the per-cell Row helpers. A line is split at its commas into
// a fixed array of views (no allocation), checked, and appended straight to
// the partner's UsageTable. Any line the fast path is not sure of (a quote, a
// carriage return, a control character, a byte >= 0x80, a very long field, a
// wrong cell count, any value that does not validate, an unknown partner or
// tenant) is handed to the ordinary
// validation of csv_rows.cpp, alone, at its original line: the messages are
// those of the whole-file loader, byte for byte.
#include <array>

#include "data/csv_loader_state.hpp"

namespace pcs::data::csv_detail {

namespace {
constexpr std::size_t max_cells = 32;  // wider rows (many extra columns) take the ordinary path

// The bytes the line scan below must look at: a comma, a line ending, a quote,
// a control character but the tab, DEL, and every byte of multi-byte UTF-8.
// A table lookup per byte instead of seven comparisons: this loop reads nine
// bytes in ten of an export.
constexpr std::array<bool, 256> stop_bytes() {
  std::array<bool, 256> stops{};
  for (std::size_t c = 0; c < 256; ++c) stops[c] = c == ',' || c == '"' || (c < 0x20 && c != '\t') || c >= 0x7F;
  return stops;
}
constexpr std::array<bool, 256> stops = stop_bytes();

template <std::size_t N>
Symbol symbol_of(std::string_view text, std::span<const std::string_view> allowed, const std::array<Symbol, N>& symbols) {
  for (std::size_t i = 0; i < allowed.size(); ++i)
    if (allowed[i] == text) return symbols[i];
  return no_symbol;
}
}  // namespace

bool Loader::usage_row_fast(const File& f, std::span<const std::string_view> cells, std::uint32_t line) {
  auto cell = [&](int k) -> std::string_view {
    const std::ptrdiff_t c = f.at[std::size_t(k)];
    return c < 0 ? std::string_view() : cells[std::size_t(c)];
  };
  const std::string_view id = cell(u_partner);
  if (last_builder_ == nullptr || last_builder_->partner.id != id) {
    last_builder_ = id.empty() ? nullptr : find(id);
    if (last_builder_ == nullptr) return false;
  }
  Builder& b = *last_builder_;
  const std::string_view tenant = cell(u_tenant);
  if (tenant.empty()) return false;
  std::uint32_t customer;
  TenantSlot& slot = tenant_slot(tenant);
  if (&b == slot.builder && tenant == slot.text) {
    customer = slot.index;
  } else {
    const auto symbol = symbols().find(tenant);
    const auto it = symbol ? b.tenants.find(*symbol) : b.tenants.end();
    if (it == b.tenants.end()) return false;
    customer = it->second.index;
    slot.builder = &b;
    slot.text.assign(tenant);
    slot.index = customer;
  }
  const std::string_view month_text = cell(u_month), measure_text = cell(u_measure), value_text = cell(u_value);
  if (month_text.empty() || measure_text.empty() || value_text.empty()) return false;
  const auto month = parse_month(month_text);
  const Symbol measure = symbol_of(measure_text, measures, measure_symbols_);
  std::string problem;
  const auto value = parse_micros(value_text, problem);
  if (!month || measure == no_symbol || !value) return false;
  Symbol association = no_symbol;
  if (const auto text = cell(u_association); !text.empty()) {
    association = symbol_of(text, association_types, association_symbols_);
    if (association == no_symbol) return false;
  }
  // A tenant's rows repeat their service, offer, ...: the column's last value answers most cells.
  auto dimension = [&](int k) {
    const std::string_view text = cell(k);
    if (text.empty()) return no_symbol;
    auto& last = last_cell_[std::size_t(k)];
    if (last.second == no_symbol || last.first != text) {
      last.first.assign(text);  // into the string's room: no allocation per change of value
      last.second = cache_.intern(text);
    }
    return last.second;
  };
  b.partner.usage.append({customer, *month, measure, *value, dimension(u_service), dimension(u_service_group),
                          dimension(u_workload), dimension(u_product), dimension(u_offer), association,
                          dimension(u_area), dimension(u_service_level_4), dimension(u_service_influencer)});
  note_usage_line(b.partner, f, line);
  return true;
}

// One record through the ordinary validation, at its line of the file.
void Loader::usage_row_slow(File& f, std::string_view record, std::uint32_t line) {
  f.table = csv::read(record);
  if (f.table.records.empty()) return;
  remap_lines(f.table, {{1, line}});
  const csv::Record& r = f.table.records.front();
  if (Builder* b = resolve(f, r)) {
    Row row{*this, f, *b, f.table.fields_of(r)};
    usage_row(row);
  }
}

void Loader::usage_rows_fast(File& f, const TableText& t) {
  for (std::size_t i = 0; i < measures.size(); ++i) measure_symbols_[i] = symbols().intern(measures[i]);
  for (std::size_t i = 0; i < association_types.size(); ++i)
    association_symbols_[i] = symbols().intern(association_types[i]);
  const std::string_view text = t.text;
  const std::size_t n = text.size();
  // The text's line numbers, walked in step with t.lines to find each record's line in the file.
  std::uint32_t line = 1;
  for (std::size_t i = 0; i < t.header_size; ++i) line += text[i] == '\n';
  std::size_t piece = 0;
  auto file_line = [&](std::uint32_t l) {
    while (piece + 1 < t.lines.size() && t.lines[piece + 1].first <= l) ++piece;
    return t.lines.empty() ? l : t.lines[piece].second + (l - t.lines[piece].first);
  };
  std::array<std::string_view, max_cells> cells;
  csv::RecordSplitter splitter(text, std::size_t(-1));
  for (std::size_t at = t.header_size; at < n;) {
    if (text[at] == '\n' || (text[at] == '\r' && at + 1 < n && text[at + 1] == '\n')) {  // a blank line
      at += text[at] == '\n' ? 1 : 2;
      ++line;
      continue;
    }
    std::size_t count = 0, start = at, i = at, next = n;
    bool plain = true;
    for (; i < n; ++i) {
      while (i < n && !stops[static_cast<unsigned char>(text[i])]) ++i;  // most bytes: one load, one test
      if (i == n) break;
      const auto c = static_cast<unsigned char>(text[i]);
      if (c == ',') {
        if (count + 1 >= max_cells || i - start > csv::max_field_bytes) {
          plain = false;
          break;
        }
        cells[count++] = text.substr(start, i - start);
        start = i + 1;
      } else if (c == '\n' || (c == '\r' && i + 1 < n && text[i + 1] == '\n')) {
        next = i + (c == '\n' ? 1 : 2);
        break;
      } else if (c == '"' || (c < 0x20 && c != '\t') || c == 0x7F || c >= 0x80) {
        plain = false;  // a quote, a lone carriage return, a control character, UTF-8
        break;
      }
    }
    if (plain && i - start > csv::max_field_bytes) plain = false;
    if (plain) {
      cells[count++] = text.substr(start, i - start);
      plain = count == f.width && usage_row_fast(f, std::span(cells.data(), count), file_line(line));
    }
    if (plain) {
      at = next;
      ++line;
      continue;
    }
    const csv::SplitRecord r = splitter.split(at);
    usage_row_slow(f, text.substr(r.begin, r.next - r.begin), file_line(line));
    line += r.lines;
    at = r.next;
  }
}

}  // namespace pcs::data::csv_detail
