// Partitioning the CSV tables into buckets of partners (see csv_partition.hpp).
#include "engine/csv_partition.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "data/csv_reader.hpp"
#include "data/csv_splitter.hpp"
#include "engine/partition_io.hpp"

namespace pcs::engine {
using data::csv::RecordSplitter;
using data::csv::SplitRecord;
using namespace partition_io;
namespace {

// The text of one table handed to the loader, and where its lines came from.
struct TextBuilder {
  data::TableText& out;
  std::string& text;
  std::uint32_t lines = 0;  // line breaks in `text` so far

  void start(std::string_view header) {
    text.assign(header);
    lines = count_lines(header);
    out.lines.emplace_back(1, 1);
  }
  // Registers the bytes appended at `at` (records holding `breaks` line
  // breaks, the last one possibly missing) as starting at file line `line`.
  void added(std::size_t at, std::uint32_t line, std::uint32_t breaks) {
    if (at == text.size()) return;
    if (text.back() != '\n') text += '\n', ++breaks;
    out.lines.emplace_back(lines + 1, line);
    lines += breaks;
  }
  void append(std::string_view bytes, std::uint32_t line, std::uint32_t breaks) {
    const std::size_t at = text.size();
    text.append(bytes);
    added(at, line, breaks);
  }
};

}  // namespace

CsvPartition::~CsvPartition() {
  for (auto& t : tables_)
    if (t.temp_fd >= 0) ::close(t.temp_fd);
}

void CsvPartition::read_header(Table& t) {
  const std::string_view text = t.file.text();
  std::size_t at = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  std::uint32_t line = 1;
  RecordSplitter splitter(text, std::size_t(-1));
  if (!splitter.skip_blank(at, line)) {
    t.header = std::string(text);
    t.header_lines = line;
    return;
  }
  const SplitRecord r = splitter.split(at);
  t.header = std::string(text.substr(0, r.next));
  t.header_lines = line + r.lines;
  if (!t.header.empty() && t.header.back() != '\n') t.header += '\n', ++t.header_lines;
  const data::csv::Table h = data::csv::read(t.header);
  if (!h.records.empty()) {
    const auto fields = h.fields_of(h.records[0]);
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (fields[i].text == "partner_id") {
        t.id_column = i;
        break;
      }
  }
}

std::array<data::TableText, 5> CsvPartition::header_texts() const {
  std::array<data::TableText, 5> texts;
  for (std::size_t i = 0; i < tables_.size(); ++i) {
    texts[i].present = tables_[i].present;
    texts[i].text = tables_[i].header;
    texts[i].error = tables_[i].error;
  }
  return texts;
}

void CsvPartition::index_partners(Table& t) {
  const std::string_view text = t.file.text();
  RecordSplitter splitter(text, t.id_column);
  std::size_t at = t.header.size() <= text.size() ? t.header.size() : text.size();
  std::uint32_t line = t.header_lines;
  while (splitter.skip_blank(at, line)) {
    const SplitRecord r = splitter.split(at);
    if (r.has_id && !r.id.empty()) ids_.emplace_back(r.id);
    line += r.lines;
    at = r.next;
    if (r.unterminated) break;
  }
  std::sort(ids_.begin(), ids_.end());
  ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
  std::size_t size = 16;
  while (size < 2 * ids_.size()) size <<= 1;
  rank_slots_.assign(size, 0);
  id_bytes_.clear();
  id_starts_.clear();
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    id_starts_.push_back(std::uint32_t(id_bytes_.size()));
    id_bytes_ += ids_[i];
    const std::uint64_t hash = hash_id(ids_[i]);
    std::size_t h = hash & (size - 1);
    while (rank_slots_[h] != 0) h = (h + 1) & (size - 1);
    rank_slots_[h] = (hash & 0xFFFFFFFF00000000ull) | std::uint64_t(i + 1);
  }
  id_starts_.push_back(std::uint32_t(id_bytes_.size()));
}

std::int64_t CsvPartition::rank_of(std::string_view id) const {
  if (rank_slots_.empty()) return -1;
  const std::size_t mask = rank_slots_.size() - 1;
  const std::uint64_t hash = hash_id(id), tag = hash & 0xFFFFFFFF00000000ull;
  for (std::size_t h = hash & mask;; h = (h + 1) & mask) {
    const std::uint64_t slot = rank_slots_[h];
    if (slot == 0) return -1;
    if ((slot & 0xFFFFFFFF00000000ull) != tag) continue;
    const std::size_t r = std::size_t(slot & 0xFFFFFFFFu) - 1;
    const std::string_view known(id_bytes_.data() + id_starts_[r], id_starts_[r + 1] - id_starts_[r]);
    if (known == id) return std::int64_t(r);
  }
}

