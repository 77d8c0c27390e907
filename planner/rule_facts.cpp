// Reading a metric's facts from the checked AST (planner/rule_facts.hpp).
//
// A small abstract interpretation: constants are folded through lets,
// function parameters (bound to the call's arguments, in the caller's
// scope), `choose path` and `if` (each branch is an alternative: the oracle,
// the ordinary evaluator, decides which one counts for the partner), and
// month arithmetic relative to M. Row expressions are followed back to
// `usage(measure)`, collecting the constant filters of every `where` on the
// way. Anything the folding cannot see through is simply not a constraint:
// the candidate actions built from these facts are always checked by
// evaluating the rules, never trusted.
#include "planner/rule_facts.hpp"

#include <algorithm>

#include "interpreter/natives.hpp"

namespace pcs::planner {
namespace {

using ast::Expr;
using ast::ExprKind;
using RK = ast::Resolution::Kind;

constexpr int max_depth = 48;  // nesting of lets, calls and queries; the language has no recursion
constexpr std::size_t max_alternatives = 24;

/// A folded constant: one alternative value of an expression.
struct Const {
  enum class Kind { number, strings, month, range, certs } kind = Kind::number;
  Decimal number;
  std::vector<Symbol> strings;
  int m0 = 0, m1 = 0;  // offsets from M
  std::vector<const ast::CertRequirement*> certs;
};
using Alts = std::vector<Const>;

/// The arguments a function body's parameters are bound to, and the scope
/// those arguments are read in.
struct Env {
  const std::vector<ast::ExprPtr>* args = nullptr;
  const Env* outer = nullptr;
};

bool is_field(const Expr& e, Field& f) {
  if (e.kind == ExprKind::name && e.target.kind == RK::field) {
    f = static_cast<Field>(e.target.index);
    return true;
  }
  // `month + 1 in months`: the field shifted by a constant reads the same windows.
  if (e.kind == ExprKind::binary && (e.text == "+" || e.text == "-") && !e.args.empty()) return is_field(*e.args[0], f);
  return false;
}

const ast::LetDecl* user_function(const Expr& call) {
  if (call.kind == ExprKind::call && call.target.kind == RK::let && call.target.let && call.target.let->body)
    return call.target.let;
  return nullptr;
}

bool is_native(const Expr& call, Native n) {
  return call.kind == ExprKind::call && call.target.kind == RK::builtin && call.target.index == static_cast<int>(n);
}

class Reader {
 public:
  explicit Reader(Facts& facts) : facts_(facts) {}

  Alts fold(const Expr& e, const Env& env, int depth) {
    if (depth > max_depth) return {};
    switch (e.kind) {
      case ExprKind::number: return {Const{Const::Kind::number, e.number, {}, 0, 0, {}}};
      case ExprKind::string: return {Const{Const::Kind::strings, {}, {e.target.symbol}, 0, 0, {}}};
      case ExprKind::cert_code: return certs_of(e.target.requirement);
      case ExprKind::set: {
        Const c{Const::Kind::strings, {}, {}, 0, 0, {}};
        for (const auto& a : e.args)
          for (const auto& v : fold(*a, env, depth + 1)) {
            if (v.kind == Const::Kind::certs) {
              c.kind = Const::Kind::certs;
              c.certs.insert(c.certs.end(), v.certs.begin(), v.certs.end());
            } else if (v.kind == Const::Kind::strings) {
              c.strings.insert(c.strings.end(), v.strings.begin(), v.strings.end());
            }
          }
        return {c};
      }
      case ExprKind::name:
        switch (e.target.kind) {
          case RK::let:
            if (e.target.let && e.target.let->body && !e.target.let->is_function)
              return fold(*e.target.let->body, Env{}, depth + 1);
            return {};
          case RK::function_param:
            if (env.args && std::size_t(e.target.index) < env.args->size())
              return fold(*(*env.args)[std::size_t(e.target.index)], env.outer ? *env.outer : Env{}, depth + 1);
            return {};
          case RK::certification: return certs_of(e.target.requirement);
          case RK::as_of: return {Const{Const::Kind::month, {}, {}, 0, 0, {}}};
          default: return {};
        }
      case ExprKind::binary:
        if ((e.text == "+" || e.text == "-") && e.args.size() == 2) {
          Alts out;
          for (const auto& a : fold(*e.args[0], env, depth + 1))
            for (const auto& b : fold(*e.args[1], env, depth + 1)) {
              if (a.kind == Const::Kind::month && b.kind == Const::Kind::number && b.number.is_integer()) {
                const int n = int(b.number.numerator());
                Const c = a;
                c.m0 = c.m1 = a.m0 + (e.text == "+" ? n : -n);
                out.push_back(c);
              }
            }
          return cap(out);
        }
        if (e.text == "+" && e.args.size() == 2 && e.type.kind == TypeKind::set) {  // {a} + {b}: the union
          Alts out;
          for (const auto& a : fold(*e.args[0], env, depth + 1))
            for (const auto& b : fold(*e.args[1], env, depth + 1)) {
              Const c = a;
              c.strings.insert(c.strings.end(), b.strings.begin(), b.strings.end());
              c.certs.insert(c.certs.end(), b.certs.begin(), b.certs.end());
              out.push_back(c);
            }
          return cap(out);
        }
        return {};
      case ExprKind::range: {
        Alts out;
        for (const auto& a : fold(*e.args[0], env, depth + 1))
          for (const auto& b : fold(*e.args[1], env, depth + 1))
            if (a.kind == Const::Kind::month && b.kind == Const::Kind::month)
              out.push_back(Const{Const::Kind::range, {}, {}, a.m0, b.m0, {}});
        return cap(out);
      }
      case ExprKind::choose_path:
      case ExprKind::if_: {
        Alts out;
        for (std::size_t i = e.kind == ExprKind::if_ ? 1 : 0; i < e.args.size(); ++i)
          for (auto& v : fold(*e.args[i], env, depth + 1)) out.push_back(std::move(v));
        return cap(out);
      }
      case ExprKind::call:
        if (const auto* fn = user_function(e)) {
          Env inner{&e.args, &env};
          return fold(*fn->body, inner, depth + 1);
        }
        return {};
      default: return {};
    }
  }

