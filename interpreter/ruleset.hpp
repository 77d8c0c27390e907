// A ruleset: the parsed modules of one program version (its folder, the
// files it imports and the standard library prelude) and, once checked, the
// resolved definitions the evaluator runs. The evaluator only ever receives a
// Ruleset whose `checked` flag the checker has set.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/diagnostics.hpp"
#include "interpreter/ast.hpp"

namespace pcs {

struct Ruleset {
  std::string dir;
  std::vector<std::unique_ptr<ast::Module>> modules;
  /// Program versions imported whole (`import version "../2022-10"`), each
  /// compiled on its own, in its own names: their designations, badges and
  /// specializations are this version's too, unless this version overrides
  /// them, and each keeps the definitions of the version it comes from, so a
  /// definition of this version never changes an imported designation.
  std::vector<std::unique_ptr<Ruleset>> imported_versions;

  // Filled by the checker.
  bool checked = false;
  const ast::ProgramDecl* program = nullptr;
  // The whole program: this version's own outcomes and those of the imported
  // versions it did not override, in the imported version's order.
  std::vector<const ast::DesignationDecl*> designations;
  std::vector<const ast::BadgeDecl*> badges;
  std::vector<const ast::SpecializationDecl*> specializations;
  std::map<std::string, ast::LetDecl*, std::less<>> lets;
  std::map<std::string, const ast::MeasureDecl*, std::less<>> measures;
  std::map<std::string, const ast::CertificationDecl*, std::less<>> certifications;
  std::map<std::string, const ast::CategoryDecl*, std::less<>> categories;
  std::map<std::string, const ast::CertificationDecl*, std::less<>> codes;  // exam code -> first certification with it
  // Storage for what the checker derives: requirements, function instances
  // checked per argument types, and per-designation copies of shared categories.
  std::deque<ast::CertRequirement> requirements;
  std::deque<std::unique_ptr<ast::LetDecl>> instances;
  std::deque<std::unique_ptr<ast::CategoryDecl>> category_copies;

  const ast::DesignationDecl* find_designation(std::string_view id) const;
};

/// Where `import "std/..."` and the prelude are found: $PCS_STDLIB, else the
/// stdlib/ folder of the source tree this binary was built from.
std::string stdlib_dir();

/// Phase 1 for a whole ruleset: parses std/prelude.pcs, every *.pcs file of
/// `dir` (in name order) and, transitively, the files they import (each once).
/// A program version imported whole is compiled (parsed and checked) on its
/// own into `imported_versions`. Returns nullptr when any file fails to parse
/// or cannot be read, or an imported version does not compile. The
/// texts of an active SourceOverlay (source_overlay.hpp) are read instead of
/// the files on disk.
std::unique_ptr<Ruleset> load_ruleset(const std::string& dir, SourceFiles& sources, Diagnostics& out);

}  // namespace pcs
