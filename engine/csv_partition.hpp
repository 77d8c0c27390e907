// The contract's CSV tables of a whole population, read with bounded memory
// whether the rows of a partner are adjacent or shuffled across the files.
//
// One pass over each file (memory-mapped, pages given back as the scan goes)
// splits it into records and reads only their partner_id. The partners,
// sorted by id, are cut into buckets of consecutive ids holding about
// `bucket_bytes` of rows; every record is routed to its partner's bucket:
//
//   - rows of a partner adjacent (the usual export): a bucket keeps the byte
//     ranges ("runs") of its rows in the file, about one per partner, and
//     the rows are read again with pread when the bucket is scored;
//   - rows shuffled (the runs would be about one per row): the table is
//     partitioned again, copying each record into its bucket's part of a
//     temporary file (unlinked at once), 64 KiB at a time, by several
//     threads at once, each a byte range of the table, joined in file order.
//
// A bucket is then loaded on its own (load(k), thread-safe) by the contract
// loader of data/csv_loader.hpp over its rows, at their original lines, so
// validation and messages are those of `load_partner_tables`. Memory is the
// buckets being scored, not the population. See docs/architecture.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/diagnostics.hpp"
#include "data/csv_loader.hpp"
#include "engine/mapped_file.hpp"

namespace pcs::engine {

struct PartitionOptions {
  std::size_t bucket_bytes = std::size_t(4) << 20;  // rows per bucket, about; tests make it small
  std::size_t max_buckets = 1024;
  /// Byte ranges kept per table before its rows count as shuffled and are
  /// copied instead; 0 = max(65536, 4 x partners). Tests force copying with 1.
  std::size_t max_runs = 0;
  /// Threads copying a shuffled table (each a byte range of it); 0 = every core.
  unsigned threads = 0;
  /// Bytes per range at least, so small tables are not cut; tests make it small.
  std::size_t range_bytes = std::size_t(8) << 20;
};

class CsvPartition {
 public:
  CsvPartition() = default;
  CsvPartition(const CsvPartition&) = delete;
  CsvPartition& operator=(const CsvPartition&) = delete;
  ~CsvPartition();

  /// Reads the headers and partitions every table of `dir`. Problems reported
  /// once (bad headers, rows naming no partner, a quote never closed) go to
  /// `stray`. Returns false when partners.csv cannot be read or its header
  /// is broken: then nothing can be scored.
  bool open(const std::string& dir, const PartitionOptions& options, std::vector<Diagnostic>& stray);

  std::size_t buckets() const { return buckets_; }
  /// The partners of bucket `k` (ids in its range, in partners.csv order) and
  /// the problems of their rows. Safe to call from several threads.
  data::TablesLoad load(std::size_t k) const;
  /// Data rows of all tables routed to bucket k (for progress figures).
  std::uint64_t rows_in(std::size_t k) const { return bucket_rows_[k]; }
  std::uint64_t bytes() const { return bytes_; }
  std::size_t partner_ids() const { return ids_.size(); }  // distinct ids in partners.csv
  std::uint64_t rows() const { return rows_; }

 private:
  struct Run {  // consecutive records of one bucket in the file
    std::uint64_t offset, length;
    std::uint32_t line;   // of its first record
    std::uint32_t lines;  // line breaks in it
  };
  struct Chunk {  // a piece of a bucket in the temporary file
    std::uint64_t offset, length;
    std::uint32_t line_base;  // added to its records' lines (counted from their range's start)
  };
  struct Lookup {  // the last id looked up by one scan: adjacent rows repeat it, so most rows skip the hash
    std::string id;  // a copy: a quoted id is a view of the splitter's scratch
    std::optional<std::size_t> bucket;
    std::uint32_t rank = 0;
  };
  struct CopyScan;  // one byte range of a shuffled table, copied (csv_partition.cpp)
  struct Table {
    std::string path;
    MappedFile file;
    bool present = false;
    std::optional<Diagnostic> error;  // of the whole file, reported once
    std::optional<Diagnostic> late_error;
    std::string header;  // the bytes up to the end of the header record's line break
    std::uint32_t header_lines = 1;  // the first data line
    std::size_t id_column = 0;
    bool copied = false;  // shuffled: rows are in the temporary file
    int temp_fd = -1;
    std::vector<std::vector<Run>> runs;      // per bucket
    std::vector<std::vector<Chunk>> chunks;  // per bucket, when copied
  };

  void read_header(Table& t);
  void index_partners(Table& t);
  /// Routes every record of `t`; false when too many runs say the rows are shuffled.
  bool route(std::size_t index, Table& t, std::size_t max_runs, std::vector<Diagnostic>& stray);
  /// Copies every record of a shuffled table into its bucket's part of the
  /// temporary file, on `threads` byte ranges at once; false on a write error.
  bool copy(std::size_t index, Table& t, unsigned threads, std::size_t range_bytes, std::vector<Diagnostic>& stray);
  void copy_range(const Table& t, CopyScan& scan) const;
  std::int64_t rank_of(std::string_view id) const;  // -1: not in partners.csv
  std::optional<std::size_t> bucket_of(std::string_view id, Lookup& last) const;
  Diagnostic unterminated(std::size_t index, const Table& t, std::string_view record, std::uint32_t line) const;
  std::array<data::TableText, 5> header_texts() const;

  std::string dir_;
  std::array<Table, 5> tables_;
  std::vector<std::string> ids_;  // sorted, unique
  // id -> its index in ids_, open addressing (a power of two, at most half
  // full): shuffled rows look one up per row. A slot holds the id's hash in
  // its high half and 1 + its index in the low half, so a probe reads one
  // word, and the id's bytes (in `id_bytes_`, contiguous) only when the hashes agree.
  std::vector<std::uint64_t> rank_slots_;
  std::string id_bytes_;                 // ids_ end to end
  std::vector<std::uint32_t> id_starts_;  // where id i starts in id_bytes_; one more at the end
  std::size_t buckets_ = 0;
  std::vector<std::uint64_t> bucket_rows_;
  std::uint64_t bytes_ = 0, rows_ = 0;
  // Rows naming no partner of partners.csv, per table (at most max_errors each), loaded once for their messages.
  std::array<std::vector<std::pair<std::string, std::uint32_t>>, 5> stray_rows_of_;  // record text, line
  std::array<std::size_t, 5> stray_rows_{}, stray_dropped_{};
};

}  // namespace pcs::engine
