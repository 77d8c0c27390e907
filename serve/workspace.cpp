// The rule files of the ruleset root (see workspace.hpp).
#include "serve/workspace.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "interpreter/program_library.hpp"

namespace pcs::serve {

namespace fs = std::filesystem;

namespace {

/// The regular .pcs files directly in `dir` whose real location is inside `root`.
void list_rule_files(const fs::path& dir, const fs::path& root, const std::string& prefix, const std::string& version,
                     std::vector<RuleFile>& out) {
  std::error_code ec;
  std::vector<RuleFile> here;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file(ec) || e.path().extension() != ".pcs") continue;
    const auto real = fs::weakly_canonical(e.path(), ec);
    if (ec) continue;
    const auto rel = real.lexically_relative(root);
    if (rel.empty() || *rel.begin() == "..") continue;  // a link leading out of the root
    here.push_back({prefix + e.path().filename().string(), real, version});
  }
  std::sort(here.begin(), here.end(), [](const RuleFile& a, const RuleFile& b) { return a.path < b.path; });
  out.insert(out.end(), here.begin(), here.end());
}

}  // namespace

std::optional<Workspace> Workspace::open(const std::string& root, std::string& why) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    why = fmt::format("'{}' is not a folder: give a ruleset folder (rulesets/2025-01) or a folder of versions (rulesets)", root);
    return std::nullopt;
  }
  Workspace ws;
  ws.root_ = root;
  ws.canonical_root_ = fs::weakly_canonical(root, ec);
  ws.library_ = is_program_library(root);
  if (ws.library_) {
    std::vector<std::string> dirs;
    for (const auto& e : fs::directory_iterator(root, ec))
      if (e.is_directory(ec)) dirs.push_back(e.path().filename().string());
    std::sort(dirs.begin(), dirs.end());
    for (const auto& d : dirs) {
      const auto before = ws.files_.size();
      list_rule_files(ws.canonical_root_ / d, ws.canonical_root_, d + "/", d, ws.files_);
      if (ws.files_.size() > before) ws.versions_.push_back(d);
    }
  } else {
    list_rule_files(ws.canonical_root_, ws.canonical_root_, "", "", ws.files_);
  }
  if (ws.files_.empty()) {
    why = fmt::format("'{}' has no .pcs rule files", root);
    return std::nullopt;
  }
  return ws;
}

const RuleFile* Workspace::find(const std::string& path) const {
  for (const auto& f : files_)
    if (f.path == path) return &f;
  return nullptr;
}

std::string Workspace::relative(const std::string& diagnostic_file) const {
  std::error_code ec;
  const auto real = fs::weakly_canonical(diagnostic_file, ec);
  for (const auto& f : files_)
    if (f.location == real) return f.path;
  return {};
}

std::string Workspace::version_dir(const std::string& version) const {
  return version.empty() ? root_ : (fs::path(root_) / version).string();
}

std::string refusal(const Workspace& ws, const std::string& path) {
  if (ws.find(path)) return {};
  return fmt::format("'{}' is not a rule file of the ruleset '{}': only its existing .pcs files can be edited and saved",
                     path, ws.root());
}

}  // namespace pcs::serve
