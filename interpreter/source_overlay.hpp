// Unsaved texts that stand in for rule files while a ruleset loads: the
// buffers being edited in `pcs serve`'s browser page or in an editor talking
// to `pcs lsp`. Whoever holds buffers installs an overlay for the duration of
// a load; the loader (ruleset.cpp) reads a file's text from the overlay when
// it has one, from disk otherwise, and lists a `.pcs` file of the folder that
// exists only in the overlay (a new file not saved yet). The folder listing,
// the import confinement and every other step are those of a load from disk;
// nothing else in the interpreter knows about editors.
//
//     SourceOverlay overlay;
//     overlay.set("rulesets/2025-01/program.pcs", edited_text);
//     const SourceOverlay::Scope scope(overlay);   // this thread, until the end of the block
//     auto programs = engine::load_programs("rulesets", sources, diags);
//
// One mechanism for both tools: a scope rather than a parameter, because the
// loads go through engine::load_programs, compare/ and the planner, none of
// which should carry an editor's buffers in its signature.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace pcs {

class SourceOverlay {
 public:
  /// `text` replaces the content of the file at `path` (any spelling of it).
  void set(const std::filesystem::path& path, std::string text);
  /// Drops the replacement of the file at `path` (any spelling of it).
  void erase(const std::filesystem::path& path);
  /// The replacement text of the file whose canonical path is `canonical`, or nullptr.
  const std::string* find(const std::filesystem::path& canonical) const;
  /// Every replacement, by canonical path.
  const std::map<std::string, std::string>& texts() const { return texts_; }
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
