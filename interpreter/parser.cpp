// Phase 1 driver: runs the PEGTL grammar with the AST-building actions and
// turns a parse error into one located diagnostic.
#include "interpreter/parser.hpp"

#include <fmt/format.h>
#include <tao/pegtl/contrib/analyze.hpp>

#include <algorithm>
#include <cctype>

#include "common/utf8.hpp"
#include "grammar/errors.hpp"
#include "interpreter/parse_decl_actions.hpp"

namespace pcs::parser {

namespace pegtl = tao::pegtl;

namespace {

/// Width of the token at a byte offset, so the caret underlines a whole word.
std::uint32_t token_width(std::string_view text, std::size_t offset) {
  std::size_t end = offset;
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; };
  while (end < text.size() && word(text[end])) ++end;
  return static_cast<std::uint32_t>(std::max<std::size_t>(1, end - offset));
}

}  // namespace

std::unique_ptr<ast::Module> parse_module(std::string_view text, const std::string& file, Diagnostics& out) {
  auto module = std::make_unique<ast::Module>();
  module->file = file;
  detail::ParseState state(*module, file, out);
  pegtl::memory_input in(text.data(), text.size(), file);
  const auto errors_before = out.error_count();
  // A rule file is UTF-8 text: a stray byte is named where it is, rather than
  // surfacing as a puzzling syntax error somewhere near it.
  if (const auto bad = utf8::first_non_text(text)) {
    out.error("syntax", position_at(text, file, bad->offset), fmt::format("this rule file holds {} here", bad->what));
    return nullptr;
  }
  try {
    grammar::reset_nesting();
    pegtl::parse<grammar::file, detail::action, grammar::control>(in, state);
  } catch (const pegtl::parse_error& e) {
    const auto& p = e.positions().front();
    std::string message(e.message());
    // At the end of a line or of the file, point just after the last token
    // instead of at the start of the next (possibly empty) line.
    std::size_t offset = p.byte, line = p.line, column = p.column;
    std::size_t back = offset;
    while (back > 0 && std::isspace(static_cast<unsigned char>(text[back - 1]))) --back;
    const bool only_space_before_on_line = back < offset && text.substr(back, offset - back).find('\n') != std::string_view::npos;
    if (offset >= text.size() || only_space_before_on_line) {
      const auto line_start = text.rfind('\n', back == 0 ? 0 : back - 1);
      line -= std::count(text.begin() + back, text.begin() + offset, '\n');
      column = back - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
      offset = back;
    }
    // A rule without a message of its own: say what was found instead.
    if (message.starts_with("parse error matching")) message = "unexpected text here";
    out.error("syntax",
              SourcePos{file, static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(column),
                        token_width(text, offset)},
              message);
    return nullptr;
  }
  if (out.error_count() != errors_before) return nullptr;
  return module;
}

bool grammar_is_well_formed() { return pegtl::analyze<grammar::file>(1) == 0; }

}  // namespace pcs::parser
