// A small RFC 4180 reader for the CSV form of the partner-data contract.
//
// Fields are separated by ',' and records by CRLF or LF. A field may be
// quoted ("..."): inside quotes ',' and line breaks are data and "" is one '"'.
// A UTF-8 byte order mark at the start is skipped, and a line with nothing on
// it (not even spaces) is no record. Every position is a 1-based line and a
// byte column, as in the rest of pcs (a skipped BOM still counts 3 bytes).
//
// The reader never fails and never throws: a malformed record keeps its place
// and carries its first syntax problem, so the loader can report it at its
// line and still read the records after it. The one problem that loses
// records is an unterminated quoted field, which runs to the end of the file
// (`Table::truncated`).
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pcs::data::csv {

/// The longest field read as data: the contract's longest values (names,
/// service and product names) are far shorter, and a field past this is a
/// broken export (a quote never closed, a binary file) to be reported, not
/// held. The batch engine's fast path (csv_usage_fast.cpp) hands such a line
/// to the reader so that the message is the same.
constexpr std::size_t max_field_bytes = 65536;

struct Field {
  std::string_view text;   // the content, quotes removed and "" unescaped
  std::uint32_t line = 0;  // where the field starts (its opening quote when quoted)
  std::uint32_t column = 0;
};

struct Problem {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string message;    // "unterminated quoted field"
  std::size_t field = 0;  // index in the record of the field where it was found
};

struct Record {
  std::uint32_t line = 0;      // where the record starts
  std::uint32_t end_line = 0;  // where its line ending (or the end of the file) is
  std::uint32_t end_column = 0;
  std::size_t first = 0, count = 0;  // its fields in Table::fields
  std::optional<Problem> problem;    // the first syntax problem in the record, if any
};

struct Table {
  Table() = default;
  Table(Table&&) = default;
  Table& operator=(Table&&) = default;
  Table(const Table&) = delete;  // field views may point into `unescaped`
  Table& operator=(const Table&) = delete;

  std::vector<Record> records;  // records[0] is the header row, when there is one
  std::vector<Field> fields;
  bool truncated = false;  // an unterminated quoted field ran to the end of the file

  std::span<const Field> fields_of(const Record& r) const { return {fields.data() + r.first, r.count}; }

  // Fields that needed unescaping ("" inside quotes) live here; the others
  // are views into the source text, which must outlive the table. A deque
  // never moves its elements, so the views stay valid as it grows or moves.
  std::deque<std::string> unescaped;
};

/// Splits `text` into records. Field views point into `text` or into the
/// returned table's own storage.
Table read(std::string_view text);

}  // namespace pcs::data::csv
