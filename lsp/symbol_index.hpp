// Every declaration of a checked ruleset and every use the checker resolved
// to one, by source position: the data behind find references, go to
// definition, document symbols and completion. Uses come from the checker's
// resolutions (Expr::target), so a local `let` or a function parameter is
// told apart from a top-level name of the same spelling; function bodies are
// read from their checked instances (Ruleset::instances) and shared
// categories from their per-designation copies, which keep the positions of
// the text they were cloned from.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/ruleset.hpp"

namespace pcs::lsp {

struct Declared {
  std::string name;
  std::string kind;    // let, fn, parameter, measure, certification, category, metric, designation, badge, specialization, program
  SourcePos pos;       // of the name
  std::string detail;  // title, unit, type or exam codes
  std::string parent;  // key() of the enclosing declaration ("" at top level)
  const ast::MetricDecl* metric = nullptr;
  const ast::DesignationDecl* designation = nullptr;
  const ast::CategoryDecl* category = nullptr;
};

struct Use {
  SourcePos pos;  // of the name as written
  std::uint32_t length = 0;
  std::string declared;  // key() of the declaration it resolves to
};

/// "ABSOLUTE-FILE:LINE:COLUMN", the identity of a declaration across rulesets
/// (the stdlib parsed by two rulesets gives the same keys).
std::string key(const SourcePos& pos);
/// Workspace::absolute(file), remembered (the files of a session do not move).
const std::string& absolute_once(const std::string& file);

class SymbolIndex {
 public:
  explicit SymbolIndex(const Ruleset& rs);

  const std::vector<Declared>& declarations() const { return declared_; }
  const std::vector<Use>& uses() const { return uses_; }

  /// The declaration named, or used, at `file` (absolute) line/column (1-based, bytes); nullptr if none.
  const Declared* at(const std::string& file, std::uint32_t line, std::uint32_t column) const;
  const Declared* find(std::string_view declaration_key) const;

 private:
  void declare(Declared d);
  void use(const SourcePos& pos, std::size_t length, const SourcePos& declared);
  void walk(const ast::Expr* e, const ast::LetDecl* function, const ast::DesignationDecl* designation);
  void walk_let(const ast::LetDecl& l, const std::string& parent);
  void walk_metric(const ast::MetricDecl& m, const ast::DesignationDecl* d, const std::string& parent, const std::string& kind);
  void walk_category(const ast::CategoryDecl& c, const ast::DesignationDecl* d, const std::string& parent, bool declare_it);
  void walk_form(const ast::ScoreForm* f, const ast::DesignationDecl* d);
  void walk_module(const ast::Module& m);
  void walk_ruleset(const Ruleset& rs);

  const Ruleset& rs_;
  std::vector<Declared> declared_;
  std::vector<Use> uses_;
  std::map<std::string, std::size_t, std::less<>> by_key_;  // declared_ by key()
  std::set<std::string> used_at_;                            // key() of each use
};

}  // namespace pcs::lsp
