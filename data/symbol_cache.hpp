// A small cache in front of the process-wide symbol table, shared by the
// partner loaders: usage rows repeat a few strings thousands of times, and
// this avoids hashing and locking for each of them.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/symbols.hpp"

namespace pcs::data {

class SymbolCache {
 public:
  Symbol intern(std::string_view text) {
    std::uint32_t h = 2166136261u;  // FNV-1a
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    Slot& slot = slots_[h % slots_.size()];
    if (slot.symbol == no_symbol || slot.text != text) {
      slot.symbol = symbols().intern(text);
      slot.text.assign(text);  // reuses the slot's room: names are often longer than a short string holds
    }
    return slot.symbol;
  }

 private:
  struct Slot {
    std::string text;  // owned: the loaders' texts may be temporaries
    Symbol symbol = no_symbol;
  };
  std::array<Slot, 256> slots_{};
};

}  // namespace pcs::data