  /// The queries a rows expression reads: usage(measure) and the filters on the way.
  std::vector<UsageQuery> rows(const Expr& e, const Env& env, int depth) {
    if (depth > max_depth) return {};
    switch (e.kind) {
      case ExprKind::call:
        if (is_native(e, Native::usage)) {
          UsageQuery q;
          q.measure = e.target.symbol;
          return {q};
        }
        if (const auto* fn = user_function(e)) {
          Env inner{&e.args, &env};
          return rows(*fn->body, inner, depth + 1);
        }
        return {};
      case ExprKind::name:
        if (e.target.kind == RK::let && e.target.let && e.target.let->body && !e.target.let->is_function)
          return rows(*e.target.let->body, Env{}, depth + 1);
        if (e.target.kind == RK::function_param && env.args && std::size_t(e.target.index) < env.args->size())
          return rows(*(*env.args)[std::size_t(e.target.index)], env.outer ? *env.outer : Env{}, depth + 1);
        return {};
      case ExprKind::where: {
        std::vector<UsageQuery> out;
        for (auto& q : rows(*e.args[0], env, depth + 1))
          for (auto& c : constrain(q, *e.args[1], env, depth + 1))
            if (out.size() < max_alternatives) out.push_back(std::move(c));
        visit(*e.args[1], env, depth + 1);  // calls inside the predicate read queries of their own
        return out;
      }
      case ExprKind::group_by: {
        auto qs = rows(*e.args[0], env, depth + 1);
        for (auto& q : qs)
          for (const auto& n : e.names)
            if (auto f = field_from_name(n)) q.filters[*f].keyed = true;
        return qs;
      }
      case ExprKind::distinct: {
        auto qs = rows(*e.args[0], env, depth + 1);
        if (auto f = field_from_name(e.text))
          for (auto& q : qs) q.filters[*f].keyed = true;
        return qs;
      }
      case ExprKind::if_:
      case ExprKind::choose_path:
      case ExprKind::binary: {
        std::vector<UsageQuery> out;
        for (std::size_t i = e.kind == ExprKind::if_ ? 1 : 0; i < e.args.size(); ++i)
          for (auto& q : rows(*e.args[i], env, depth + 1)) out.push_back(std::move(q));
        return out;
      }
      default: return {};
    }
  }

