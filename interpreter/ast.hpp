// The abstract syntax tree built by the parser actions. Every node keeps its
// source position so that the checker and the evaluator can point at it.
// Expressions use one node type (kind + children) so that the checker and the
// evaluator each switch over a single enum; the checker fills the `Checked`
// part of each node and the evaluator reads only checked trees.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/calendar.hpp"
#include "common/decimal.hpp"
#include "common/diagnostics.hpp"
#include "common/symbols.hpp"
#include "interpreter/types.hpp"

namespace pcs::ast {

enum class ExprKind {
  number,       // 30 points, 1000 USD, 0.5          text = unit name ("" for none)
  string,       // "Support"                         text = value
  month,        // 2024-07                           month
  date,         // 2024-07-31                        date
  boolean,      // true / false                      flag
  none,         // none
  cert_code,    // AZ-104                            text = code
  set,          // { a, b, c }                       args = elements
  name,         // eligible_acr, partner.market      text = dotted name
  call,         // f(a, b)                           text = callee, args
  negate,       // -x                                args[0]
  not_,         // not x                             args[0]
  binary,       // a + b, a and b, a in b, ...       text = operator, args[0..1]
  is_none,      // x is none / x is not none         flag = negated
  range,        // M - 11 .. M                       args[0..1]
  where,        // rows where predicate              args[0] rows, args[1] predicate
  group_by,     // rows by tenant, month             args[0] rows, names = fields
  distinct,     // distinct tenant of rows           text = field, args[0]
  holding,      // people holding any of {...}       text = "one" | "any" | "all", args[0] people, args[1] spec
  if_,          // if c then a else b                args[0..2]
  choose_path,  // choose path { smb: a, ... }       names = path ids, args = values
  every_metric, // every metric > 0 points           text = operator, args[0] bound
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

/// The operator of a `binary` or `every_metric` expression, decoded from its
/// text by the checker so that the evaluator switches on a number instead of
/// comparing strings for every row.
enum class BinaryOp : std::uint8_t {
  unknown, and_, or_, in, not_in, add, subtract, multiply, divide, intersect, eq, ne, lt, le, gt, ge
};

/// The BinaryOp written `text` ("and", ">=", "not in", ...); unknown for any other text.
BinaryOp binary_op(std::string_view text);

struct LetDecl;
struct CertificationDecl;
struct MeasureDecl;

/// A checked certification requirement: a person satisfies it at month M
/// when they hold every code at M and M is within the validity window.
struct CertRequirement {
  std::string label;                    // "azure_administrator" or "AZ-104"
  std::vector<Symbol> codes;
  std::optional<MonthIndex> counts_through;
};

/// What the checker resolved a name to; the evaluator dispatches on `kind`.
struct Resolution {
  enum class Kind {
    unresolved, let, function_param, builtin, field, certification, measure,
    as_of, total, metric_points, path, partner_field, partner_attribute
  };
  Kind kind = Kind::unresolved;
  const LetDecl* let = nullptr;               // let / fn
  const CertificationDecl* certification = nullptr;
  const MeasureDecl* measure = nullptr;
  const CertRequirement* requirement = nullptr;
  Symbol symbol = no_symbol;  // interned string literal, measure name, attribute name
  int index = 0;              // parameter slot, builtin id, field id, metric (in designation order)
  int frame = 0;              // fields: 1-based row frame they are read from
};

struct Expr {
  ExprKind kind;
  SourcePos pos;
  std::string text;
  Decimal number;
  MonthIndex month = 0;
  DayNumber date = 0;
  bool flag = false;
  std::vector<ExprPtr> args;
  std::vector<std::string> names;
  std::vector<SourcePos> name_pos;

  // Filled by the checker.
  Type type;
  Resolution target;
  int max_frame = 0;  // deepest row frame any field inside reads (0: row-independent)
  BinaryOp op = BinaryOp::unknown;  // binary, every_metric: binary_op(text)

