// Diagnostic collection and compiler-style rendering with a source excerpt.
#include "common/diagnostics.hpp"

#include <algorithm>
#include <optional>

namespace pcs {
namespace {

const char* severity_word(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

/// The 1-based line `n` of `text` without its line ending, or nullopt past the end.
std::optional<std::string_view> find_line(std::string_view text, std::uint32_t n) {
  if (n == 0) return std::nullopt;
  std::size_t start = 0;
  for (std::uint32_t i = 1; i < n; ++i) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return std::nullopt;
    start = nl + 1;
  }
  // A file ending in '\n' has an empty last line (where "end of input" points).
  std::size_t end = text.find('\n', start);
  std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

std::string_view SourceFiles::add(std::string name, std::string text) {
  auto stored = std::make_unique<std::string>(std::move(text));
  std::string_view view = *stored;
  auto [it, fresh] = files_.try_emplace(std::move(name));
  if (!fresh) replaced_.push_back(std::move(it->second));
  it->second = std::move(stored);
  return view;
}

std::string_view SourceFiles::line(std::string_view file, std::uint32_t n) const {
  auto it = files_.find(file);
  if (it == files_.end()) return {};
  return find_line(*it->second, n).value_or(std::string_view{});
}

bool SourceFiles::has_line(std::string_view file, std::uint32_t n) const {
  auto it = files_.find(file);
  return it != files_.end() && find_line(*it->second, n).has_value();
}

SourcePos position_at(std::string_view text, std::string file, std::size_t offset) {
  const auto line_start = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  const std::size_t first = line_start == std::string_view::npos ? 0 : line_start + 1;
  const auto line = 1 + std::count(text.begin(), text.begin() + std::ptrdiff_t(first), '\n');
  return SourcePos{std::move(file), static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(offset - first + 1), 1};
}

void Diagnostics::error(std::string code, SourcePos pos, std::string message, std::string hint) {
  items_.push_back({Severity::error, std::move(code), std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string code, SourcePos pos, std::string message, std::string hint) {
  items_.push_back({Severity::warning, std::move(code), std::move(pos), std::move(message), std::move(hint)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() != 0; }

std::size_t Diagnostics::error_count() const {
  return std::size_t(std::count_if(items_.begin(), items_.end(),
                                   [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.pos.file != b.pos.file) return a.pos.file < b.pos.file;
    if (a.pos.line != b.pos.line) return a.pos.line < b.pos.line;
    return a.pos.column < b.pos.column;
  });
}

std::string render(const Diagnostic& d, const SourceFiles& sources) {
  std::string out = d.pos.file;
  if (d.pos.line != 0) {
    out += ":" + std::to_string(d.pos.line);
    if (d.pos.column != 0) out += ":" + std::to_string(d.pos.column);
  }
  if (!out.empty()) out += ": ";
  out += severity_word(d.severity);
  out += "[" + d.code + "]: " + d.message + "\n";

  if (d.pos.line != 0 && sources.has_line(d.pos.file, d.pos.line)) {
    std::string_view text = sources.line(d.pos.file, d.pos.line);
    const std::string number = std::to_string(d.pos.line);
    std::size_t col = d.pos.column == 0 ? 1 : d.pos.column;
    std::size_t length = d.pos.length;
    // A very long line (a 10 MB CSV field, 100,000 brackets) is shown as a
    // window around the column, so a message stays a few lines long.
    constexpr std::size_t longest = 200, before = 60, window = 160;
    std::string_view lead, tail;
    if (text.size() > longest) {
      const std::size_t start = col > before ? col - 1 - before : 0;
      if (start > 0) lead = "...";
      if (start + window < text.size()) tail = "...";
      text = text.substr(start, window);
      col = col - start + lead.size();
      length = std::min(length, text.size() + lead.size() + 1 - std::min(col, text.size() + lead.size()));
    }
    out += "  " + number + " | ";
    out += lead;
    out += text;
    out += tail;
    out += "\n  " + std::string(number.size(), ' ') + " | ";
    for (std::size_t i = 0; i + 1 < col; ++i) {
      const std::size_t at = i - std::min(i, lead.size());
      out += i >= lead.size() && at < text.size() && text[at] == '\t' ? '\t' : ' ';
    }
    out += '^';
    if (length > 1) out.append(length - 1, '~');
    out += '\n';
  }
  if (!d.hint.empty()) out += "  hint: " + d.hint + "\n";
  return out;
}

std::string render_all(const Diagnostics& ds, const SourceFiles& sources) {
  std::string out;
  for (const Diagnostic& d : ds.items()) out += render(d, sources);
  return out;
}

}  // namespace pcs
