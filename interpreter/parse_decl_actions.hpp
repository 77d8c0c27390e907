// Parser actions for declarations and scoring forms (expressions are in
// parse_actions.hpp). Each opens or completes one declaration of the AST.
#pragma once

#include <utility>

#include "interpreter/parse_actions.hpp"

namespace pcs::parser::detail {

template <> struct action<g::req_let_name> : push_name {};
template <> struct action<g::req_measure_name> : push_name {};
template <> struct action<g::req_certification_name> : push_name {};
template <> struct action<g::req_metric_id> : push_name {};
template <> struct action<g::req_category_id> : push_name {};
template <> struct action<g::req_designation_id> : push_name {};
template <> struct action<g::req_use_name> : push_name {};
template <> struct action<g::param> : push_name {};
template <> struct action<g::req_measure_unit> : push_name {};
template <> struct action<g::req_rate_unit> {
  template <typename I> static void apply(const I& in, ParseState& s) { s.rate_unit = in.string(); }
};

// import <- 'import' 'version'? string
template <> struct action<g::import_version> {
  template <typename I> static void apply(const I&, ParseState& s) { s.pending_version = true; }
};
template <> struct action<g::import_decl> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    s.module.imports.push_back({s.pop_string(), pos_of(in, s), std::exchange(s.pending_version, false)});
  }
};

// program <- 'program' string '{' ('name' string / 'effective' date / 'source' string)* '}'
template <> struct action<g::req_program_open> {
  template <typename I> static void apply(const I&, ParseState& s) {
    auto id = s.pop_expr();
    s.program = std::make_unique<ast::ProgramDecl>();
    s.program->id = id->text;
    s.program->pos = id->pos;
  }
};
template <> struct action<g::program_name> {
  template <typename I> static void apply(const I&, ParseState& s) { s.program->name = s.pop_string(); }
};
template <> struct action<g::program_effective> {
  template <typename I> static void apply(const I&, ParseState& s) {
    auto date = s.pop_expr();
    s.program->effective = parse_date(date->text);
    if (!s.program->effective) s.diags.error("syntax", date->pos, "'" + date->text + "' is not a real date");
  }
};
template <> struct action<g::program_source> {
  template <typename I> static void apply(const I&, ParseState& s) { s.program->source = s.pop_string(); }
};
template <> struct action<g::program_decl> {
  template <typename I> static void apply(const I&, ParseState& s) { s.module.programs.push_back(std::move(s.program)); }
};

// measure <- 'measure' name 'in' unit
template <> struct action<g::measure_decl> {
  template <typename I> static void apply(const I&, ParseState& s) {
    auto unit = s.pop_name();
    auto name = s.pop_name();
    s.module.measures.push_back(std::make_unique<ast::MeasureDecl>(ast::MeasureDecl{name.text, unit.text, name.pos}));
  }
};

// certification <- 'certification' name string '=' code ('and' code)* ('counts' 'through' month)?
template <> struct action<g::kw_certification> : mark_exprs {};
template <> struct action<g::certification_decl> {
  template <typename I> static void apply(const I&, ParseState& s) {
    auto parts = pop_to_mark(s);
    auto decl = std::make_unique<ast::CertificationDecl>();
    auto name = s.pop_name();
    decl->name = name.text;
    decl->pos = name.pos;
    decl->title = parts.front()->text;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      if (parts[i]->kind == ExprKind::month) {
        decl->counts_through = parse_month(parts[i]->text);
        if (!decl->counts_through) s.diags.error("syntax", parts[i]->pos, "'" + parts[i]->text + "' is not a real month");
      } else {
        decl->codes.push_back(parts[i]->text);
        decl->code_pos.push_back(parts[i]->pos);
      }
    }
    s.module.certifications.push_back(std::move(decl));
  }
};

// let <- 'let' name '=' expr; the context decides where it belongs.
inline std::unique_ptr<ast::LetDecl> make_let(ParseState& s) {
  auto let = std::make_unique<ast::LetDecl>();
  let->body = s.pop_expr();
  auto name = s.pop_name();
  let->name = name.text;
  let->pos = name.pos;
  return let;
}
template <> struct action<g::let_decl> {
  template <typename I> static void apply(const I&, ParseState& s) {
    s.module.lets.push_back(make_let(s));
    s.module.lets.back()->is_override = std::exchange(s.pending_override, false);
  }
};
template <> struct action<g::designation_let> {
  template <typename I> static void apply(const I&, ParseState& s) {
    s.designation->lets.push_back(make_let(s));
    s.designation->lets.back()->scope = ast::LetDecl::Scope::designation;
  }
};
template <> struct action<g::metric_let> {
  template <typename I> static void apply(const I&, ParseState& s) {
    s.metric->lets.push_back(make_let(s));
    s.metric->lets.back()->scope = ast::LetDecl::Scope::metric;
  }
};

