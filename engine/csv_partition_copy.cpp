// Copying a shuffled table into its buckets on several threads (see
// csv_partition.hpp): the table is cut into byte ranges just after line
// breaks, each thread copies its range, and the ranges are joined in file
// order, so buckets, line numbers and messages are those of one thread.
#include <atomic>
#include <cstring>
#include <thread>

#include "data/csv_reader.hpp"
#include "data/csv_splitter.hpp"
#include "engine/csv_partition.hpp"
#include "engine/partition_io.hpp"

namespace pcs::engine {
using data::csv::RecordSplitter;
using data::csv::SplitRecord;
using namespace partition_io;

// One byte range of a shuffled table being copied by one thread. Lines are
// counted from the range's start: the ranges before it are not counted yet.
struct CsvPartition::CopyScan {
  std::size_t begin = 0, end = 0;  // the range: from a record's start to just after a line break
  std::size_t stop = 0;            // where its last record ended (== end when the cut was between records)
  int fd = -1;
  std::atomic<std::uint64_t>* temp_end = nullptr;  // the temporary file's size, shared by the threads
  std::uint32_t lines = 0;                         // line breaks from begin to stop
  bool io_error = false;
  bool unterminated = false;  // a quoted field ran to the end of the file
  std::size_t unterminated_at = 0;
  std::uint32_t unterminated_line = 0;
  std::vector<std::vector<Chunk>> chunks;  // per bucket, line_base set when the ranges are joined
  std::vector<std::uint64_t> rows;         // per bucket
  std::vector<std::pair<std::string, std::uint32_t>> stray_rows;  // the first max_stray_rows naming no partner
  std::size_t strays = 0;                                         // all of them
};

void CsvPartition::copy_range(const Table& t, CopyScan& scan) const {
  const std::string_view text = t.file.text();
  RecordSplitter splitter(text, t.id_column);
  std::size_t at = scan.begin;
  std::uint32_t line = 0;
  scan.chunks.assign(buckets_, {});
  scan.rows.assign(buckets_, 0);
  std::vector<std::string> buffers(buckets_);
  auto flush = [&](std::size_t b) {
    std::string& buffer = buffers[b];
    if (buffer.empty()) return true;
    const std::uint64_t offset = scan.temp_end->fetch_add(buffer.size());
    if (!write_all(scan.fd, buffer.data(), buffer.size(), offset)) return false;
    scan.chunks[b].push_back({offset, buffer.size(), 0});
    buffer.clear();
    return true;
  };
  std::size_t released = at;
  Lookup last;
  while (at < scan.end && splitter.skip_blank(at, line) && at < scan.end) {
    const SplitRecord r = splitter.split(at);
    if (r.unterminated) {
      scan.unterminated = true;
      scan.unterminated_at = r.begin;
      scan.unterminated_line = line;
      at = text.size();
      break;
    }
    const auto bucket = r.has_id ? bucket_of(r.id, last) : std::nullopt;
    if (!bucket) {
      if (scan.stray_rows.size() < max_stray_rows)
        scan.stray_rows.emplace_back(std::string(text.substr(r.begin, r.end - r.begin)), line);
      ++scan.strays;
    } else {
      std::string& buffer = buffers[*bucket];
      // A frame: line, length, line breaks (the record's own and its ending),
      // the partner's rank, then the record and '\n'.
      const auto length = std::uint32_t(r.end - r.begin + 1);
      const std::uint32_t breaks = r.lines + (r.next == r.end ? 1 : 0);  // the '\n' added at the end of the file
      char frame[16];
      std::memcpy(frame, &line, 4);
      std::memcpy(frame + 4, &length, 4);
      std::memcpy(frame + 8, &breaks, 4);
      std::memcpy(frame + 12, &last.rank, 4);
      buffer.append(frame, 16).append(text.substr(r.begin, r.end - r.begin)).push_back('\n');
      if (buffer.size() >= copy_buffer && !flush(*bucket)) {
        scan.io_error = true;
        return;
      }
      ++scan.rows[*bucket];
    }
    line += r.lines;
    at = r.next;
    if (at - released >= release_every) {
      t.file.release(released, at);
      released = at;
    }
  }
  t.file.release(released, at);
  scan.stop = at;
  scan.lines = line;
  for (std::size_t b = 0; b < buckets_; ++b)
    if (!flush(b)) scan.io_error = true;
}

bool CsvPartition::copy(std::size_t index, Table& t, unsigned threads, std::size_t range_bytes,
                        std::vector<Diagnostic>& stray) {
  const std::string_view text = t.file.text();
  const std::size_t start = std::min(t.header.size(), text.size());
  std::atomic<std::uint64_t> temp_end{0};
  // The ranges are cut just after a line break. A cut inside a quoted field
  // shows as the range before it not ending there: then one thread copies
  // the whole table (the cut of another range could be wrong too).
  auto ranges = [&](std::size_t n) {
    std::vector<CopyScan> scans(n);
    std::size_t at = start;
    for (std::size_t i = 0; i < n; ++i) {
      scans[i].begin = at;
      std::size_t end = text.size();
      if (i + 1 < n) {
        const std::size_t cut = std::max(at, start + (text.size() - start) / n * (i + 1));
        const std::size_t nl = cut == 0 ? std::string_view::npos : text.find('\n', cut - 1);
        end = nl == std::string_view::npos ? text.size() : nl + 1;
      }
      scans[i].end = at = end;
      scans[i].fd = t.temp_fd;
      scans[i].temp_end = &temp_end;
    }
    return scans;
  };
  const std::size_t n = std::clamp<std::size_t>((text.size() - start) / std::max<std::size_t>(range_bytes, 1), 1,
                                                std::max(threads, 1u));
  std::vector<CopyScan> scans = ranges(n);
  {
    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < n; ++i) pool.emplace_back([this, &t, &scans, i] { copy_range(t, scans[i]); });
    copy_range(t, scans[0]);
    for (auto& thread : pool) thread.join();
  }
  bool aligned = true;
  for (std::size_t i = 0; i + 1 < n; ++i) aligned = aligned && !scans[i].unterminated && scans[i].stop == scans[i + 1].begin;
  if (!aligned) {
    temp_end = 0;
    if (::ftruncate(t.temp_fd, 0) != 0) return false;
    scans = ranges(1);
    copy_range(t, scans[0]);
  }
  t.file.release_before(text.size());
  // The ranges joined in file order: a bucket's chunks keep the rows' order,
  // line numbers become the file's, the stray rows the first of the file.
  t.chunks.assign(buckets_, {});
  stray_rows_of_[index].clear();
  stray_rows_[index] = stray_dropped_[index] = 0;
  std::uint32_t base = t.header_lines;
  for (CopyScan& s : scans) {
    if (s.io_error) return false;
    for (std::size_t b = 0; b < buckets_; ++b) {
      for (Chunk c : s.chunks[b]) {
        c.line_base = base;
        t.chunks[b].push_back(c);
      }
      bucket_rows_[b] += s.rows[b], rows_ += s.rows[b];
    }
    std::size_t taken = 0;
    for (auto& [record, line] : s.stray_rows) {
      if (stray_rows_[index] >= max_stray_rows) break;
      ++stray_rows_[index], ++taken;
      stray_rows_of_[index].emplace_back(std::move(record), base + line);
    }
    stray_dropped_[index] += s.strays - taken;
    if (s.unterminated) {
      const Diagnostic d = unterminated(index, t, text.substr(s.unterminated_at), base + s.unterminated_line);
      stray.push_back(d);
      t.late_error = d;
    }
    base += s.lines;
  }
  return true;
}

}  // namespace pcs::engine
