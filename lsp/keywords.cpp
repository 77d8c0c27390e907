// Keyword texts taken from the grammar's rule types: each kw_X is
// key<ascii::string<'x', ...>>, so the characters are template arguments and
// are read back here. The list of rule names is checked by the compiler
// against the grammar; tests/lsp/test_lsp.py checks that it names every
// PCS_KEYWORD of grammar/grammar.hpp.
#include "lsp/keywords.hpp"

#include <algorithm>

#include "grammar/grammar.hpp"

namespace pcs::lsp {

namespace {
namespace g = pcs::grammar;

template <char... Cs>
std::string text_of(const g::key<tao::pegtl::ascii::string<Cs...>>*) {
  return std::string{Cs...};
}

template <typename... Rules>
std::vector<std::string> texts() {
  std::vector<std::string> out{text_of(static_cast<const Rules*>(nullptr))...};
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}
}  // namespace

const std::vector<std::string>& keywords() {
  static const auto words =
      texts<g::kw_import, g::kw_program, g::kw_name, g::kw_effective, g::kw_source, g::kw_measure, g::kw_certification,
            g::kw_counts, g::kw_through, g::kw_let, g::kw_fn, g::kw_category, g::kw_metric, g::kw_max, g::kw_require,
            g::kw_value, g::kw_when, g::kw_score, g::kw_per, g::kw_up, g::kw_to, g::kw_proportional, g::kw_designation,
            g::kw_path, g::kw_otherwise, g::kw_use, g::kw_attained, g::kw_override, g::kw_badge, g::kw_specialization,
            g::kw_version, g::kw_requirements, g::kw_published, g::kw_for, g::kw_and, g::kw_or, g::kw_not, g::kw_in,
            g::kw_where, g::kw_by, g::kw_of, g::kw_if, g::kw_then, g::kw_else, g::kw_true, g::kw_false, g::kw_none,
            g::kw_is, g::kw_holding, g::kw_any, g::kw_all, g::kw_distinct, g::kw_choose, g::kw_intersect, g::kw_every>();
  return words;
}

}  // namespace pcs::lsp
