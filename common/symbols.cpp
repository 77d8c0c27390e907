// The process-wide string interner. Id 0 is reserved for "absent" and names
// the empty string, so interning "" yields no_symbol.
#include "common/symbols.hpp"

namespace pcs {

SymbolTable::SymbolTable() {
  names_.emplace_back();
  ids_.emplace(std::string_view(names_.front()), no_symbol);
}

Symbol SymbolTable::intern(std::string_view text) {
  {
    std::shared_lock lock(mutex_);
    if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  }
  std::unique_lock lock(mutex_);
  if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  const auto id = Symbol(names_.size());
  const std::string& stored = names_.emplace_back(text);
  ids_.emplace(std::string_view(stored), id);
  return id;
}

std::optional<Symbol> SymbolTable::find(std::string_view text) const {
  std::shared_lock lock(mutex_);
  if (auto it = ids_.find(text); it != ids_.end()) return it->second;
  return std::nullopt;
}

std::string_view SymbolTable::name(Symbol s) const {
  std::shared_lock lock(mutex_);
  if (s >= names_.size()) return {};
  return names_[s];  // deque elements never move, so the view stays valid
}

std::size_t SymbolTable::size() const {
  std::shared_lock lock(mutex_);
  return names_.size();
}

SymbolTable& symbols() {
  static SymbolTable table;
  return table;
}

}  // namespace pcs
