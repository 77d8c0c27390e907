// Fuzz target: any text as a rule file. The parser must return a module or
// one located diagnostic, never crash, hang or overflow its stack.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "interpreter/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pcs::Diagnostics diags;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto module = pcs::parser::parse_module(text, "fuzz.pcs", diags);
  if (!module && diags.error_count() == 0) __builtin_trap();  // refused without saying why
  return 0;
}