  Expr(ExprKind k, SourcePos p) : kind(k), pos(std::move(p)) {}
};

struct Param {
  std::string name;
  SourcePos pos;
};

/// `let name = expr` or `fn name(a, b) = expr`.
struct LetDecl {
  /// Where it is declared: top level, in a designation, or in a metric (or
  /// specialization); decides what it can see and how long its value is cached.
  enum class Scope { global, designation, metric };
  std::string name;
  SourcePos pos;
  Scope scope = Scope::global;
  bool is_function = false;
  std::vector<Param> params;
  ExprPtr body;
  bool is_override = false;  // `override let`: replaces an imported definition
  bool used = false;  // set by the checker; unused definitions are reported by `check`
};

/// `measure acr in USD`
struct MeasureDecl {
  std::string name;
  std::string unit;
  SourcePos pos;
};

/// `certification azure_administrator "Azure Administrator Associate" = AZ-104`
struct CertificationDecl {
  std::string name;
  std::string title;
  std::vector<std::string> codes;  // every code is required ("AZ-800 and AZ-801")
  std::vector<SourcePos> code_pos;
  std::optional<MonthIndex> counts_through;
  SourcePos pos;
};

/// A scoring form: how a metric's value turns into points.
struct ScoreForm;
using ScoreFormPtr = std::unique_ptr<ScoreForm>;
struct ScoreForm {
  enum class Kind { rate, proportional, expression, choose_path, if_ };
  Kind kind = Kind::expression;
  SourcePos pos;
  // rate: `10 points per customer up to 3 customers`
  Decimal rate_points;
  std::string per_unit;
  ExprPtr up_to;  // optional cap on the counted value
  // proportional: `proportional to 3 customers`; expression: `= expr`
  ExprPtr expr;
  // choose_path: labels and forms; if_: expr = condition, forms[0], forms[1]
  std::vector<std::string> labels;
  std::vector<SourcePos> label_pos;
  std::vector<ScoreFormPtr> forms;
};

struct Require {
  ExprPtr condition;
  SourcePos pos;
  std::string text;  // the condition as written, for explanations
};

struct MetricDecl {
  std::string id;
  std::string category;  // id of the enclosing category
  std::string title;
  ExprPtr max;  // a number in points
  SourcePos pos;
  std::vector<std::unique_ptr<LetDecl>> lets;
  std::vector<Require> requires_;
  ExprPtr value;
  ExprPtr value_when;  // optional: value is null (not scorable) when false
  ScoreFormPtr score;
};

struct CategoryDecl {
  std::string id;
  std::string title;
  bool is_override = false;
  ExprPtr max;  // optional declared maximum
  SourcePos pos;
  std::vector<std::unique_ptr<MetricDecl>> metrics;
};

struct PathDecl {
  std::string id;
  ExprPtr condition;  // null for `otherwise`
  SourcePos pos;
};

/// A designation lists its categories: declared inline or `use`d from a
/// category declared at top level (shared between designations).
struct CategoryUse {
  std::string name;
  SourcePos pos;
  const CategoryDecl* category = nullptr;  // inline or resolved by the checker
};

struct DesignationDecl {
  std::string id;
  std::string title;
  SourcePos pos;
  bool is_override = false;  // `override designation`: replaces the imported version's designation
  std::vector<PathDecl> paths;
  std::vector<std::unique_ptr<LetDecl>> lets;
  std::vector<std::unique_ptr<CategoryDecl>> own_categories;
  std::vector<CategoryUse> categories;  // in order of appearance
  ExprPtr attained;
  std::string attained_text;  // the rule as written, for explanations
};

/// `badge microsoft_cloud "Microsoft Cloud" when attained("infrastructure") and ...`
struct BadgeDecl {
  std::string id;
  std::string title;
  ExprPtr condition;
  SourcePos pos;
  bool is_override = false;
};

/// `specialization id "Title" for designation-id { let ... require ... }`:
/// passes when the designation is attained and every requirement holds.
/// The body is kept as a metric (lets and requires) so it is checked and
/// evaluated like one.
struct SpecializationDecl {
  std::string id;
  std::string title;
  std::vector<std::string> designations;  // `for a or b`: any one of them attained
  std::vector<SourcePos> designation_pos;
  SourcePos pos;
  bool is_override = false;
  /// `requirements not published`: the document names it without its
  /// requirements; it is listed, never passed or failed. `body` is empty.
  bool unpublished = false;
  std::unique_ptr<MetricDecl> body;
  // Filled by the checker: the designation whose scope the requirements were
  // checked in (of the specialization's own version), and so are evaluated in.
  const DesignationDecl* scope_designation = nullptr;
};

struct ProgramDecl {
  std::string id;
  std::string name;
  std::optional<DayNumber> effective;
  std::string source;
  SourcePos pos;
};

struct Import {
  std::string path;
  SourcePos pos;
  bool whole_version = false;  // `import version "../2023-06"`: a program version folder
};

/// One parsed rule file.
struct Module {
  std::string file;
  std::vector<Import> imports;
  std::vector<std::unique_ptr<ProgramDecl>> programs;
  std::vector<std::unique_ptr<MeasureDecl>> measures;
  std::vector<std::unique_ptr<CertificationDecl>> certifications;
  std::vector<std::unique_ptr<LetDecl>> lets;
  std::vector<std::unique_ptr<CategoryDecl>> categories;
  std::vector<std::unique_ptr<DesignationDecl>> designations;
  std::vector<std::unique_ptr<BadgeDecl>> badges;
  std::vector<std::unique_ptr<SpecializationDecl>> specializations;
};

}  // namespace pcs::ast
