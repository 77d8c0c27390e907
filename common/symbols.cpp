// The process-wide string interner. Id 0 is reserved for "absent" and names
// the empty string, so interning "" yields no_symbol.
#include "common/symbols.hpp"

#include <functional>
#include <stdexcept>

namespace pcs {

namespace {
std::size_t shard_of(std::string_view text) { return std::hash<std::string_view>{}(text) % 64; }
}  // namespace

SymbolTable::SymbolTable() : chunks_(new std::atomic<std::string_view*>[max_chunks]) {
  for (std::size_t i = 0; i < max_chunks; ++i) chunks_[i].store(nullptr, std::memory_order_relaxed);
  Shard& shard = shards_[shard_of("")];
  const std::string& stored = shard.names.emplace_back();
  shard.ids.emplace(std::string_view(stored), no_symbol);
  chunk_for(no_symbol)[0] = stored;
}

SymbolTable::~SymbolTable() {
  for (std::size_t i = 0; i < max_chunks; ++i) delete[] chunks_[i].load(std::memory_order_relaxed);
}

std::string_view* SymbolTable::chunk_for(Symbol id) {
  auto& slot = chunks_[id >> chunk_bits];
  std::string_view* chunk = slot.load(std::memory_order_acquire);
  if (chunk != nullptr) return chunk;
  std::lock_guard lock(chunk_mutex_);
  chunk = slot.load(std::memory_order_acquire);
  if (chunk == nullptr) {
    chunk = new std::string_view[chunk_size];
    slot.store(chunk, std::memory_order_release);
  }
  return chunk;
}

Symbol SymbolTable::intern(std::string_view text) {
  Shard& shard = shards_[shard_of(text)];
  std::lock_guard lock(shard.mutex);
  if (auto it = shard.ids.find(text); it != shard.ids.end()) return it->second;
  const Symbol id = next_.fetch_add(1, std::memory_order_relaxed);
  if ((id >> chunk_bits) >= max_chunks) throw std::length_error("too many distinct strings");
  const std::string& stored = shard.names.emplace_back(text);
  shard.ids.emplace(std::string_view(stored), id);
  chunk_for(id)[id & (chunk_size - 1)] = stored;
  return id;
}

std::optional<Symbol> SymbolTable::find(std::string_view text) const {
  const Shard& shard = shards_[shard_of(text)];
  std::lock_guard lock(shard.mutex);
  if (auto it = shard.ids.find(text); it != shard.ids.end()) return it->second;
  return std::nullopt;
}

std::string_view SymbolTable::name(Symbol s) const {
  if (s >= next_.load(std::memory_order_acquire)) return {};
  const std::string_view* chunk = chunks_[s >> chunk_bits].load(std::memory_order_acquire);
  return chunk == nullptr ? std::string_view() : chunk[s & (chunk_size - 1)];
}

std::size_t SymbolTable::size() const { return next_.load(std::memory_order_relaxed); }

SymbolTable& symbols() {
  static SymbolTable table;
  return table;
}

}  // namespace pcs
