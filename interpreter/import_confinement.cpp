// The confinement of imports (import_confinement.hpp).
#include "interpreter/import_confinement.hpp"

#include <fmt/format.h>

#include "interpreter/program_library.hpp"
#include "interpreter/ruleset.hpp"

namespace pcs {

namespace fs = std::filesystem;

namespace {

fs::path canonical_or_same(const fs::path& p) {
  std::error_code ec;
  auto c = fs::weakly_canonical(p, ec);
  return ec ? p.lexically_normal() : c;
}

/// True when `p` is `dir` or lies below it (both canonical).
bool inside(const fs::path& p, const fs::path& dir) {
  auto d = dir.begin();
  auto q = p.begin();
  for (; d != dir.end(); ++d, ++q)
    if (q == p.end() || *q != *d) return false;
  return true;
}

}  // namespace

ImportConfinement::ImportConfinement(const std::string& ruleset_dir) : stdlib_(canonical_or_same(stdlib_dir())) {
  const auto dir = canonical_or_same(ruleset_dir);
  root_ = dir.has_parent_path() && is_program_library(dir.parent_path().string()) ? dir.parent_path() : dir;
}

std::string ImportConfinement::refusal(const fs::path& target, std::string_view written, bool folder) const {
  // The root as the user would write it: relative to the working folder when inside it.
  std::error_code ec;
  auto shown = fs::relative(root_, fs::current_path(), ec);
  if (ec || shown.empty() || shown.native().rfind("..", 0) == 0) shown = root_;
  const std::string where = fmt::format("inside the ruleset folder '{}' or in the standard library (std/...)", shown.string());
  if (fs::path(written).is_absolute())
    return fmt::format("'{}' is an absolute path: an import names a file relative to the importing file, {}", written, where);
  const auto real = canonical_or_same(target);
  if (!inside(real, root_) && !inside(real, stdlib_))
    return fmt::format("'{}' leads outside the ruleset folder: an import may read only files {}", written, where);
  const auto status = fs::status(real, ec);
  if (ec || !fs::exists(status)) return {};  // reported by the caller as missing
  if (folder) return fs::is_directory(status) ? std::string() : fmt::format("'{}' is not a folder", written);
  if (fs::is_directory(status))
    return fmt::format("'{}' is a folder: import a rule file, or a whole program version with 'import version'", written);
  if (!fs::is_regular_file(status)) return fmt::format("'{}' is not a rule file (a device or another special file)", written);
  if (fs::file_size(real, ec) > max_file_bytes)
    return fmt::format("'{}' is larger than {} MB: it cannot be a rule file", written, max_file_bytes >> 20);
  return {};
}

}  // namespace pcs
