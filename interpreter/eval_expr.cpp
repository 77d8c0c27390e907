// Evaluating expressions of a checked tree. Types and units were checked
// before, so this file only computes; the few runtime failures (division by
// zero, overflow) become EvalError at the expression's position.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/evaluator_impl.hpp"
#include "interpreter/natives.hpp"

namespace pcs::eval::detail {

using ast::Expr;
using ast::ExprKind;
using ast::ExprPtr;
using RK = ast::Resolution::Kind;

Evaluator::Evaluator(const Ruleset& ruleset, const PartnerView& view, MonthIndex as_of)
    : ruleset_(ruleset),
      partner_(view.partner),
      as_of_(as_of),
      usage_tenant_(view.usage_tenant),
      association_tenant_(view.association_tenant),
      association_type_(view.association_type),
      association_since_(view.association_since) {}

}  // namespace pcs::eval::detail

namespace pcs::eval {

PartnerView::PartnerView(const data::Partner& p) : partner(p) {
  usage_tenant.reserve(p.usage.size());
  for (auto c : p.usage.customer) usage_tenant.push_back(p.customers[c].tenant);
  for (const auto& c : p.customers)
    for (const auto& a : c.associations) {
      association_tenant.push_back(c.tenant);
      association_type.push_back(a.type);
      association_since.push_back(month_of(a.since));
    }
}

}  // namespace pcs::eval

