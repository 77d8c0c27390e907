// Diagnostics as values: every phase (rule parsing, checking, evaluation,
// partner-data loading) reports problems as Diagnostic records, collected in
// a Diagnostics list and rendered by one function with the source line and a
// caret. Nothing is thrown across a phase boundary.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pcs {

enum class Severity { error, warning, note };

/// A 1-based position in a named source (a rule file, a partner file, a CSV).
struct SourcePos {
  std::string file;
  std::uint32_t line = 0;    // 0 when the position is unknown
  std::uint32_t column = 0;  // 1-based, counted in bytes
  std::uint32_t length = 1;  // caret width
};

/// The line and column of the byte at `offset` of `text` (at most its size).
SourcePos position_at(std::string_view text, std::string file, std::size_t offset);

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;     // stable id such as "parse", "unknown-name", "unit-mismatch"
  SourcePos pos;
  std::string message;  // what is wrong and what was expected, in plain words
  std::string hint;     // optional suggestion ("did you mean 'eligible_acr'?")
  std::string replacement{};  // with a "did you mean" hint: the text to put at `pos` instead (editors' quick fixes)
};

/// The text of every source read in this run, so diagnostics can show lines.
class SourceFiles {
 public:
  /// Stores `text` under `name` and returns a stable view of it.
  std::string_view add(std::string name, std::string text);
  /// The given 1-based line of a stored source, without its newline; empty if unknown.
  std::string_view line(std::string_view file, std::uint32_t line) const;
  /// True when `file` is stored and has a 1-based line `line` (which may be empty).
  bool has_line(std::string_view file, std::uint32_t line) const;

 private:
  std::map<std::string, std::unique_ptr<std::string>, std::less<>> files_;
  std::vector<std::unique_ptr<std::string>> replaced_;  // earlier texts of re-added names: views stay valid
};

class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string code, SourcePos pos, std::string message, std::string hint = {});
  void warning(std::string code, SourcePos pos, std::string message, std::string hint = {});
  void append(const Diagnostics& other);

  bool has_errors() const;
  std::size_t error_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  /// Sorts by file, line, column so output reads top to bottom.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

/// Renders one diagnostic compiler-style:
///
///     rulesets/x.pcs:3:14: error[unknown-name]: no binding named 'eligble_acr'
///         3 |   value sum(eligble_acr)
///           |             ^~~~~~~~~~~
///       hint: did you mean 'eligible_acr'?
std::string render(const Diagnostic& d, const SourceFiles& sources);
std::string render_all(const Diagnostics& ds, const SourceFiles& sources);

}  // namespace pcs
