// String interning. Partner data strings (tenants, services, offers, codes)
// and the string constants of rules are interned to small integers once, so
// queries compare integers, never strings, in their inner loops.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <deque>
#include <mutex>
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
  ~SymbolTable();
  SymbolTable(const SymbolTable&) = delete;
  SymbolTable& operator=(const SymbolTable&) = delete;
  /// **Example**: `symbols().intern("PAL")` returns the same id every time.
  Symbol intern(std::string_view text);
  std::optional<Symbol> find(std::string_view text) const;
  std::string_view name(Symbol s) const;
  std::size_t size() const;

 private:
  // Threads scoring partners at once intern tenants by the hundred thousand:
  // the table is cut into shards by hash, each with its own lock, so they
  // rarely wait for each other (one lock for all serialised them).
  static constexpr std::size_t shard_count = 64;
  struct Shard {
    mutable std::mutex mutex;
    std::deque<std::string> names;  // deque: stable addresses for the views below
    std::unordered_map<std::string_view, Symbol> ids;
  };
  // id -> name, in chunks that never move once allocated; an id is written
  // under its shard's lock before anyone can be handed it.
  static constexpr std::size_t chunk_bits = 16, chunk_size = std::size_t(1) << chunk_bits, max_chunks = 65536;
  std::string_view* chunk_for(Symbol id);

  std::array<Shard, shard_count> shards_;
  std::unique_ptr<std::atomic<std::string_view*>[]> chunks_;
  std::mutex chunk_mutex_;
  std::atomic<Symbol> next_{1};
};

/// The process-wide table shared by loaders and the checker.
SymbolTable& symbols();

}  // namespace pcs
