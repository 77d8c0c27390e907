// Loading each open document's ruleset folder from the editor's buffers.
#include "lsp/workspace.hpp"

#include <filesystem>

#include "interpreter/checker.hpp"
#include "lint/lint.hpp"

namespace pcs::lsp {

namespace fs = std::filesystem;

std::string Workspace::absolute(const std::string& name) {
  std::error_code ec;
  auto p = fs::weakly_canonical(fs::absolute(name, ec), ec);
  return p.string();
}

void Workspace::open(const std::string& path, std::string text) { overlay_.set(absolute(path), std::move(text)); }

void Workspace::close(const std::string& path) { overlay_.erase(absolute(path)); }

void Workspace::analyse() {
  std::set<std::string> dirs;
  for (const auto& [path, text] : overlay_.texts()) dirs.insert(fs::path(path).parent_path().string());
  auto previous = std::move(analyses_);
  analyses_.clear();
  for (const auto& dir : dirs) {
    auto& a = analyses_[dir];
    a.dir = dir;
    // The stdlib is not a ruleset: its files are checked through the rulesets that import them.
    if (absolute(stdlib_dir()) == dir) continue;
    const SourceOverlay::Scope unsaved(overlay_);  // the buffers, not the files on disk
    a.ruleset = load_ruleset(dir, a.sources, a.diagnostics);
    if (a.ruleset && checker::check(*a.ruleset, a.diagnostics)) lint::warn(*a.ruleset, a.diagnostics);
    if (auto old = previous.find(dir); !a.ruleset && old != previous.end())
      a.last_parsed = old->second.ruleset ? std::move(old->second.ruleset) : std::move(old->second.last_parsed);
  }
}

}  // namespace pcs::lsp
