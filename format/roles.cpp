// The grammar pass of the formatter: grammar::file with actions that record
// the byte offsets listed in roles.hpp.
#include "format/roles.hpp"

#include <tao/pegtl.hpp>

#include "grammar/grammar.hpp"
#include "grammar/nesting.hpp"

namespace pcs::format {

namespace {

namespace pegtl = tao::pegtl;
namespace g = pcs::grammar;

struct State {
  const char* base;
  Roles roles;
  void mark(std::set<std::size_t>& into, const char* at) { into.insert(static_cast<std::size_t>(at - base)); }
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

// Rules whose first byte is recorded in one of the sets.
#define PCS_ROLE(rule, member)                         \
  template <>                                          \
  struct action<rule> {                                \
    template <typename ActionInput>                    \
    static void apply(const ActionInput& in, State& s) { \
      s.mark(s.roles.member, in.begin());              \
    }                                                  \
  }

PCS_ROLE(g::declaration, statement_starts);
PCS_ROLE(g::program_item, statement_starts);
PCS_ROLE(g::metric_item, statement_starts);
PCS_ROLE(g::metric_decl, statement_starts);
PCS_ROLE(g::designation_item, statement_starts);
PCS_ROLE(g::specialization_item, statement_starts);
PCS_ROLE(g::call_open, call_opens);
PCS_ROLE(g::req_open_paren, call_opens);
PCS_ROLE(g::set_open, set_opens);
PCS_ROLE(g::req_choices_open, choose_opens);
PCS_ROLE(g::req_form_choices_open, choose_opens);
PCS_ROLE(g::negate_expr, unary_minus);
PCS_ROLE(g::req_designation_id, designation_ids);
PCS_ROLE(g::req_specialization_designation, designation_ids);
#undef PCS_ROLE

}  // namespace

std::optional<Roles> find_roles(std::string_view text) {
  State state{text.data(), {}};
  pegtl::memory_input in(text.data(), text.size(), "fmt");
  try {
    g::reset_nesting();
    if (!pegtl::parse<g::file, action, g::nesting_limited<pegtl::normal>::control>(in, state)) return std::nullopt;
  } catch (const pegtl::parse_error&) {
    return std::nullopt;
  }
  return std::move(state.roles);
}

}  // namespace pcs::format
