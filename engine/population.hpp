// A population of partners read piece by piece: the contract's CSV tables
// (partitioned into buckets of partner ids, csv_partition.hpp) or a folder of
// partner JSON files (groups of files). Each piece ("unit") loads on its own,
// so several threads can load and score different units at once while the
// memory held is a few units, never the population.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "data/partner.hpp"
#include "engine/csv_partition.hpp"

namespace pcs::engine {

/// One partner as read: its data, or the errors that kept it from loading.
struct LoadedPartner {
  std::string id;          // partner id; for a JSON file that does not load, its file name
  std::uint64_t order = 0;  // place in the population: partners.csv line, or JSON file number
  std::optional<data::Partner> partner;  // nullopt when it failed to load, and once it is scored (run_units)
  bool loaded = false;                   // it loaded (stays true when `partner` is released)
  std::vector<Diagnostic> errors;        // its data errors, by file then line
  std::string rendered;                  // the errors as printed, with the source line when it is at hand
};

class Population {
 public:
  /// Opens `path`: a folder holding partners.csv is read as CSV tables,
  /// otherwise its *.json files are the partners. Problems of no single
  /// partner (bad headers, rows naming no partner) go to `stray`. Returns
  /// false when the population cannot be read at all (no such folder,
  /// partners.csv unreadable or its header broken): nothing can be scored.
  bool open(const std::string& path, const PartitionOptions& options, std::vector<Diagnostic>& stray);

  std::size_t units() const { return csv_ ? csv_->buckets() : (files_.size() + files_per_unit - 1) / files_per_unit; }
  /// The partners of unit `k`; with CSV tables, sorted by id, and the units in id order.
  /// Thread-safe. Problems of rows naming no loaded partner go to `stray`.
  std::vector<LoadedPartner> load(std::size_t k, std::vector<Diagnostic>& stray) const;
  /// True when the units come in partner id order (CSV); JSON files are sorted by name, not id.
  bool sorted() const { return csv_ != nullptr; }
  std::uint64_t bytes() const { return bytes_; }
  /// How many partners to expect (for progress): partner ids, or JSON files.
  std::size_t expected() const { return csv_ ? csv_->partner_ids() : files_.size(); }
  std::uint64_t rows_in(std::size_t k) const;

 private:
  static constexpr std::size_t files_per_unit = 16;
  std::unique_ptr<CsvPartition> csv_;
  std::vector<std::string> files_;
  std::uint64_t bytes_ = 0;
};

}  // namespace pcs::engine
