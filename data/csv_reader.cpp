#include "data/csv_reader.hpp"

#include "common/utf8.hpp"

namespace pcs::data::csv {
namespace {

using utf8::sequence_length;

/// A byte that no text field holds: NUL and the control characters other than
/// tab (line breaks are the reader's own business).
bool control_byte(unsigned char b) { return (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F; }

constexpr const char* nul_message = "a NUL byte in field (a CSV file is text)";
constexpr const char* control_message = "a control character in field (a CSV file is text: no control characters but tabs)";
constexpr const char* long_field_message = "field longer than 65,536 bytes: no field of the contract is that long";

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  Table run() {
    if (text_.starts_with("\xEF\xBB\xBF")) i_ = 3;
    while (i_ < text_.size()) {
      if (line_end_at(i_)) {  // a blank line is no record
        next_line();
        continue;
      }
      read_record();
    }
    return std::move(table_);
  }

 private:
  std::uint32_t column(std::size_t at) const { return std::uint32_t(at - line_start_ + 1); }
  char peek(std::size_t at) const { return at < text_.size() ? text_[at] : '\0'; }
  /// The length of the line ending at `at` ("\n" or "\r\n"), 0 if there is none.
  std::size_t line_end_at(std::size_t at) const {
    if (peek(at) == '\n') return 1;
    return peek(at) == '\r' && peek(at + 1) == '\n' ? 2 : 0;
  }
  void next_line() {
    i_ += line_end_at(i_);
    ++line_;
    line_start_ = i_;
  }
  void problem(std::size_t at, const char* message) {
    if (!record_.problem) record_.problem = Problem{line_, column(at), message, field_index()};
  }
  std::size_t field_index() const { return table_.fields.size() - record_.first; }

  void read_record() {
    record_ = Record{};
    record_.line = line_;
    record_.first = table_.fields.size();
    for (;;) {
      Field f{{}, line_, column(i_)};
      const bool complete = peek(i_) == '"' ? read_quoted(f) : read_unquoted(f);
      table_.fields.push_back(f);
      if (!complete) break;  // unterminated: the record runs to the end of the file
      if (peek(i_) == ',' && i_ < text_.size()) {
        ++i_;
        continue;
      }
      break;
    }
    record_.end_line = line_;
    record_.end_column = column(i_);
    record_.count = table_.fields.size() - record_.first;
    if (i_ < text_.size()) next_line();
    table_.records.push_back(std::move(record_));
  }

  // Reads up to the next ',' or line ending (not consuming it).
  bool read_unquoted(Field& f) {
    const std::size_t start = i_;
    while (i_ < text_.size() && text_[i_] != ',' && !line_end_at(i_)) {
      const auto byte = static_cast<unsigned char>(text_[i_]);
      if (byte == '\r') problem(i_, "carriage return without a line feed in an unquoted field (quote the field)");
      else if (byte == '"') problem(i_, "'\"' in an unquoted field (quote the field and double the '\"')");
      if (byte >= 0x80) {
        const std::size_t len = sequence_length(text_, i_);
        if (len == 0) problem(i_, "invalid UTF-8 in field");
        i_ += len == 0 ? 1 : len;
      } else {
        if (control_byte(byte)) problem(i_, byte == 0 ? nul_message : control_message);
        ++i_;
      }
    }
    f.text = text_.substr(start, i_ - start);
    if (f.text.size() > max_field_bytes) problem(start, long_field_message);
    return true;
  }

  // Reads a quoted field and whatever follows its closing quote up to the next ',' or line ending.
  bool read_quoted(Field& f) {
    const std::uint32_t open_line = line_, open_column = column(i_);
    const std::size_t start = ++i_;
    std::string* copy = nullptr;  // set once a "" needs unescaping
    for (;;) {
      if (i_ >= text_.size()) {
        f.text = copy != nullptr ? std::string_view(*copy) : text_.substr(start);
        record_.problem = Problem{open_line, open_column, "unterminated quoted field", field_index()};
        table_.truncated = true;
        return false;
      }
      const char c = text_[i_];
      std::size_t len = 1;
      if (c == '"') {
        if (peek(i_ + 1) != '"') break;
        if (copy == nullptr) copy = &table_.unescaped.emplace_back(text_.substr(start, i_ - start));
        *copy += '"';
        i_ += 2;
        continue;
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        len = sequence_length(text_, i_);
        if (len == 0) problem(i_, "invalid UTF-8 in field"), len = 1;
      } else if (control_byte(static_cast<unsigned char>(c))) {
        problem(i_, c == 0 ? nul_message : control_message);
      }
      if (copy != nullptr) copy->append(text_.substr(i_, len));
      if (c == '\n') {
        ++line_;
        line_start_ = i_ + 1;
      }
      i_ += len;
    }
    f.text = copy != nullptr ? std::string_view(*copy) : text_.substr(start, i_ - start);
    if (f.text.size() > max_field_bytes) problem(start - 1, long_field_message);
    ++i_;  // the closing quote
    if (i_ < text_.size() && text_[i_] != ',' && !line_end_at(i_)) {
      problem(i_, "expected ',' or a line end after the closing quote");
      while (i_ < text_.size() && text_[i_] != ',' && !line_end_at(i_)) ++i_;
    }
    return true;
  }

  std::string_view text_;
  std::size_t i_ = 0;
  std::uint32_t line_ = 1;
  std::size_t line_start_ = 0;
  Table table_;
  Record record_;
};

}  // namespace

Table read(std::string_view text) { return Reader(text).run(); }

}  // namespace pcs::data::csv
