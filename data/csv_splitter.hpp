// Finds the records of a CSV text and the partner_id cell of each, at memory
// speed, for the partition pass of the batch engine (engine/csv_partition.hpp)
// and the fast path of the usage table (csv_usage_fast.cpp).
//
// Hand-written rather than a CSV library because it must split exactly where
// data/csv_reader.cpp splits (a quote opens a quoted field only at the start
// of a field; "" inside quotes is one '"'; a record ends at "\n" or "\r\n"
// outside quotes; blank lines are no record), and because it does no
// allocation and no per-field work: a line without any '"' (nearly every
// line of an export) is found with two memchr calls (glibc vectorises them),
// and only its cells up to partner_id are looked at. Validation is not its
// job: the records it finds are validated later by the contract loader.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace pcs::data::csv {

struct SplitRecord {
  std::size_t begin = 0;  // first byte of the record
  std::size_t end = 0;    // one past its last byte, line ending excluded
  std::size_t next = 0;   // where the next record (or blank line) starts
  std::uint32_t lines = 0;  // line breaks from begin to next (the record's own, and its ending)
  bool unterminated = false;  // a quoted field runs to the end of the text
  bool has_id = false;        // the record has a field at the partner_id column
  std::string_view id;        // that field's text (quotes removed, "" unescaped into the scratch)
};

class RecordSplitter {
 public:
  RecordSplitter(std::string_view text, std::size_t id_column) : text_(text), column_(id_column) {}

  /// Skips blank lines from `at` (counting them in `line`); false at the end of the text.
  bool skip_blank(std::size_t& at, std::uint32_t& line) const {
    for (;;) {
      if (at >= text_.size()) return false;
      if (text_[at] == '\n') ++at, ++line;
      else if (text_[at] == '\r' && at + 1 < text_.size() && text_[at + 1] == '\n') at += 2, ++line;
      else return true;
    }
  }

  /// The record starting at `at` (not a blank line, not the end).
  SplitRecord split(std::size_t at) {
    const char* base = text_.data();
    const std::size_t n = text_.size();
    const void* nl = std::memchr(base + at, '\n', n - at);
    const std::size_t line_end = nl ? std::size_t(static_cast<const char*>(nl) - base) : n;
    if (std::memchr(base + at, '"', line_end - at) == nullptr) return plain(at, line_end);
    return quoted(at);
  }

 private:
  // A record on one line without quotes: cells are the bytes between commas.
  SplitRecord plain(std::size_t at, std::size_t line_end) const {
    SplitRecord r;
    r.begin = at;
    r.end = line_end;
    if (line_end < text_.size()) {
      r.next = line_end + 1, r.lines = 1;
      if (line_end > at && text_[line_end - 1] == '\r') r.end = line_end - 1;
    } else {
      r.next = line_end;
    }
    std::size_t start = at;
    for (std::size_t k = 0;; ++k) {
      const void* comma = std::memchr(text_.data() + start, ',', r.end - start);
      const std::size_t stop = comma ? std::size_t(static_cast<const char*>(comma) - text_.data()) : r.end;
      if (k == column_) {
        r.has_id = true;
        r.id = text_.substr(start, stop - start);
        break;
      }
      if (!comma) break;
      start = stop + 1;
    }
    return r;
  }

  std::size_t line_end_at(std::size_t i) const {
    if (i < text_.size() && text_[i] == '\n') return 1;
    return i + 1 < text_.size() && text_[i] == '\r' && text_[i + 1] == '\n' ? 2 : 0;
  }

  // The exact state machine of csv_reader.cpp, for records holding a quote.
  SplitRecord quoted(std::size_t at) {
    SplitRecord r;
    r.begin = at;
    const std::size_t n = text_.size();
    std::size_t i = at;
    for (std::size_t k = 0;; ++k) {
      const std::size_t start = i;
      bool unescape = false;
      std::size_t content_begin = i, content_end = i;
      if (i < n && text_[i] == '"') {
        content_begin = ++i;
        for (;;) {
          if (i >= n) {
            r.unterminated = true;
            r.end = r.next = n;
            if (k == column_) r.has_id = false;
            return r;
          }
          if (text_[i] == '"') {
            if (i + 1 < n && text_[i + 1] == '"') {
              unescape = true;
              i += 2;
              continue;
            }
            break;
          }
          if (text_[i] == '\n') ++r.lines;
          ++i;
        }
        content_end = i++;
        while (i < n && text_[i] != ',' && !line_end_at(i)) ++i;
      } else {
        while (i < n && text_[i] != ',' && !line_end_at(i)) ++i;
        content_begin = start, content_end = i;
      }
      if (k == column_) {
        r.has_id = true;
        r.id = text_.substr(content_begin, content_end - content_begin);
        if (unescape) {
          scratch_.clear();
          for (std::size_t j = content_begin; j < content_end; ++j) {
            scratch_ += text_[j];
            if (text_[j] == '"') ++j;  // "" is one '"'
          }
          r.id = scratch_;
        }
      }
      if (i < n && text_[i] == ',') {
        ++i;
        continue;
      }
      break;
    }
    r.end = i;
    const std::size_t ending = line_end_at(i);
    r.next = i + ending;
    if (ending) ++r.lines;
    return r;
  }

  std::string_view text_;
  std::size_t column_;
  std::string scratch_;
};

}  // namespace pcs::data::csv
