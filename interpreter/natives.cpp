// The table of native primitives and always-visible names.
#include "interpreter/natives.hpp"

#include <array>
#include <string_view>

namespace pcs {

namespace {
constexpr std::array<NativeInfo, 9> natives{{
    {Native::usage, "usage", 1, 1, "usage(measure)"},
    {Native::sum, "sum", 2, 1, "sum(rows) or sum(rows, expression per row)"},
    {Native::count, "count", 1, 1, "count(rows or set)"},
    {Native::min, "min", 2, 2, "min(a, b)"},
    {Native::max, "max", 2, 2, "max(a, b)"},
    {Native::floor, "floor", 1, 1, "floor(number)"},
    {Native::coverage, "coverage", 2, 2, "coverage(people, {certifications})"},
    {Native::attained, "attained", 1, 1, "attained(\"designation-id\")"},
    {Native::number, "number", 1, 1, "number(text)"},
}};
}  // namespace

std::optional<NativeInfo> find_native(std::string_view name) {
  for (const auto& n : natives)
    if (n.name == name) return n;
  return std::nullopt;
}

std::span<const NativeInfo> all_natives() { return natives; }

namespace {
// In BuiltinName order.
constexpr std::array<std::string_view, 4> builtins{"M", "customers", "people", "associations"};
}  // namespace

std::span<const std::string_view> builtin_names() { return builtins; }

std::optional<BuiltinName> find_builtin_name(std::string_view name) {
  for (std::size_t i = 0; i < builtins.size(); ++i)
    if (builtins[i] == name) return static_cast<BuiltinName>(i);
  return std::nullopt;
}

}  // namespace pcs