namespace pcs::eval::detail {

void Evaluator::set_time_budget(std::uint32_t limit_ms) {
  limit_ms_ = limit_ms;
  deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(limit_ms);
}

void Evaluator::tick(const Expr& at) {
  if (limit_ms_ == 0 || (++steps_ & 0xFFFu) != 0 || std::chrono::steady_clock::now() < deadline_) return;
  throw EvalError{at.pos, fmt::format("the evaluation took longer than its time budget of {} ms and stopped here "
                                      "(the rules may nest queries over many rows; --limit-ms sets the budget)",
                                      limit_ms_)};
}

Value Evaluator::eval(const Expr& e) {
  tick(e);
  switch (e.kind) {
    case ExprKind::number: return Value::of_number(e.number, e.type.unit);
    case ExprKind::string: return Value::of_string(e.target.symbol);
    case ExprKind::month: return Value::of_month(e.month);
    case ExprKind::date: { Value v; v.kind = Value::Kind::date; v.date = e.date; return v; }
    case ExprKind::boolean: return Value::of_bool(e.flag);
    case ExprKind::none: return Value::none();
    case ExprKind::cert_code: {
      Value v;
      v.kind = Value::Kind::certification;
      v.certification = e.target.requirement;
      return v;
    }
    case ExprKind::set: return eval_set(e);
    case ExprKind::name: return eval_name(e);
    case ExprKind::call: return eval_call(e);
    case ExprKind::negate: {
      auto v = eval(*e.args[0]);
      v.number = -v.number;
      return v;
    }
    case ExprKind::not_: return Value::of_bool(!eval_bool(*e.args[0]));
    case ExprKind::binary: return eval_binary(e);
    case ExprKind::is_none: {
      const bool none = eval(*e.args[0]).kind == Value::Kind::none;
      return Value::of_bool(e.flag ? !none : none);
    }
    case ExprKind::range: return Value::of_range(eval(*e.args[0]).month, eval(*e.args[1]).month);
    case ExprKind::where: return eval_where(e);
    case ExprKind::group_by: return eval_group_by(e);
    case ExprKind::distinct: return eval_distinct(e);
    case ExprKind::holding: return eval_holding(e);
    case ExprKind::if_: return eval_bool(*e.args[0]) ? eval(*e.args[1]) : eval(*e.args[2]);
    case ExprKind::choose_path: {
      const auto label = symbols().name(path_);
      for (std::size_t i = 0; i < e.names.size(); ++i)
        if (e.names[i] == label) return eval(*e.args[i]);
      throw EvalError{e.pos, "no value for the partner's path"};
    }
    case ExprKind::every_metric: {
      const auto bound = eval(*e.args[0]).number;
      using Op = ast::BinaryOp;
      const Op op = e.op;
      bool all = true;
      for (const auto& m : *metric_results_) {
        const auto& p = m.points;
        const bool ok = op == Op::gt ? p > bound : op == Op::ge ? p >= bound : op == Op::lt ? p < bound
                      : op == Op::le ? p <= bound : op == Op::eq ? p == bound : !(p == bound);
        all = all && ok;
      }
      return Value::of_bool(all);
    }
  }
  throw EvalError{e.pos, "internal: unknown expression"};
}

Value Evaluator::eval_set(const Expr& e) {
  // A set written with literals only ({"PAL", "DPOR"}, {AZ-104, AZ-305}) is
  // the same every time: built once per partner, however often it is read.
  const bool constant = std::all_of(e.args.begin(), e.args.end(), [](const ExprPtr& a) {
    return a->kind == ExprKind::string || a->kind == ExprKind::cert_code ||
           (a->kind == ExprKind::name && a->target.kind == RK::certification);
  });
  if (constant) {
    auto it = constant_sets_.find(&e);
    if (it != constant_sets_.end()) return Value::of_set(it->second, e.type.unit);
  }
  auto set = std::make_shared<SetValue>();
  for (const auto& a : e.args) {
    auto v = eval(*a);
    if (v.kind == Value::Kind::certification) set->certifications.push_back(v.certification);
    else set->symbols.push_back(v.symbol);
  }
  // Sorted, so set operators can merge certifications as they merge text.
  std::sort(set->certifications.begin(), set->certifications.end());
  set->certifications.erase(std::unique(set->certifications.begin(), set->certifications.end()), set->certifications.end());
  std::sort(set->symbols.begin(), set->symbols.end());
  set->symbols.erase(std::unique(set->symbols.begin(), set->symbols.end()), set->symbols.end());
  if (constant) constant_sets_.emplace(&e, set);
  return Value::of_set(std::move(set), e.type.unit);
}

Value Evaluator::eval_name(const Expr& e) {
  switch (e.target.kind) {
    case RK::field: return field_value(frames_[e.target.frame - 1], static_cast<Field>(e.target.index));
    case RK::function_param: return (*args_.back())[e.target.index];
    case RK::let: return eval_let(*e.target.let, e);
    case RK::certification: {
      Value v;
      v.kind = Value::Kind::certification;
      v.certification = e.target.requirement;
      return v;
    }
    case RK::as_of: return Value::of_month(as_of_);
    case RK::builtin:
      if (e.target.index == -1) return *metric_value_;
      switch (static_cast<BuiltinName>(e.target.index)) {
        case BuiltinName::customers: return all_rows(TableKind::customers);
        case BuiltinName::associations: return all_rows(TableKind::associations);
        default: return all_rows(TableKind::people);
      }
    case RK::path:
      if (choosing_path_) throw EvalError{e.pos, "the path is used while it is being chosen"};
      return Value::of_string(path_);
    case RK::total: return Value::of_number(total_, Unit::points);
    case RK::metric_points: return Value::of_number((*metric_results_)[static_cast<std::size_t>(e.target.index)].points, Unit::points);
    case RK::partner_field: {
      const auto field = symbols().name(e.target.symbol);
      if (field == "market") return Value::of_string(partner_.market);
      return Value::of_string(symbols().intern(field == "id" ? partner_.id : partner_.name));
    }
    case RK::partner_attribute: {
      auto it = partner_.attributes.find(symbols().name(e.target.symbol));
      if (it == partner_.attributes.end()) return Value::none();
      if (const auto* s = std::get_if<std::string>(&it->second)) return Value::of_string(symbols().intern(*s));
      if (const auto* b = std::get_if<bool>(&it->second)) return Value::of_string(symbols().intern(*b ? "true" : "false"));
      return Value::of_string(symbols().intern(std::get<Decimal>(it->second).to_string()));
    }
    default: break;
  }
  throw EvalError{e.pos, fmt::format("internal: unresolved name '{}'", e.text)};
}

Value Evaluator::eval_body(const Expr& body, const std::vector<Value>* args, std::vector<std::string>& inputs) {
  // Bodies never see the rows of the expression that refers to them.
  auto saved = std::move(frames_);
  frames_.clear();
  if (args) args_.push_back(args);
  collectors_.push_back(&inputs);
  auto restore = [&] {
    collectors_.pop_back();
    if (args) args_.pop_back();
    frames_ = std::move(saved);
  };
  try {
    auto v = eval(body);
    restore();
    return v;
  } catch (...) {
    restore();
    throw;
  }
}

void Evaluator::note(const std::string& label, const Cached& c) {
  if (!explain_ || !frames_.empty()) return;  // per-row uses inside a query would flood the explanation
  auto line = fmt::format("{} = {}", label, to_display(c.value));
  auto add = [](std::vector<std::string>& lines, std::string text) {
    if (std::find(lines.begin(), lines.end(), text) == lines.end()) lines.push_back(std::move(text));
  };
  if (!collectors_.empty()) {
    if (collectors_.back()->size() < 12) add(*collectors_.back(), std::move(line));
    return;
  }
  if (!trace_) return;
  add(*trace_, std::move(line));
  for (const auto& input : c.inputs) add(*trace_, "  " + input);
}

Value Evaluator::eval_let(const ast::LetDecl& let, const Expr&) {
  auto& cache = let.scope == ast::LetDecl::Scope::global   ? global_cache_
               : let.scope == ast::LetDecl::Scope::metric ? metric_cache_
                                                          : designation_cache_;
  auto it = cache.find(&let);
  if (it == cache.end()) {
    Cached fresh;
    fresh.value = eval_body(*let.body, nullptr, fresh.inputs);
    it = cache.emplace(&let, std::move(fresh)).first;
  }
  note(let.name, it->second);
  return it->second.value;
}

Value Evaluator::eval_call(const Expr& e) {
  if (e.target.kind == RK::let) return eval_function(*e.target.let, e);
  switch (static_cast<Native>(e.target.index)) {
    case Native::usage: return eval_usage(e);
    case Native::sum: return e.args.size() == 2 ? eval_sum_of(e) : eval_sum(e);
    case Native::coverage: return eval_coverage(e);
    case Native::number: {
      const auto v = eval(*e.args[0]);
      if (v.kind == Value::Kind::none) return Value::of_number(Decimal(), Unit::none);
      const auto text = symbols().name(v.symbol);
      const auto parsed = Decimal::parse(text);
      if (!parsed) throw EvalError{e.pos, fmt::format("\"{}\" is not a number", text)};
      return Value::of_number(*parsed, Unit::none);
    }
    case Native::attained: {
      auto it = attained_.find(e.args[0]->text);
      if (it == attained_.end()) throw EvalError{e.pos, "that designation was not evaluated (see --designation)"};
      return Value::of_bool(it->second);
    }
    case Native::count: return eval_count(e);
    case Native::min:
    case Native::max: {
      auto a = eval(*e.args[0]);
      auto b = eval(*e.args[1]);
      const bool take_a = static_cast<Native>(e.target.index) == Native::min ? a.number <= b.number : a.number >= b.number;
      return take_a ? a : b;
    }
    case Native::floor: {
      auto v = eval(*e.args[0]);
      v.number = v.number.floor();
      return v;
    }
  }
  throw EvalError{e.pos, "internal: unknown native"};
}

namespace {
/// Appends the bytes of a plain value to a cache key.
template <typename T> void append_bytes(std::string& key, const T& x) {
  key.append(reinterpret_cast<const char*>(&x), sizeof x);
}
}  // namespace

Value Evaluator::eval_function(const ast::LetDecl& fn, const Expr& call) {
  std::vector<Value> args;
  args.reserve(call.args.size());
  for (const auto& a : call.args) args.push_back(eval(*a));
  // The cache key: the function, then each argument as a tag and its exact
  // bytes (num/den in full, so two different numbers never share an entry;
  // sets by their size and elements). Built in a reused buffer: a call that
  // hits the cache allocates nothing here.
  bool cacheable = true;
  std::string& key = call_key_;
  key.clear();
  append_bytes(key, &fn);
  for (const auto& v : args) {
    key += static_cast<char>(v.kind);
    switch (v.kind) {
      case Value::Kind::number:
        append_bytes(key, v.number.numerator());
        append_bytes(key, v.number.denominator());
        break;
      case Value::Kind::month:
      case Value::Kind::range:
        append_bytes(key, v.month);
        append_bytes(key, v.month_end);
        break;
      case Value::Kind::string: append_bytes(key, v.symbol); break;
      case Value::Kind::boolean: key += v.boolean ? 'T' : 'F'; break;
      case Value::Kind::set:  // sets are small: their contents are the key
        append_bytes(key, v.set->symbols.size());
        for (auto s : v.set->symbols) append_bytes(key, s);
        append_bytes(key, v.set->certifications.size());
        for (const auto* c : v.set->certifications) append_bytes(key, c);
        break;
      default: cacheable = false;  // rows: evaluate every time
    }
  }
  // The label ("eligible_customers(2024-06)") only for an explanation line.
  auto noted = [&](const Cached& c) {
    if (explain_ && frames_.empty()) note(call_label(call, args), c);
  };
  if (cacheable) {
    auto it = call_cache_.find(key);
    if (it == call_cache_.end()) {
      std::string owned = key;  // the body's own calls reuse the buffer
      Cached fresh;
      fresh.value = eval_body(*fn.body, &args, fresh.inputs);
      it = call_cache_.emplace(std::move(owned), std::move(fresh)).first;
    }
    noted(it->second);
    return it->second.value;
  }
  Cached fresh;
  fresh.value = eval_body(*fn.body, &args, fresh.inputs);
  noted(fresh);
  return fresh.value;
}

Value Evaluator::eval_binary(const Expr& e) {
  using Op = ast::BinaryOp;
  const Op op = e.op;
  if (op == Op::and_) return Value::of_bool(eval_bool(*e.args[0]) && eval_bool(*e.args[1]));
  if (op == Op::or_) return Value::of_bool(eval_bool(*e.args[0]) || eval_bool(*e.args[1]));
  auto a = eval(*e.args[0]);
  auto b = eval(*e.args[1]);
  try {
    if (op == Op::in || op == Op::not_in) {
      bool found;
      if (a.kind == Value::Kind::month) found = a.month >= b.month && a.month <= b.month_end;
      else found = std::binary_search(b.set->symbols.begin(), b.set->symbols.end(), a.symbol);
      return Value::of_bool(op == Op::in ? found : !found);
    }
    if (a.kind == Value::Kind::set) {
      auto out = std::make_shared<SetValue>();
      auto combine = [&](const auto& x, const auto& y, auto& into) {
        if (op == Op::add) std::set_union(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(into));
        else if (op == Op::subtract) std::set_difference(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(into));
        else std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(into));
      };
      combine(a.set->symbols, b.set->symbols, out->symbols);
      combine(a.set->certifications, b.set->certifications, out->certifications);
      return Value::of_set(std::move(out), e.type.unit);
    }
    if (a.kind == Value::Kind::month && b.kind == Value::Kind::number) {
      const auto n = b.number.floor();
      if (!(n == b.number)) throw EvalError{e.pos, "a month can only move by whole months"};
      const auto shift = static_cast<MonthIndex>(n.numerator());
      return Value::of_month(op == Op::add ? a.month + shift : a.month - shift);
    }
    if (a.kind == Value::Kind::month && b.kind == Value::Kind::month && op == Op::subtract)
      return Value::of_number(Decimal::from_int(a.month - b.month), Unit::months);
    switch (op) {
      case Op::add: return Value::of_number(a.number + b.number, e.type.unit);
      case Op::subtract: return Value::of_number(a.number - b.number, e.type.unit);
      case Op::multiply: return Value::of_number(a.number * b.number, e.type.unit);
      case Op::divide:
        if (b.number.is_zero()) throw EvalError{e.pos, fmt::format("division by zero: the right side of '/' is 0 for this partner")};
        return Value::of_number(a.number / b.number, e.type.unit);
      default: break;
    }
    // Comparisons.
    int c = 0;
    if (a.kind == Value::Kind::number) c = a.number < b.number ? -1 : (b.number < a.number ? 1 : 0);
    else if (a.kind == Value::Kind::month) c = a.month < b.month ? -1 : a.month > b.month ? 1 : 0;
    else if (a.kind == Value::Kind::date) c = a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
    else if (a.kind == Value::Kind::boolean) c = a.boolean == b.boolean ? 0 : 1;
    else c = (a.kind == b.kind && a.symbol == b.symbol) ? 0 : 1;  // text, none, path
    switch (op) {
      case Op::eq: return Value::of_bool(c == 0);
      case Op::ne: return Value::of_bool(c != 0);
      case Op::lt: return Value::of_bool(c < 0);
      case Op::le: return Value::of_bool(c <= 0);
      case Op::gt: return Value::of_bool(c > 0);
      default: return Value::of_bool(c >= 0);
    }
  } catch (const arithmetic_error& x) {
    throw EvalError{e.pos, x.what()};
  }
}

std::string call_label(const Expr& call, const std::vector<Value>& args) {
  std::string label = call.text + "(";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i) label += ", ";
    const auto& v = args[i];
    if (v.kind == Value::Kind::rows || v.kind == Value::Kind::set)
      label += call.args[i]->kind == ExprKind::name ? call.args[i]->text : "...";
    else if (v.kind == Value::Kind::range)
      label += format_month(v.month) + ".." + format_month(v.month_end);
    else
      label += to_display(v);
  }
  return label + ")";
}

}  // namespace pcs::eval::detail
