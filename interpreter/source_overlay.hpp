// Unsaved texts that stand in for rule files while a ruleset loads. `pcs
// serve` checks and scores the buffers being edited in the browser without
// writing them to disk: it installs an overlay for the duration of one
// request, and the loader (ruleset.cpp) reads a file's text from the overlay
// when it has one, from disk otherwise. Only files that exist are replaced;
// the folder listing, the import confinement and every other step are those
// of a load from disk.
//
//     SourceOverlay overlay;
//     overlay.set("rulesets/2025-01/program.pcs", edited_text);
//     const SourceOverlay::Scope scope(overlay);   // this thread, until the end of the block
//     auto programs = engine::load_programs("rulesets", sources, diags);
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace pcs {

class SourceOverlay {
 public:
  /// `text` replaces the content of the file at `path` (any spelling of it).
  void set(const std::filesystem::path& path, std::string text);
  /// The replacement text of the file whose canonical path is `canonical`, or nullptr.
  const std::string* find(const std::filesystem::path& canonical) const;
  bool empty() const { return texts_.empty(); }

  /// Makes `overlay` the one the loader of this thread reads, while the scope lives.
  class Scope {
   public:
    explicit Scope(const SourceOverlay& overlay);
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    const SourceOverlay* previous_;
  };

  /// The overlay of this thread's current Scope, or nullptr.
  static const SourceOverlay* active();

 private:
  std::map<std::string, std::string> texts_;  // canonical path -> text
};

}  // namespace pcs
