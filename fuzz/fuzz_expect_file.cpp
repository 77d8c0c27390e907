// Fuzz target: any text as a .expect file of pcs test.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_support.hpp"
#include "tester/expect_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto dir = pcs::fuzz::scratch("expect");
  std::filesystem::create_directories(dir / "tests");
  const auto file = dir / "tests" / "case.expect";
  pcs::fuzz::write(file, std::string_view(reinterpret_cast<const char*>(data), size));
  pcs::SourceFiles sources;
  pcs::Diagnostics diags;
  auto c = pcs::tester::read_case(file.string(), sources, diags);
  if (!c && diags.error_count() == 0) __builtin_trap();
  return 0;
}
