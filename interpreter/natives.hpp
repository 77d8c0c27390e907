// The native primitives the standard library is written over. The checker
// reads their signatures from here; the evaluator dispatches on the same ids.
// Everything else (eligible usage, growth %, customers at a threshold, ...)
// is written in the rules language in stdlib/.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace pcs {

enum class Native {
  usage,   // usage(measure)            -> usage rows of that measure; value in the measure's unit
  sum,     // sum(rows)                 -> total of `value`
  count,   // count(rows | set)         -> how many (in customers, people, services, ...)
  min,     // min(a, b)                 -> the smaller, same unit
  max,     // max(a, b)                 -> the larger, same unit
  floor,   // floor(x)                  -> whole part, rounded down
  coverage,// coverage(people, {certs}) -> how many of the certifications distinct people cover
  attained,// attained("designation")   -> whether that designation is attained (badges, specializations)
  number,  // number(text)             -> the plain number written in a text (0 when absent), e.g. an attribute
};

struct NativeInfo {
  Native id;
  std::string_view name;
  int arity;      // most arguments
  int min_arity;  // fewest arguments
  std::string_view signature;  // for messages and docs
};

std::optional<NativeInfo> find_native(std::string_view name);
/// Every native primitive, in the order above (editors' completion lists them).
std::span<const NativeInfo> all_natives();

/// Names that are always in scope: M (the as-of month), customers, people.
enum class BuiltinName { as_of, customers, people, associations };
std::optional<BuiltinName> find_builtin_name(std::string_view name);
/// Those names, as written: M, customers, people, associations.
std::span<const std::string_view> builtin_names();

}  // namespace pcs
