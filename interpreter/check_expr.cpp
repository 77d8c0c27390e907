// Checking expressions: names, types and units. Each error says what was
// found and what was expected, in plain words.
#include <fmt/format.h>

#include <algorithm>

#include "interpreter/checker_impl.hpp"
#include "interpreter/clone.hpp"
#include "interpreter/natives.hpp"

namespace pcs::checker::detail {

using ast::Expr;
using ast::ExprKind;
using Kind = ast::Resolution::Kind;

namespace {



std::string type_key(const Type& t) {
  return fmt::format("{}.{}.{}.{}.{}", static_cast<int>(t.kind), static_cast<int>(t.unit),
                     static_cast<int>(t.element), static_cast<int>(t.table), t.keys);
}

}  // namespace

/// The deepest row frame below `level` that any field inside `e` reads.
int frame_below(const Expr& e, int level) {
  int best = (e.target.kind == Kind::field && e.target.frame < level) ? e.target.frame : 0;
  for (const auto& a : e.args) best = std::max(best, frame_below(*a, level));
  return best;
}

Type Checker::expect(Expr& e, Scope& scope, TypeKind kind, std::string_view what) {
  auto t = check(e, scope);
  if (t.kind != TypeKind::error && t.kind != kind) {
    error(e.pos, "type-mismatch", fmt::format("{} must be {}, but this is {}", what, describe(Type::of(kind)), describe(t)));
    return Type::error();
  }
  return t;
}

Type Checker::check(Expr& e, Scope& scope) {
  Type t;
  switch (e.kind) {
    case ExprKind::number:
      t = Type::number(e.text.empty() ? Unit::none : unit_from_name(e.text).value_or(Unit::none));
      break;
    case ExprKind::string:
      e.target.symbol = symbols().intern(e.text);
      t = Type::of(TypeKind::string);
      break;
    case ExprKind::month:
      if (auto m = parse_month(e.text)) { e.month = *m; t = Type::of(TypeKind::month); }
      else error(e.pos, "bad-literal", fmt::format("'{}' is not a real month (expected YYYY-MM with a month from 01 to 12)", e.text));
      break;
    case ExprKind::date:
      if (auto d = parse_date(e.text)) { e.date = *d; t = Type::of(TypeKind::date); }
      else error(e.pos, "bad-literal", fmt::format("'{}' is not a real date", e.text));
      break;
    case ExprKind::boolean: t = Type::of(TypeKind::boolean); break;
    case ExprKind::none: t = Type::of(TypeKind::none); break;
    case ExprKind::cert_code:
    case ExprKind::holding: t = check_certification_value(e, scope); break;
    case ExprKind::set: {
      Type element;
      bool broken = false;
      for (auto& a : e.args) {
        auto at = check(*a, scope);
        if (at.kind == TypeKind::error) { broken = true; continue; }
        if (at.kind != TypeKind::string && at.kind != TypeKind::certification) {
          error(a->pos, "type-mismatch", fmt::format("a set holds text or certifications, not {}", describe(at)));
        } else if (element.kind == TypeKind::error) {
          element = at;
        } else if (element.kind != at.kind) {
          error(a->pos, "type-mismatch", fmt::format("a set holds values of one kind: this is {}, the first element is {}", describe(at), describe(element)));
        }
      }
      // A set with a broken element is broken: no second error about the set itself.
      if (!broken) t = Type::set_of(element.kind == TypeKind::certification ? TypeKind::certification : TypeKind::string, Unit::none);
      break;
    }
    case ExprKind::name: t = check_name(e, scope); break;
    case ExprKind::call: t = check_call(e, scope); break;
    case ExprKind::negate: {
      auto a = check(*e.args[0], scope);
      if (a.kind == TypeKind::number) t = a;
      else if (a.kind != TypeKind::error) error(e.pos, "type-mismatch", fmt::format("only numbers can be negated, not {}", describe(a)));
      break;
    }
    case ExprKind::not_: t = expect(*e.args[0], scope, TypeKind::boolean, "the operand of 'not'"); break;
    case ExprKind::binary: t = check_binary(e, scope); break;
    case ExprKind::is_none: check(*e.args[0], scope); t = Type::of(TypeKind::boolean); break;
    case ExprKind::range: {
      auto lo = expect(*e.args[0], scope, TypeKind::month, "the start of a range");
      auto hi = expect(*e.args[1], scope, TypeKind::month, "the end of a range");
      if (lo.kind != TypeKind::error && hi.kind != TypeKind::error) t = Type::of(TypeKind::month_range);
      break;
    }
    case ExprKind::where:
    case ExprKind::group_by:
    case ExprKind::distinct: t = check_query(e, scope); break;
    case ExprKind::if_: {
      expect(*e.args[0], scope, TypeKind::boolean, "the condition of 'if'");
      auto a = check(*e.args[1], scope);
      auto b = check(*e.args[2], scope);
      if (a.kind != TypeKind::error && b.kind != TypeKind::error && !(a == b))
        error(e.args[2]->pos, "type-mismatch", fmt::format("both branches of 'if' must have the same type: 'then' gives {}, 'else' gives {}", describe(a), describe(b)));
      else t = a.kind == TypeKind::error ? b : a;
      break;
    }
    case ExprKind::choose_path: {
      if (!scope.designation || scope.designation->paths.empty()) {
        error(e.pos, "no-paths", "'choose path' needs a designation that declares paths ('path enterprise when ...')");
        break;
      }
      for (const auto& p : scope.designation->paths)
        if (std::find(e.names.begin(), e.names.end(), p.id) == e.names.end())
          error(e.pos, "missing-path", fmt::format("'choose path' gives no value for the path '{}'", p.id));
      for (std::size_t i = 0; i < e.names.size(); ++i) {
        const auto& paths = scope.designation->paths;
        if (std::none_of(paths.begin(), paths.end(), [&](const auto& p) { return p.id == e.names[i]; }))
          error(e.name_pos[i], "unknown-path", fmt::format("the designation has no path named '{}'", e.names[i]));
        auto vt = check(*e.args[i], scope);
        if (t.kind == TypeKind::error) t = vt;
        else if (vt.kind != TypeKind::error && !(vt == t))
          error(e.args[i]->pos, "type-mismatch", fmt::format("every path must give the same type: this is {}, the first is {}", describe(vt), describe(t)));
      }
      break;
    }
    case ExprKind::every_metric: {
      e.op = ast::binary_op(e.text);
      if (!scope.attained) {
        error(e.pos, "misplaced", "'every metric' can only be used in the 'attained when' rule of a designation");
        break;
      }
      auto b = expect(*e.args[0], scope, TypeKind::number, "the bound after 'every metric'");
      const bool plain_zero = e.args[0]->kind == ExprKind::number && e.args[0]->text.empty() && e.args[0]->number.is_zero();
      if (b.kind == TypeKind::number && b.unit != Unit::points && !plain_zero)
        error(e.args[0]->pos, "unit-mismatch", fmt::format("metric points are compared with points, not {}", unit_words(b.unit)));
      t = Type::of(TypeKind::boolean);
      break;
    }
  }
  for (const auto& a : e.args)
    if (e.kind != ExprKind::where && e.kind != ExprKind::group_by && e.kind != ExprKind::distinct)
      e.max_frame = std::max(e.max_frame, a->max_frame);
  e.type = t;
  return t;
}

Type Checker::check_name(Expr& e, Scope& scope) {
  const std::string& name = e.text;
  // partner.market, partner.id, partner.name, partner.attributes.X
  if (name.rfind("partner.", 0) == 0) {
    const std::string rest = name.substr(8);
    if (rest == "market" || rest == "id" || rest == "name") {
      e.target.kind = Kind::partner_field;
      e.target.symbol = symbols().intern(rest);
      return Type::of(TypeKind::string);
    }
    if (rest.rfind("attributes.", 0) == 0 && rest.size() > 11) {
      e.target.kind = Kind::partner_attribute;
      e.target.symbol = symbols().intern(rest.substr(11));
      return Type::of(TypeKind::string);
    }
    error(e.pos, "unknown-name", fmt::format("the partner has no field '{}'", rest),
          "use partner.id, partner.name, partner.market or partner.attributes.NAME");
    return Type::error();
  }
  if (name.find('.') != std::string::npos) {
    error(e.pos, "unknown-name", fmt::format("'{}': only partner fields are written with a dot", name));
    return Type::error();
  }
  // Fields of the rows of enclosing `where`s, innermost first.
  if (auto field = field_from_name(name)) {
    for (int level = static_cast<int>(scope.frames.size()); level >= 1; --level) {
      const auto& rows = scope.frames[level - 1];
      if (!rows.has_field(*field)) continue;
      if (scope.function)
        for (const auto& p : scope.function->params)
          if (p.name == name) {
            error(e.pos, "shadowed", fmt::format("'{}' here is the field of the rows, which hides the parameter '{}'", name, name),
                  fmt::format("rename the parameter of '{}', for example '{}_'", scope.function->name, name));
            return Type::error();
          }
      e.target.kind = Kind::field;
      e.target.index = static_cast<int>(*field);
      e.target.frame = level;
      e.max_frame = level;
      if (*field == Field::value) return Type::number(rows.unit);
      if (*field == Field::month || *field == Field::since) return Type::of(TypeKind::month);
      return Type::of(TypeKind::string);
    }
  }
  if (scope.in_score && name == "value") {
    e.target.kind = Kind::builtin;
    e.target.index = -1;  // the metric's value
    return scope.metric_value;
  }
  if (scope.function && scope.param_types) {
    for (std::size_t i = 0; i < scope.function->params.size(); ++i)
      if (scope.function->params[i].name == name) {
        e.target.kind = Kind::function_param;
        e.target.index = static_cast<int>(i);
        return (*scope.param_types)[i];
      }
  }
  if (auto* let = find_let(name, scope)) {
    if (let->is_function) {
      error(e.pos, "type-mismatch", fmt::format("'{}' is a function: call it with its arguments, as in {}(...)", name, name));
      return Type::error();
    }
    e.target.kind = Kind::let;
    e.target.let = let;
    let->used = true;
    return let_type(*let, scope);
  }
  if (auto c = rs_.certifications.find(name); c != rs_.certifications.end()) return check_certification_value(e, scope);
  if (rs_.measures.count(name)) {
    error(e.pos, "type-mismatch", fmt::format("'{}' is a measure: write usage({}) for its rows", name, name));
    return Type::error();
  }
  if (auto b = find_builtin_name(name)) {
    e.target.kind = Kind::builtin;
    e.target.index = static_cast<int>(*b);
    if (*b == BuiltinName::as_of) { e.target.kind = Kind::as_of; return Type::of(TypeKind::month); }
    if (*b == BuiltinName::customers) return Type::rows(TableKind::customers, Unit::none);
    if (*b == BuiltinName::associations) return Type::rows(TableKind::associations, Unit::none);
    return Type::rows(TableKind::people, Unit::none);
  }
  if (name == "path" && scope.designation && !scope.designation->paths.empty()) {
    if (scope.path_selection) {
      error(e.pos, "cycle", "a path condition cannot depend on the path being chosen");
      return Type::error();
    }
    e.target.kind = Kind::path;
    return Type::of(TypeKind::path);
  }
  if (name == "total" && scope.attained) {
    e.target.kind = Kind::total;
    return Type::number(Unit::points);
  }
  // In the attainment rule a metric's id stands for its points, for rules
  // such as Security's "points in each subcategory" over two halves.
  if (scope.attained && scope.designation) {
    int index = 0;
    for (const auto& use : scope.designation->categories) {
      if (!use.category) continue;
      for (const auto& m : use.category->metrics) {
        if (m->id == name) {
          e.target.kind = Kind::metric_points;
          e.target.index = index;
          return Type::number(Unit::points);
        }
        ++index;
      }
    }
  }
  if (field_from_name(name) && scope.frames.empty()) {
    error(e.pos, "unknown-name", fmt::format("'{}' is a field of rows and can only be used inside 'where'", name));
  } else if (field_from_name(name)) {
    std::string fields;
    for (int f = 0; f < static_cast<int>(Field::count_); ++f)
      if (scope.frames.back().has_field(static_cast<Field>(f)))
        fields += (fields.empty() ? "" : ", ") + std::string(field_name(static_cast<Field>(f)));
    error(e.pos, "unknown-field", fmt::format("{} have no field '{}'; their fields are {}", describe(scope.frames.back()), name, fields));
  } else
    error_with_fix(e.pos, "unknown-name", fmt::format("nothing named '{}' is defined", name), suggest(name, scope));
  return Type::error();
}

Type Checker::check_call(Expr& e, Scope& scope) {
  if (auto native = find_native(e.text)) {
    const int n = static_cast<int>(e.args.size());
    if (n < native->min_arity || n > native->arity) {
      error(e.pos, "arity", fmt::format("{} takes {} argument{}: {}", native->name, native->arity, native->arity == 1 ? "" : "s", native->signature));
      return Type::error();
    }
    e.target.kind = Kind::builtin;
    e.target.index = static_cast<int>(native->id);
    return check_native(e, scope, static_cast<int>(native->id));
  }
  auto* fn = find_let(e.text, scope);
  if (!fn) {
    error_with_fix(e.pos, "unknown-name", fmt::format("no function named '{}' is defined", e.text), suggest(e.text, scope));
    return Type::error();
  }
  if (!fn->is_function) {
    error(e.pos, "type-mismatch", fmt::format("'{}' is a value, not a function: write it without parentheses", e.text));
    return Type::error();
  }
  return check_function_call(e, scope, *fn);
}

Type Checker::check_function_call(Expr& e, Scope& scope, ast::LetDecl& fn) {
  fn.used = true;
  if (e.args.size() != fn.params.size()) {
    error(e.pos, "arity", fmt::format("'{}' takes {} argument{}, but {} {} given", fn.name, fn.params.size(),
                                      fn.params.size() == 1 ? "" : "s", e.args.size(), e.args.size() == 1 ? "is" : "are"));
    return Type::error();
  }
  std::vector<Type> arg_types;
  std::string key = fmt::format("{}@{}:{}:{}", fn.name, fn.pos.file, fn.pos.line, fn.pos.column);
  for (auto& a : e.args) {
    arg_types.push_back(check(*a, scope));
    if (arg_types.back().kind == TypeKind::error) return Type::error();
    key += "|" + type_key(arg_types.back());
  }
  // Each distinct list of argument types gets its own checked copy of the body.
  auto found = instances_.find(key);
  ast::LetDecl* instance = found == instances_.end() ? nullptr : found->second;
  if (!instance) {
    rs_.instances.push_back(ast::clone(fn));
    instance = rs_.instances.back().get();
    instances_[key] = instance;
    let_state_[instance] = LetState::checking;
    Scope body_scope;
    body_scope.function = instance;
    body_scope.param_types = &arg_types;
    const auto errors_before = out_.error_count();
    auto t = check(*instance->body, body_scope);
    if (out_.error_count() != errors_before) {
      std::string types;
      for (const auto& a : arg_types) types += (types.empty() ? "" : ", ") + describe(a);
      out_.add({Severity::note, "called-here", e.pos, fmt::format("'{}' was called here with {}", fn.name, types), {}});
    }
    instance->body->type = t;
    let_state_[instance] = LetState::done;
  } else if (let_state_[instance] == LetState::checking) {
    error(e.pos, "cycle", fmt::format("'{}' calls itself; rules cannot be recursive", fn.name));
    return Type::error();
  }
  e.target.kind = Kind::let;
  e.target.let = instance;
  return instance->body->type;
}

Type Checker::check_query(Expr& e, Scope& scope) {
  auto rows = check(*e.args[0], scope);
  e.max_frame = e.args[0]->max_frame;
  if (rows.kind == TypeKind::error) return rows;
  if (rows.kind != TypeKind::rows) {
    const char* op = e.kind == ExprKind::where ? "'where' filters" : e.kind == ExprKind::group_by ? "'by' groups" : "'distinct' reads";
    error(e.args[0]->pos, "type-mismatch", fmt::format("{} rows, but this is {}", op, describe(rows)));
    return Type::error();
  }
  if (e.kind == ExprKind::where) {
    scope.frames.push_back(rows);
    const int level = static_cast<int>(scope.frames.size());
    expect(*e.args[1], scope, TypeKind::boolean, "the condition after 'where'");
    scope.frames.pop_back();
    e.max_frame = std::max(e.max_frame, frame_below(*e.args[1], level));
    return rows;
  }
  if (e.kind == ExprKind::distinct) {
    auto field = field_from_name(e.text);
    if (!field || !rows.has_field(*field) || *field == Field::value || *field == Field::month || *field == Field::since) {
      error(e.name_pos[0], "unknown-field", fmt::format("{} have no text field '{}' to take distinct values of", describe(rows), e.text));
      return Type::error();
    }
    e.target.index = static_cast<int>(*field);
    return Type::set_of(TypeKind::string, count_unit(*field));
  }
  // group_by
  if (rows.table != TableKind::usage && rows.table != TableKind::grouped) {
    error(e.args[0]->pos, "type-mismatch", fmt::format("'by' groups usage rows, but this is {}", describe(rows)));
    return Type::error();
  }
  std::uint16_t keys = 0;
  for (std::size_t i = 0; i < e.names.size(); ++i) {
    auto field = field_from_name(e.names[i]);
    if (!field || !rows.has_field(*field) || *field == Field::value || *field == Field::measure) {
      error(e.name_pos[i], "unknown-field", fmt::format("usage rows cannot be grouped by '{}'", e.names[i]),
            "group by tenant, month, service, service_group, service_level_4, service_influencer, workload, product, "
            "offer, association or area");
      return Type::error();
    }
    keys |= static_cast<std::uint16_t>(1u << static_cast<unsigned>(*field));
  }
  return Type::rows(TableKind::grouped, rows.unit, keys);
}

Type Checker::check_certification_value(Expr& e, Scope& scope) {
  if (e.kind == ExprKind::cert_code) {
    e.target.requirement = requirement_for_code(e.text);
    if (!e.target.requirement) {
      std::string closest;
      std::size_t best = 3;
      for (const auto& [code, _] : rs_.codes)
        if (auto d = edit_distance(code, e.text); d < best) { best = d; closest = code; }
      error_with_fix(e.pos, "unknown-certification", fmt::format("no certification in the catalogue has the exam code {}", e.text),
                     closest, false);
      return Type::error();
    }
    e.target.kind = Kind::certification;
    return Type::of(TypeKind::certification);
  }
  if (e.kind == ExprKind::name) {
    const auto* decl = rs_.certifications.at(e.text);
    e.target.kind = Kind::certification;
    e.target.certification = decl;
    e.target.requirement = requirement_for(*decl);
    return Type::of(TypeKind::certification);
  }
  // people holding [any of | all of] spec
  auto people = check(*e.args[0], scope);
  auto spec = check(*e.args[1], scope);
  if (people.kind != TypeKind::error && !(people.kind == TypeKind::rows && people.table == TableKind::people))
    error(e.args[0]->pos, "type-mismatch", fmt::format("'holding' selects from people, but this is {}", describe(people)));
  const bool is_set = spec.kind == TypeKind::set && spec.element == TypeKind::certification;
  if (spec.kind != TypeKind::error && spec.kind != TypeKind::certification && !is_set)
    error(e.args[1]->pos, "type-mismatch", fmt::format("'holding' needs a certification or a set of certifications, not {}", describe(spec)));
  else if (is_set && e.text == "one")
    error(e.args[1]->pos, "type-mismatch", "a set of certifications needs 'any of' or 'all of' after 'holding'");
  return Type::rows(TableKind::people, Unit::none);
}

}  // namespace pcs::checker::detail