// fn <- 'fn' name '(' params ')' '=' expr
template <> struct action<g::req_fn_name> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    push_name::apply(in, s);
    s.name_marks.push_back(s.names.size());
  }
};
template <> struct action<g::fn_decl> {
  template <typename I> static void apply(const I&, ParseState& s) {
    auto let = std::make_unique<ast::LetDecl>();
    let->is_function = true;
    let->body = s.pop_expr();
    const auto mark = s.name_marks.back();
    s.name_marks.pop_back();
    for (auto i = mark; i < s.names.size(); ++i) let->params.push_back({s.names[i].text, s.names[i].pos});
    s.names.resize(mark);
    auto name = s.pop_name();
    let->name = name.text;
    let->pos = name.pos;
    let->is_override = std::exchange(s.pending_override, false);
    s.module.lets.push_back(std::move(let));
  }
};

// ------------------------------------------------------------- scoring --
// rate <- number unit 'per' unit ('up' 'to' expr)?
template <> struct action<g::rate_cap> {
  template <typename I> static void apply(const I&, ParseState& s) { s.rate_has_cap = true; }
};
template <> struct action<g::rate_form> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto form = std::make_unique<ast::ScoreForm>();
    form->kind = ast::ScoreForm::Kind::rate;
    form->pos = pos_of(in, s);
    if (s.rate_has_cap) form->up_to = s.pop_expr();
    s.rate_has_cap = false;
    auto points = s.pop_expr();
    form->rate_points = points->number;
    form->expr = std::move(points);  // kept for its unit and position
    form->per_unit = s.rate_unit;
    s.forms.push_back(std::move(form));
  }
};
template <ast::ScoreForm::Kind Kind>
struct expr_form {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto form = std::make_unique<ast::ScoreForm>();
    form->kind = Kind;
    form->pos = pos_of(in, s);
    form->expr = s.pop_expr();
    s.forms.push_back(std::move(form));
  }
};
template <> struct action<g::proportional_form> : expr_form<ast::ScoreForm::Kind::proportional> {};
template <> struct action<g::expression_form> : expr_form<ast::ScoreForm::Kind::expression> {};
template <> struct action<g::req_form_choices_open> {
  template <typename I> static void apply(const I&, ParseState& s) { s.form_marks.push_back(s.forms.size()); }
};
template <> struct action<g::choose_form> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto form = std::make_unique<ast::ScoreForm>();
    form->kind = ast::ScoreForm::Kind::choose_path;
    form->pos = pos_of(in, s);
    const auto mark = s.form_marks.back();
    s.form_marks.pop_back();
    const auto count = s.forms.size() - mark;
    for (auto i = mark; i < s.forms.size(); ++i) form->forms.push_back(std::move(s.forms[i]));
    s.forms.resize(mark);
    const auto first = s.names.size() - count;
    for (auto i = first; i < s.names.size(); ++i) {
      form->labels.push_back(s.names[i].text);
      form->label_pos.push_back(s.names[i].pos);
    }
    s.names.resize(first);
    s.forms.push_back(std::move(form));
  }
};
template <> struct action<g::if_form> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto form = std::make_unique<ast::ScoreForm>();
    form->kind = ast::ScoreForm::Kind::if_;
    form->pos = pos_of(in, s);
    auto otherwise = s.pop_form();
    auto then = s.pop_form();
    form->expr = s.pop_expr();
    form->forms.push_back(std::move(then));
    form->forms.push_back(std::move(otherwise));
    s.forms.push_back(std::move(form));
  }
};

// -------------------------------------------------------------- metrics --
// metric <- 'metric' id string 'max' expr '{' (let / require / value / score)* '}'
template <> struct action<g::req_metric_open> {
  template <typename I> static void apply(const I&, ParseState& s) {
    s.metric = std::make_unique<ast::MetricDecl>();
    s.metric->max = s.pop_expr();
    s.metric->title = s.pop_string();
    auto id = s.pop_name();
    s.metric->id = id.text;
    s.metric->pos = id.pos;
  }
};
template <> struct action<g::require_clause> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    auto condition = s.pop_expr();
    // The condition as written, on one line.
    std::string text;
    for (char c : in.string_view().substr(std::string_view("require").size())) {
      const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
      if (!space) text += c;
      else if (!text.empty() && text.back() != ' ') text += ' ';
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    s.metric->requires_.push_back({std::move(condition), pos_of(in, s), std::move(text)});
  }
};
template <> struct action<g::value_when> {
  template <typename I> static void apply(const I&, ParseState& s) { s.value_when = s.pop_expr(); }
};
template <> struct action<g::value_clause> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    if (s.metric->value) s.diags.error("duplicate", pos_of(in, s), "the metric already has a 'value' clause");
    s.metric->value = s.pop_expr();
    s.metric->value_when = std::move(s.value_when);
  }
};
template <> struct action<g::score_clause> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    if (s.metric->score) s.diags.error("duplicate", pos_of(in, s), "the metric already has a 'score' clause");
    s.metric->score = s.pop_form();
  }
};
template <> struct action<g::metric_decl> {
  template <typename I> static void apply(const I&, ParseState& s) { s.category->metrics.push_back(std::move(s.metric)); }
};