  /// The people a people expression selects, as the certifications each must hold.
  std::vector<PersonTemplate> people(const Expr& e, const Env& env, int depth) {
    if (depth > max_depth) return {};
    if (e.kind == ExprKind::holding) {
      auto inner = people(*e.args[0], env, depth + 1);
      if (inner.empty()) inner.push_back({});
      std::vector<std::vector<const ast::CertRequirement*>> options;
      for (const auto& spec : fold(*e.args[1], env, depth + 1)) {
        if (spec.kind != Const::Kind::certs) continue;
        if (e.text == "all") options.push_back(spec.certs);
        else
          for (const auto* r : spec.certs) options.push_back({r});
      }
      std::vector<PersonTemplate> out;
      for (const auto& base : inner)
        for (const auto& o : options) {
          PersonTemplate t = base;
          for (const auto* r : o)
            if (std::find(t.all.begin(), t.all.end(), r) == t.all.end()) t.all.push_back(r);
          if (out.size() < max_alternatives) out.push_back(std::move(t));
        }
      return out;
    }
    if (e.kind == ExprKind::name && e.target.kind == RK::let && e.target.let && e.target.let->body)
      return people(*e.target.let->body, Env{}, depth + 1);
    if (e.kind == ExprKind::name && e.target.kind == RK::function_param && env.args &&
        std::size_t(e.target.index) < env.args->size())
      return people(*(*env.args)[std::size_t(e.target.index)], env.outer ? *env.outer : Env{}, depth + 1);
    return {PersonTemplate{}};
  }

  /// Walks an expression, recording every query, person template and number it reads.
  void visit(const Expr& e, const Env& env, int depth) {
    if (depth > max_depth) return;
    switch (e.kind) {
      case ExprKind::number:
        if (e.number > Decimal()) facts_.numbers.insert(e.number);
        return;
      case ExprKind::holding:
        for (auto& t : people(e, env, depth))
          if (!t.all.empty()) add_person(std::move(t));
        return;
      case ExprKind::where:
      case ExprKind::group_by:
      case ExprKind::distinct:
        for (auto& q : rows(e, env, depth)) add_query(std::move(q));
        for (const auto& a : e.args) visit(*a, env, depth + 1);
        return;
      case ExprKind::name:
        if (e.target.kind == RK::partner_attribute) facts_.attributes.insert(std::string(symbols().name(e.target.symbol)));
        if (e.target.kind == RK::partner_field && symbols().name(e.target.symbol) == "market") facts_.reads_market = true;
        if (e.target.kind == RK::let && e.target.let && e.target.let->body && !e.target.let->is_function &&
            visited_lets_.insert(e.target.let).second)
          visit(*e.target.let->body, Env{}, depth + 1);
        if (e.target.kind == RK::function_param && env.args && std::size_t(e.target.index) < env.args->size())
          visit(*(*env.args)[std::size_t(e.target.index)], env.outer ? *env.outer : Env{}, depth + 1);
        return;
      case ExprKind::call:
        if (is_native(e, Native::usage)) {
          for (auto& q : rows(e, env, depth)) add_query(std::move(q));
          return;
        }
        if (is_native(e, Native::coverage) && e.args.size() == 2) {
          // coverage(people, {certs}): each certification held by someone counts.
          for (const auto& c : fold(*e.args[1], env, depth + 1))
            for (const auto* r : c.certs) add_person(PersonTemplate{{r}});
        }
        for (const auto& a : e.args) visit(*a, env, depth + 1);
        if (const auto* fn = user_function(e)) {
          Env inner{&e.args, &env};
          visit(*fn->body, inner, depth + 1);
        }
        return;
      default:
        for (const auto& a : e.args) visit(*a, env, depth + 1);
    }
  }

  void visit_form(const ast::ScoreForm& f) {
    if (f.rate_points > Decimal()) facts_.numbers.insert(f.rate_points);
    if (f.up_to) visit(*f.up_to, Env{}, 0);
    if (f.expr) visit(*f.expr, Env{}, 0);
    for (const auto& sub : f.forms)
      if (sub) visit_form(*sub);
  }

 private:
  Alts certs_of(const ast::CertRequirement* r) {
    if (!r) return {};
    return {Const{Const::Kind::certs, {}, {}, 0, 0, {r}}};
  }
  static Alts cap(Alts a) {
    if (a.size() > max_alternatives) a.resize(max_alternatives);
    return a;
  }

  /// The query narrowed by a predicate: one alternative per side of an `or`.
  std::vector<UsageQuery> constrain(const UsageQuery& q, const Expr& p, const Env& env, int depth) {
    if (p.kind != ExprKind::binary || p.args.size() != 2) return {q};
    const std::string& op = p.text;
    if (op == "and") {
      std::vector<UsageQuery> out;
      for (auto& l : constrain(q, *p.args[0], env, depth + 1))
        for (auto& r : constrain(l, *p.args[1], env, depth + 1)) out.push_back(std::move(r));
      return out;
    }
    if (op == "or") {
      auto out = constrain(q, *p.args[0], env, depth + 1);
      for (auto& r : constrain(q, *p.args[1], env, depth + 1)) out.push_back(std::move(r));
      return out;
    }
    UsageQuery n = q;
    narrow(n, p, env, depth);
    return {n};
  }