std::optional<std::size_t> CsvPartition::bucket_of(std::string_view id, Lookup& last) const {
  if (id.empty()) return std::nullopt;
  if (id == last.id) return last.bucket;
  last.id.assign(id);
  const std::int64_t rank = rank_of(id);
  last.rank = rank < 0 ? 0 : std::uint32_t(rank);
  last.bucket = rank < 0 ? std::nullopt : std::optional<std::size_t>(std::size_t(rank) * buckets_ / ids_.size());
  return last.bucket;
}

// The error of a quoted field never closed, as the loader reports it when reading the whole file.
Diagnostic CsvPartition::unterminated(std::size_t index, const Table& t, std::string_view record,
                                      std::uint32_t line) const {
  std::array<data::TableText, 5> texts = header_texts();
  std::string text = t.header;
  texts[index].lines = {{1, 1}, {count_lines(text) + 1, line}};
  text.append(record);
  texts[index].text = text;
  texts[index].error.reset();
  auto load = data::load_partner_tables(dir_, texts);
  for (auto& [name, d] : load.failed_files)
    if (name == data::table_files[index]) return d;
  return {Severity::error, "csv-syntax", SourcePos{t.path, line, 1, 1}, "unterminated quoted field", {}};
}

bool CsvPartition::route(std::size_t index, Table& t, std::size_t max_runs, std::vector<Diagnostic>& stray) {
  const std::string_view text = t.file.text();
  RecordSplitter splitter(text, t.id_column);
  std::size_t at = std::min(t.header.size(), text.size());
  std::uint32_t line = t.header_lines;
  std::size_t run_count = 0;
  t.runs.assign(buckets_, {});
  stray_rows_of_[index].clear();
  stray_rows_[index] = stray_dropped_[index] = 0;
  std::vector<std::uint64_t> rows(buckets_, 0);
  std::size_t released = 0;
  Lookup last;
  while (splitter.skip_blank(at, line)) {
    const SplitRecord r = splitter.split(at);
    if (r.unterminated) {
      const Diagnostic d = unterminated(index, t, text.substr(r.begin), line);
      stray.push_back(d);
      t.late_error = d;
      break;
    }
    const auto bucket = r.has_id ? bucket_of(r.id, last) : std::nullopt;
    if (!bucket) {
      if (stray_rows_[index] < max_stray_rows) {
        ++stray_rows_[index];
        stray_rows_of_[index].emplace_back(std::string(text.substr(r.begin, r.end - r.begin)), line);
      } else {
        ++stray_dropped_[index];
      }
    } else {
      auto& runs = t.runs[*bucket];
      if (!runs.empty() && runs.back().offset + runs.back().length == r.begin) {
        runs.back().length = r.next - runs.back().offset;
        runs.back().lines += r.lines;
      } else {
        if (++run_count > max_runs) return false;
        runs.push_back({r.begin, r.next - r.begin, line, r.lines});
      }
      ++rows[*bucket];
    }
    line += r.lines;
    at = r.next;
    if (at - released >= release_every) t.file.release_before(released = at);
  }
  t.file.release_before(text.size());
  for (std::size_t b = 0; b < buckets_; ++b) bucket_rows_[b] += rows[b], rows_ += rows[b];
  return true;
}

bool CsvPartition::open(const std::string& dir, const PartitionOptions& options, std::vector<Diagnostic>& stray) {
  dir_ = dir;
  for (std::size_t i = 0; i < tables_.size(); ++i) {
    Table& t = tables_[i];
    t.path = join(dir, data::table_files[i]);
    const int err = t.file.open(t.path);
    if (err == ENOENT && i != partners_table) continue;
    if (err != 0) {
      t.error = Diagnostic{Severity::error, "io", SourcePos{t.path, 0, 0, 1},
                           std::string("cannot read partner table: ") + std::strerror(err), {}};
      continue;
    }
    t.present = true;
    bytes_ += t.file.text().size();
    read_header(t);
  }
  // The headers alone, through the loader: its checks and messages, once for the whole run.
  {
    auto load = data::load_partner_tables(dir_, header_texts());
    for (auto& d : load.stray) stray.push_back(std::move(d));
    for (auto& [name, d] : load.failed_files) {
      const auto i = std::size_t(std::find(data::table_files.begin(), data::table_files.end(), name) -
                                 data::table_files.begin());
      tables_[i].error = d;
    }
  }
  if (tables_[partners_table].error) return false;
  index_partners(tables_[partners_table]);
  buckets_ = ids_.empty() ? 0 : std::clamp<std::size_t>(bytes_ / std::max<std::size_t>(options.bucket_bytes, 1), 1,
                                                         std::min(ids_.size(), options.max_buckets));
  bucket_rows_.assign(buckets_, 0);
  for (std::size_t i = 0; i < tables_.size(); ++i) {
    Table& t = tables_[i];
    if (!t.present || t.error) continue;
    const std::size_t max_runs = options.max_runs ? options.max_runs : std::max<std::size_t>(65536, 4 * ids_.size());
    if (route(i, t, max_runs, stray)) continue;
    // Shuffled rows: copy them into their buckets instead. Every row is
    // looked up and copied, the costliest pass of a shuffled export, so it
    // runs on several threads. At most 4: each holds a 64 KiB buffer per bucket.
    t.runs.clear();
    t.copied = true;
    t.temp_fd = temporary_file();
    const unsigned threads = std::min(4u, options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency()));
    if (t.temp_fd < 0 || !copy(i, t, threads, options.range_bytes, stray)) {
      t.error = Diagnostic{Severity::error, "io", SourcePos{t.path, 0, 0, 1},
                           std::string("cannot write the temporary file of the partition: ") + std::strerror(errno), {}};
      stray.push_back(*t.error);
    }
  }
  // The rows naming no partner: loaded once, with no partners, for their messages.
  std::array<data::TableText, 5> texts = header_texts();
  std::array<std::string, 5> bodies;
  for (std::size_t i = 0; i < tables_.size(); ++i) {
    texts[i].error.reset();
    if (!tables_[i].present || tables_[i].error) {
      texts[i].present = false;
      continue;
    }
    TextBuilder body{texts[i], bodies[i]};
    body.start(tables_[i].header);
    for (const auto& [record, line] : stray_rows_of_[i]) body.append(record, line, count_lines(record));
    texts[i].text = bodies[i];
  }
  auto load = data::load_partner_tables(dir_, texts);
  for (auto& d : load.stray) stray.push_back(std::move(d));
  for (std::size_t i = 0; i < tables_.size(); ++i)
    if (stray_dropped_[i] != 0)
      stray.push_back({Severity::note, "partner-data", SourcePos{tables_[i].path, 0, 0, 1},
                       "too many errors; " + std::to_string(stray_dropped_[i]) + " more not shown", {}});
  return true;
}

