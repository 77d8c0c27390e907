// Program versions side by side, and the choice of the one in force.
#include "interpreter/program_library.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "interpreter/compile.hpp"

namespace pcs {

namespace fs = std::filesystem;

namespace {
bool has_rule_files(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && e.path().extension() == ".pcs") return true;
  return false;
}
DayNumber effective(const Ruleset& r) { return r.program && r.program->effective ? *r.program->effective : 0; }
}  // namespace

bool is_program_library(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec) || has_rule_files(dir)) return false;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory() && has_rule_files(e.path())) return true;
  return false;
}

std::optional<ProgramLibrary> load_program_library(const std::string& dir, SourceFiles& sources, Diagnostics& out) {
  std::vector<fs::path> folders;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory() && has_rule_files(e.path())) folders.push_back(e.path());
  std::sort(folders.begin(), folders.end());
  ProgramLibrary library;
  bool ok = true;
  for (const auto& f : folders) {
    auto r = compile_ruleset(f.string(), sources, out);
    if (r) library.versions.push_back(std::move(r));
    else ok = false;
  }
  if (!ok) return std::nullopt;
  std::stable_sort(library.versions.begin(), library.versions.end(),
                   [](const auto& a, const auto& b) { return effective(*a) < effective(*b); });
  return library;
}

const Ruleset* select_program(const ProgramLibrary& library, const std::optional<std::string>& program, MonthIndex as_of,
                              std::string& why) {
  std::string known;
  for (const auto& v : library.versions)
    known += fmt::format("{}{} (effective {})", known.empty() ? "" : ", ", v->program->id,
                         v->program->effective ? format_date(*v->program->effective) : "?");
  if (program) {
    for (const auto& v : library.versions)
      if (v->program->id == *program) return v.get();
    why = fmt::format("no program version '{}'; the versions are: {}", *program, known);
    return nullptr;
  }
  const Ruleset* chosen = nullptr;
  for (const auto& v : library.versions)
    if (effective(*v) <= last_day(as_of)) chosen = v.get();
  if (!chosen) why = fmt::format("no program version is in force at {}; the versions are: {}", format_month(as_of), known);
  return chosen;
}

}  // namespace pcs