  void narrow(UsageQuery& q, const Expr& p, const Env& env, int depth) {
    const std::string& op = p.text;
    Field f{};
    const Expr* other = nullptr;
    if (is_field(*p.args[0], f)) other = p.args[1].get();
    else if (is_field(*p.args[1], f)) other = p.args[0].get();
    if (!other) return;
    const Alts values = fold(*other, env, depth + 1);
    if (f == Field::month) {
      for (const auto& v : values)
        if (v.kind == Const::Kind::month || v.kind == Const::Kind::range) {
          q.month_offsets.insert(v.m0);
          q.month_offsets.insert(v.m1);
        }
      return;
    }
    if (f == Field::value) {
      for (const auto& v : values)
        if (v.kind == Const::Kind::number && v.number > Decimal()) facts_.numbers.insert(v.number);
      return;
    }
    std::vector<Symbol> found;
    for (const auto& v : values)
      if (v.kind == Const::Kind::strings) found.insert(found.end(), v.strings.begin(), v.strings.end());
    if (values.empty()) return;  // not a constant: no constraint the planner can read
    auto& filter = q.filters[f];
    if (op == "in" || op == "==") {
      if (!filter.allowed) filter.allowed = found;
      else {
        std::vector<Symbol> both;
        for (auto s : *filter.allowed)
          if (std::find(found.begin(), found.end(), s) != found.end()) both.push_back(s);
        filter.allowed = both;
      }
    } else if (op == "not in" || op == "!=") {
      filter.excluded.insert(found.begin(), found.end());
    }
  }

  void add_query(UsageQuery q) {
    if (q.measure == no_symbol) return;
    if (std::find_if(facts_.queries.begin(), facts_.queries.end(), [&](const UsageQuery& o) {
          return !(o < q) && !(q < o);
        }) == facts_.queries.end())
      facts_.queries.push_back(std::move(q));
  }
  void add_person(PersonTemplate t) {
    if (std::find_if(facts_.people.begin(), facts_.people.end(), [&](const PersonTemplate& o) { return o.all == t.all; }) ==
        facts_.people.end())
      facts_.people.push_back(std::move(t));
  }

  Facts& facts_;
  std::set<const ast::LetDecl*> visited_lets_;
};

}  // namespace

bool UsageQuery::operator<(const UsageQuery& o) const {
  auto key = [](const UsageQuery& q) {
    std::vector<std::tuple<int, std::vector<Symbol>, std::vector<Symbol>, bool, bool>> fs;
    for (const auto& [f, flt] : q.filters)
      fs.emplace_back(int(f), flt.allowed.value_or(std::vector<Symbol>{}),
                      std::vector<Symbol>(flt.excluded.begin(), flt.excluded.end()), flt.allowed.has_value(), flt.keyed);
    return std::tuple(q.measure, fs, q.month_offsets);
  };
  return key(*this) < key(o);
}

std::string PersonTemplate::label() const {
  std::string s;
  for (auto c : codes()) s += (s.empty() ? "" : " + ") + std::string(symbols().name(c));
  return s;
}

std::vector<Symbol> PersonTemplate::codes() const {
  std::vector<Symbol> out;
  for (const auto* r : all)
    for (auto c : r->codes)
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  return out;
}

Facts metric_facts(const ast::MetricDecl& metric) {
  Facts facts;
  Reader reader(facts);
  for (const auto& let : metric.lets)
    if (let->body && !let->is_function) reader.visit(*let->body, Env{}, 0);
  for (const auto& r : metric.requires_)
    if (r.condition) reader.visit(*r.condition, Env{}, 0);
  if (metric.value) reader.visit(*metric.value, Env{}, 0);
  if (metric.value_when) reader.visit(*metric.value_when, Env{}, 0);
  if (metric.score) reader.visit_form(*metric.score);
  return facts;
}

Facts expression_facts(const ast::Expr& e) {
  Facts facts;
  Reader reader(facts);
  reader.visit(e, Env{}, 0);
  return facts;
}

std::vector<std::string> attained_reads(const ast::Expr& e) {
  std::vector<std::string> out;
  if (is_native(e, Native::attained) && !e.args.empty()) out.push_back(e.args[0]->text);
  for (const auto& a : e.args)
    for (auto& s : attained_reads(*a)) out.push_back(std::move(s));
  return out;
}

}  // namespace pcs::planner
