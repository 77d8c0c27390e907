// Loads many partners from the CSV form of the partner-data contract
// (shared/spec/partner-data.md, "Many partners: CSV tables"): five RFC 4180
// tables in one folder, of which only partners.csv is required.
//
//     partners.csv        partner_id,name,market   then any attribute columns (read as strings)
//     certifications.csv  partner_id,person_id,code,earned,expires
//     customers.csv       partner_id,tenant,segment
//     associations.csv    partner_id,tenant,type,since
//     usage.csv           partner_id,tenant,month,measure,value,service,service_group,workload,product,
//                         offer,association,area   (+ optional service_level_4, service_influencer)
//
// Every column of the contract must be in the header, in any order (a cell
// may be empty: an empty cell is an absent value); other columns are ignored,
// as unknown JSON keys are. Each row is validated like the JSON form, with
// the same messages, the column name in place of the JSON path:
//
//     dir/usage.csv:17:25: error[partner-data]: month: expected YYYY-MM, got "2024-13"
//
// Values are exact (millionths, never binary floating point) and strings are
// interned in symbols(), so a partner loads equal to its JSON form.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/diagnostics.hpp"
#include "data/partner.hpp"

namespace pcs::data {

struct PartnerLoad {
  std::string id;
  std::uint32_t line = 0;  // of its (first) row in partners.csv: the population order
  std::optional<Partner> partner;  // nullopt when any of its rows is invalid
  std::vector<Diagnostic> errors;  // its errors, by file then line
};

struct TablesLoad {
  std::vector<PartnerLoad> partners;  // one per partner_id of partners.csv, in file order
  /// Problems tied to no partner of partners.csv: rows naming an unknown
  /// partner_id or tenant (reported and skipped), rows whose partner cannot
  /// be told, and errors of a whole file (cannot be read, no header, a header
  /// without a contract column, an unterminated quote).
  std::vector<Diagnostic> stray;
  /// The files whose error fails every partner (unreadable, bad header, an
  /// unterminated quote), each with the error that did it.
  std::vector<std::pair<std::string, Diagnostic>> failed_files;
};

/// Reads partners.csv (required) and the optional certifications.csv,
/// customers.csv, associations.csv and usage.csv of `dir`, registering their
/// text in `sources`. Every partner of partners.csv gets an entry, in file
/// order: its Partner when all its rows are valid, otherwise nullopt with its
/// errors. Rows of one partner need not be adjacent; a person's
/// certifications may span rows (person_id groups them, in order of first
/// appearance), as may a tenant's associations and usage.
///
/// An error of a whole optional file (it cannot be read, it is empty, its
/// header lacks a column, a quote is never closed) is in `stray`, and every
/// partner fails with an error pointing to it: its rows in that file are unknown.
/// When partners.csv itself cannot be read there are no partners and the
/// other files are not read.
TablesLoad load_partner_tables(const std::string& dir, SourceFiles& sources);

/// The five tables, in the order they are read.
inline constexpr std::array<std::string_view, 5> table_files = {"partners.csv", "certifications.csv", "customers.csv",
                                                                "associations.csv", "usage.csv"};

/// One table handed over in memory by the batch engine (engine/csv_partition.hpp):
/// its header record and some of the file's records, with the line each came from.
struct TableText {
  bool present = false;  // false: the file does not exist (or could not be read: see `error`)
  std::string_view text;  // the header record, then records, each ending in a line break
  /// Bytes of `text` up to the end of the header record's line break. When
  /// set, usage rows take the fast path (csv_usage_fast.cpp).
  std::size_t header_size = 0;
  /// Where the lines of `text` came from: (line in text, line in the file), sorted;
  /// a line of text maps to file line `second + (text line - first)` of the last entry at or before it.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> lines;
  /// An error of the whole file: every partner fails with it. When `reported`
  /// it is already in some other load's `stray` and is not repeated there.
  std::optional<Diagnostic> error;
  bool reported = false;
  /// An error of the whole file found after its rows (an unterminated quote
  /// at the end), already reported: the rows are read, then every partner fails with it.
  std::optional<Diagnostic> late_error;
};

/// The same loader over tables in memory (indexed as table_files); the
/// diagnostics name `dir`'s files at their original lines.
TablesLoad load_partner_tables(const std::string& dir, const std::array<TableText, 5>& tables);

}  // namespace pcs::data
