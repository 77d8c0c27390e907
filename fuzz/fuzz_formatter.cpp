// Fuzz target: pcs fmt on any text. A text that parses must format (the
// formatter's own safety net checks that the output parses to the same
// tokens; a refusal of its own is a bug), and formatting is stable:
// formatting the output again changes nothing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "format/formatter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto once = pcs::format::format_source(text, "fuzz.pcs");
  if (once.internal) __builtin_trap();
  if (!once.ok) return 0;
  const auto twice = pcs::format::format_source(once.text, "fuzz.pcs");
  if (!twice.ok || twice.text != once.text) __builtin_trap();
  return 0;
}