data::TablesLoad CsvPartition::load(std::size_t k) const {
  std::array<data::TableText, 5> texts;
  std::array<std::string, 5> bodies;
  std::string frames;
  for (std::size_t i = 0; i < tables_.size(); ++i) {
    const Table& t = tables_[i];
    data::TableText& out = texts[i];
    out.present = t.present;
    if (t.error) {
      out.error = t.error;
      out.reported = true;
      continue;
    }
    if (!t.present) continue;
    out.late_error = t.late_error;
    TextBuilder body{out, bodies[i]};
    body.start(t.header);
    out.header_size = t.header.size();
    if (!t.copied) {
      for (const Run& r : t.runs[k]) {
        const std::size_t at = body.text.size();
        body.text.resize(at + r.length);
        if (!read_all(t.file.fd(), body.text.data() + at, r.length, r.offset)) body.text.resize(at);
        body.added(at, r.line, r.lines);
      }
    } else {
      // Shuffled rows, put back together by partner (stable: a partner's rows
      // keep their file order), so the loader finds each row's partner where
      // the previous row's was. The rank was recorded by the partition.
      frames.clear();
      std::vector<std::pair<std::size_t, std::uint32_t>> pieces;  // where each chunk starts in `frames`, its line base
      for (const Chunk& c : t.chunks[k]) {
        const std::size_t at = frames.size();
        frames.resize(at + c.length);
        if (!read_all(t.temp_fd, frames.data() + at, c.length, c.offset)) frames.resize(at);
        pieces.emplace_back(at, c.line_base);
      }
      pieces.emplace_back(frames.size(), 0);
      struct Record {
        std::string_view bytes;
        std::uint32_t line, breaks, rank;
      };
      std::vector<Record> records;
      for (std::size_t p = 0; p + 1 < pieces.size(); ++p)
        for (std::size_t at = pieces[p].first; at + 16 <= pieces[p + 1].first;) {
          Record r{};
          std::uint32_t length = 0;
          std::memcpy(&r.line, frames.data() + at, 4);
          std::memcpy(&length, frames.data() + at + 4, 4);
          std::memcpy(&r.breaks, frames.data() + at + 8, 4);
          std::memcpy(&r.rank, frames.data() + at + 12, 4);
          r.line += pieces[p].second;
          r.bytes = std::string_view(frames).substr(at + 16, length);
          records.push_back(r);
          at += 16 + length;
        }
      std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.rank < b.rank; });
      for (const Record& r : records) body.append(r.bytes, r.line, r.breaks);
    }
    out.text = bodies[i];
  }
  auto load = data::load_partner_tables(dir_, texts);
  // Messages by file, then line, as when the files are read whole (shuffled rows were regrouped).
  auto rank = [&](const Diagnostic& d) {
    for (std::size_t i = 0; i < tables_.size(); ++i)
      if (d.pos.file == tables_[i].path) return i;
    return tables_.size();
  };
  for (auto& p : load.partners)
    std::stable_sort(p.errors.begin(), p.errors.end(), [&](const Diagnostic& a, const Diagnostic& b) {
      const auto ra = rank(a), rb = rank(b);
      return ra != rb ? ra < rb : a.pos.line < b.pos.line;
    });
  return load;
}

}  // namespace pcs::engine
