// Checking the calls of native primitives against their signatures
// (interpreter/natives.hpp): usage, sum, count, min, max, floor, coverage,
// attained, number.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/checker_impl.hpp"
#include "interpreter/natives.hpp"

namespace pcs::checker::detail {

using ast::Expr;
using ast::ExprKind;

namespace {
}  // namespace

Type Checker::check_native(Expr& e, Scope& scope, int native) {
  switch (static_cast<Native>(native)) {
    case Native::usage: {
      auto& arg = *e.args[0];
      auto m = arg.kind == ExprKind::name ? rs_.measures.find(arg.text) : rs_.measures.end();
      if (m == rs_.measures.end()) {
        std::string known;
        for (const auto& [n, _] : rs_.measures) known += (known.empty() ? "" : ", ") + n;
        error(arg.pos, "unknown-measure", fmt::format("usage() takes the name of a measure; known measures: {}", known));
        return Type::error();
      }
      e.target.measure = m->second;
      e.target.symbol = symbols().intern(m->second->name);
      return Type::rows(TableKind::usage, unit_from_name(m->second->unit).value_or(Unit::none));
    }
    case Native::sum: {
      auto rows = check(*e.args[0], scope);
      if (rows.kind == TypeKind::error) return rows;
      if (e.args.size() == 2) {
        // sum(rows, expression): the expression is read per row, fields in scope.
        if (rows.kind != TypeKind::rows) {
          error(e.args[0]->pos, "type-mismatch", fmt::format("sum() goes over rows, but this is {}", describe(rows)));
          return Type::error();
        }
        scope.frames.push_back(rows);
        const int level = static_cast<int>(scope.frames.size());
        auto t = expect(*e.args[1], scope, TypeKind::number, "the expression summed per row");
        scope.frames.pop_back();
        e.max_frame = std::max(e.args[0]->max_frame, frame_below(*e.args[1], level));
        return t;
      }
      if (rows.kind != TypeKind::rows || (rows.table != TableKind::usage && rows.table != TableKind::grouped)) {
        error(e.args[0]->pos, "type-mismatch", fmt::format("sum() adds up the values of usage rows, but this is {}", describe(rows)));
        return Type::error();
      }
      return Type::number(rows.unit);
    }
    case Native::count: {
      auto x = check(*e.args[0], scope);
      if (x.kind == TypeKind::set) return Type::number(x.unit);
      if (x.kind == TypeKind::rows) {
        switch (x.table) {
          case TableKind::customers: return Type::number(Unit::customers);
          case TableKind::people: return Type::number(Unit::people);
          case TableKind::usage:
          case TableKind::associations: return Type::number(Unit::none);
          case TableKind::grouped:
            for (int f = 0; f < static_cast<int>(Field::count_); ++f)
              if (x.keys == (1u << f)) return Type::number(count_unit(static_cast<Field>(f)));
            return Type::number(Unit::none);
        }
      }
      if (x.kind != TypeKind::error)
        error(e.args[0]->pos, "type-mismatch", fmt::format("count() counts rows or the elements of a set, not {}", describe(x)));
      return Type::error();
    }
    case Native::min:
    case Native::max: {
      auto a = expect(*e.args[0], scope, TypeKind::number, fmt::format("the first argument of {}()", e.text));
      auto b = expect(*e.args[1], scope, TypeKind::number, fmt::format("the second argument of {}()", e.text));
      if (a.kind == TypeKind::error || b.kind == TypeKind::error) return Type::error();
      if (a.unit != b.unit) {
        error(e.pos, "unit-mismatch", fmt::format("{}() compares numbers of one unit, not {} and {}", e.text, unit_words(a.unit), unit_words(b.unit)));
        return Type::error();
      }
      return a;
    }
    case Native::floor: return expect(*e.args[0], scope, TypeKind::number, "the argument of floor()");
    case Native::coverage: {
      auto people = check(*e.args[0], scope);
      auto certs = check(*e.args[1], scope);
      if (people.kind != TypeKind::error && !(people.kind == TypeKind::rows && people.table == TableKind::people))
        error(e.args[0]->pos, "type-mismatch", fmt::format("coverage() reads people, but this is {}", describe(people)));
      if (certs.kind != TypeKind::error && !(certs.kind == TypeKind::set && certs.element == TypeKind::certification))
        error(e.args[1]->pos, "type-mismatch", fmt::format("coverage() needs a set of certifications, not {}", describe(certs)));
      return Type::number(Unit::people);
    }
    case Native::number: {
      auto t = check(*e.args[0], scope);
      if (t.kind != TypeKind::error && t.kind != TypeKind::string && t.kind != TypeKind::none)
        error(e.args[0]->pos, "type-mismatch", fmt::format("number() reads a text such as an attribute, not {}", describe(t)));
      return Type::number(Unit::none);
    }
    case Native::attained: {
      if (!scope.outcomes) {
        error(e.pos, "misplaced", "attained(...) can only be used in badges and specializations");
        return Type::error();
      }
      const auto& arg = *e.args[0];
      if (arg.kind != ExprKind::string || !rs_.find_designation(arg.text)) {
        std::string known;
        for (const auto* d : rs_.designations) known += (known.empty() ? "" : ", ") + d->id;
        error(arg.pos, "unknown-designation", fmt::format("attained() takes a designation id in quotes; the ruleset has: {}", known));
        return Type::error();
      }
      return Type::of(TypeKind::boolean);
    }
  }
  return Type::error();
}

}  // namespace pcs::checker::detail
