// One top-level let evaluated for a partner, outside any designation: the
// value an editor's hover shows for a name (`pcs lsp`), with the named
// figures it was computed from, as metric explanations list them.
#include <fmt/format.h>

#include "interpreter/evaluator_impl.hpp"

namespace pcs::eval {

namespace detail {
Cached Evaluator::eval_global_let(const ast::LetDecl& let) {
  Cached c;
  c.value = eval_body(*let.body, nullptr, c.inputs);
  return c;
}
}  // namespace detail

LetResult evaluate_let(const Ruleset& ruleset, const PartnerView& view, const Options& options, const ast::LetDecl& let) {
  LetResult out;
  if (!ruleset.checked || let.is_function || let.scope != ast::LetDecl::Scope::global || !let.body) {
    out.error = "only a top-level let of a checked ruleset has a value of its own";
    return out;
  }
  const MonthIndex as_of = options.as_of ? *options.as_of : view.partner.latest_month().value_or(0);
  detail::Evaluator evaluator(ruleset, view, as_of);
  evaluator.set_time_budget(options.limit_ms);
  try {
    auto c = evaluator.eval_global_let(let);
    out.value = to_display(c.value);
    out.inputs = std::move(c.inputs);
  } catch (const detail::EvalError& e) {
    out.error = fmt::format("{}:{}:{}: {}", e.pos.file, e.pos.line, e.pos.column, e.message);
  } catch (const arithmetic_error& e) {
    out.error = fmt::format("{}:{}:{}: {}", let.pos.file, let.pos.line, let.pos.column, e.what());
  }
  return out;
}

}  // namespace pcs::eval