// category <- 'category' id string ('max' expr)? '{' metric* '}'
template <> struct action<g::category_max> {
  template <typename I> static void apply(const I&, ParseState& s) { s.category_has_max = true; }
};
template <> struct action<g::req_category_open> {
  template <typename I> static void apply(const I&, ParseState& s) {
    s.category = std::make_unique<ast::CategoryDecl>();
    s.category->is_override = std::exchange(s.pending_override, false);
    if (s.category_has_max) s.category->max = s.pop_expr();
    s.category_has_max = false;
    s.category->title = s.pop_string();
    auto id = s.pop_name();
    s.category->id = id.text;
    s.category->pos = id.pos;
  }
};
template <> struct action<g::category_decl> {
  template <typename I> static void apply(const I&, ParseState& s) {
    if (s.designation) {
      s.designation->categories.push_back({s.category->id, s.category->pos, s.category.get()});
      s.designation->own_categories.push_back(std::move(s.category));
    } else {
      s.module.categories.push_back(std::move(s.category));
    }
  }
};

// --------------------------------------------------------- designations --
// designation <- 'designation' id string '{' (path / let / use / category / attained)* '}'
template <> struct action<g::req_designation_open> {
  template <typename I> static void apply(const I&, ParseState& s) {
    s.designation = std::make_unique<ast::DesignationDecl>();
    s.designation->is_override = std::exchange(s.pending_override, false);
    s.designation->title = s.pop_string();
    auto id = s.pop_name();
    s.designation->id = id.text;
    s.designation->pos = id.pos;
  }
};
template <> struct action<g::path_condition> {
  template <typename I> static void apply(const I&, ParseState& s) { s.path_condition = s.pop_expr(); }
};
template <> struct action<g::path_decl> {
  template <typename I> static void apply(const I&, ParseState& s) {
    auto label = s.pop_name();
    s.designation->paths.push_back({label.text, std::move(s.path_condition), label.pos});
  }
};
template <> struct action<g::use_decl> {
  template <typename I> static void apply(const I&, ParseState& s) {
    auto name = s.pop_name();
    s.designation->categories.push_back({name.text, name.pos, nullptr});
  }
};
template <> struct action<g::attained_decl> {
  template <typename I> static void apply(const I& in, ParseState& s) {
    if (s.designation->attained) s.diags.error("duplicate", pos_of(in, s), "the designation already has an 'attained when' rule");
    s.designation->attained = s.pop_expr();
    std::string text(in.string_view());
    text.erase(0, text.find("when") + 4);
    text.erase(0, text.find_first_not_of(" \t\r\n"));
    s.designation->attained_text = std::move(text);
  }
};
template <> struct action<g::designation_decl> {
  template <typename I> static void apply(const I&, ParseState& s) {
    s.module.designations.push_back(std::move(s.designation));
  }
};

// override <- 'override' (let / fn / category)
template <> struct action<g::override_start> {
  template <typename I> static void apply(const I&, ParseState& s) { s.pending_override = true; }
};

// badge <- 'badge' id string 'when' expr
template <> struct action<g::req_badge_name> : push_name {};
template <> struct action<g::badge_decl> {
  template <typename I> static void apply(const I&, ParseState& s) {
    auto badge = std::make_unique<ast::BadgeDecl>();
    badge->condition = s.pop_expr();
    badge->title = s.pop_string();
    auto name = s.pop_name();
    badge->id = name.text;
    badge->pos = name.pos;
    badge->is_override = std::exchange(s.pending_override, false);
    s.module.badges.push_back(std::move(badge));
  }
};

// specialization <- 'specialization' id string 'for' designation-id '{' (let / require)* '}'
template <> struct action<g::req_specialization_name> : push_name {};
template <> struct action<g::kw_specialization> {
  template <typename I> static void apply(const I&, ParseState& s) { s.name_marks.push_back(s.names.size()); }
};
template <> struct action<g::req_specialization_designation> : push_name {};
template <> struct action<g::specialization_body_start> {
  template <typename I> static void apply(const I&, ParseState& s) {
    s.specialization = std::make_unique<ast::SpecializationDecl>();
    s.specialization->is_override = std::exchange(s.pending_override, false);
    const auto mark = s.name_marks.back();
    s.name_marks.pop_back();
    for (auto i = mark + 1; i < s.names.size(); ++i) {
      s.specialization->designations.push_back(s.names[i].text);
      s.specialization->designation_pos.push_back(s.names[i].pos);
    }
    s.names.resize(mark + 1);
    s.specialization->title = s.pop_string();
    auto id = s.pop_name();
    s.specialization->id = id.text;
    s.specialization->pos = id.pos;
    s.metric = std::make_unique<ast::MetricDecl>();
    s.metric->id = id.text;
    s.metric->title = s.specialization->title;
    s.metric->pos = id.pos;
  }
};
template <> struct action<g::unpublished_requirements> {
  template <typename I> static void apply(const I&, ParseState& s) { s.specialization->unpublished = true; }
};
template <> struct action<g::specialization_decl> {
  template <typename I> static void apply(const I&, ParseState& s) {
    s.specialization->body = std::move(s.metric);
    s.module.specializations.push_back(std::move(s.specialization));
  }
};

}  // namespace pcs::parser::detail
