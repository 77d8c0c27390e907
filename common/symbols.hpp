// String interning. Partner data strings (tenants, services, offers, codes)
// and the string constants of rules are interned to small integers once, so
// queries compare integers, never strings, in their inner loops.
#pragma once

#include <cstdint>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pcs {

using Symbol = std::uint32_t;
inline constexpr Symbol no_symbol = 0;  // "field absent"

class SymbolTable {
 public:
  SymbolTable();
  /// **Example**: `symbols().intern("PAL")` returns the same id every time.
  Symbol intern(std::string_view text);
  std::optional<Symbol> find(std::string_view text) const;
  std::string_view name(Symbol s) const;
  std::size_t size() const;

 private:
  // Shared for lookups, exclusive to add: threads scoring partners at once
  // mostly look up names that exist, and must not queue behind each other.
  mutable std::shared_mutex mutex_;
  std::deque<std::string> names_;  // deque: stable addresses for the views below
  std::unordered_map<std::string_view, Symbol> ids_;
};

/// The process-wide table shared by loaders and the checker.
SymbolTable& symbols();

}  // namespace pcs
