// A limit on how deeply rules nest, checked while parsing. The grammar is
// recursive (brackets, sets, calls, 'not', '-', 'if ... else if'), and PEGTL
// matches recursion with the C++ stack, so 100,000 nested brackets would
// overflow it; past the limit the parse stops with a located syntax error.
// PEGTL has no depth limit of its own; this control adds one to any other.
#pragma once

#include <tao/pegtl.hpp>

#include "grammar/grammar.hpp"

namespace pcs::grammar {

/// Nesting levels allowed. One level is a bracket, a set, a call's
/// argument list, an 'if', a 'not' or a '-'; the shipped rules need fewer
/// than 12.
inline constexpr int max_nesting = 200;

/// Levels entered by the parse running on this thread. Reset at the start of
/// each parse, since a parse error leaves the count where it was raised.
inline thread_local int nesting_depth = 0;
inline void reset_nesting() { nesting_depth = 0; }

// The recursive entry points of the grammar: every cycle of rules passes
// through one of them, and each counts as one level.
template <typename Rule> inline constexpr bool counts_as_level = false;
template <> inline constexpr bool counts_as_level<paren_expr> = true;
template <> inline constexpr bool counts_as_level<set_lit> = true;
template <> inline constexpr bool counts_as_level<call_args> = true;
template <> inline constexpr bool counts_as_level<negate_expr> = true;
template <> inline constexpr bool counts_as_level<not_prefix> = true;
template <> inline constexpr bool counts_as_level<distinct_expr> = true;
template <> inline constexpr bool counts_as_level<if_expr> = true;
template <> inline constexpr bool counts_as_level<if_form> = true;
template <> inline constexpr bool counts_as_level<choose_expr> = true;
template <> inline constexpr bool counts_as_level<holding_tail> = true;
template <> inline constexpr bool counts_as_level<every_metric> = true;
template <> inline constexpr bool counts_as_level<choose_form> = true;

inline constexpr const char* nesting_message =
    "the rule nests too deeply: at most 200 levels of brackets, sets, calls, 'if', 'not' and '-' are allowed";

/// `Base` (a PEGTL control) with the nesting limit added.
template <template <typename...> class Base>
struct nesting_limited {
  template <typename Rule>
  struct control : Base<Rule> {
    template <typename ParseInput, typename... States>
    static void start(const ParseInput& in, States&&... st) {
      if constexpr (counts_as_level<Rule>) {
        if (++nesting_depth > max_nesting) {
          nesting_depth = 0;
          throw tao::pegtl::parse_error(nesting_message, in);
        }
      }
      Base<Rule>::start(in, st...);
    }
    template <typename ParseInput, typename... States>
    static void success(const ParseInput& in, States&&... st) {
      if constexpr (counts_as_level<Rule>) --nesting_depth;
      Base<Rule>::success(in, st...);
    }
    template <typename ParseInput, typename... States>
    static void failure(const ParseInput& in, States&&... st) {
      if constexpr (counts_as_level<Rule>) --nesting_depth;
      Base<Rule>::failure(in, st...);
    }
  };
};

}  // namespace pcs::grammar
