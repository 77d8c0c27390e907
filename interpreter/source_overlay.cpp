// Unsaved texts in place of rule files (see source_overlay.hpp).
#include "interpreter/source_overlay.hpp"

namespace pcs {

namespace fs = std::filesystem;

namespace {
// Thread-local like the loader's stack of versions being loaded: the
// requests of `pcs serve` run on several threads, each with its own buffers;
// `pcs lsp` loads on one.
thread_local const SourceOverlay* current = nullptr;
}  // namespace

void SourceOverlay::set(const fs::path& path, std::string text) {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(path, ec);
  texts_[(ec ? path : canonical).string()] = std::move(text);
}

void SourceOverlay::erase(const fs::path& path) {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(path, ec);
  texts_.erase((ec ? path : canonical).string());
}

const std::string* SourceOverlay::find(const fs::path& canonical) const {
  auto it = texts_.find(canonical.string());
  return it == texts_.end() ? nullptr : &it->second;
}

SourceOverlay::Scope::Scope(const SourceOverlay& overlay) : previous_(current) { current = &overlay; }
SourceOverlay::Scope::~Scope() { current = previous_; }

const SourceOverlay* SourceOverlay::active() { return current; }

}  // namespace pcs
