// What the server knows: the open documents (the editor's buffers, an
// overlay over the files on disk) and, per ruleset folder of an open
// document, the result of loading and checking it from those buffers.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "common/diagnostics.hpp"
#include "interpreter/ruleset.hpp"
#include "interpreter/source_overlay.hpp"

namespace pcs::lsp {

/// One ruleset folder loaded and checked from the buffers: the checker's
/// errors and, when it passes, the warnings of `pcs check` (lint/).
struct Analysis {
  std::string dir;
  SourceFiles sources;
  Diagnostics diagnostics;
  std::unique_ptr<Ruleset> ruleset;  // null when a file does not parse
  /// While a buffer does not parse (the user is typing), the ruleset of the
  /// last analysis that did, so completion and navigation keep working.
  std::unique_ptr<Ruleset> last_parsed;
  const Ruleset* navigable() const { return ruleset ? ruleset.get() : last_parsed.get(); }
};

class Workspace {
 public:
  /// Absolute weakly canonical path of a file name as pcs reports it.
  static std::string absolute(const std::string& name);

  void open(const std::string& path, std::string text);
  void close(const std::string& path);
  const std::string* text(const std::string& path) const { return overlay_.find(path); }
  const SourceOverlay& documents() const { return overlay_; }

  /// Loads and checks the folder of every open document again.
  void analyse();
  const std::map<std::string, Analysis>& analyses() const { return analyses_; }

 private:
  SourceOverlay overlay_;
  std::map<std::string, Analysis> analyses_;  // by folder
};

}  // namespace pcs::lsp
