// `pcs fmt` driver: parse -> classify -> lex -> lay out -> check the result
// (it parses, and its tokens and comments are the input's).
#include "format/formatter.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "format/layout.hpp"
#include "format/lexer.hpp"
#include "format/roles.hpp"
#include "interpreter/parser.hpp"

namespace pcs::format {

namespace {

bool same_token(const Token& a, const Token& b) { return a.kind == b.kind && a.text == b.text; }

/// The internal refusal: the formatter would change more than whitespace.
/// `offset` is where in the original text, or npos when nowhere in particular.
Result refuse(std::string_view original, const std::string& file, std::size_t offset, const std::string& what) {
  Result r;
  r.internal = true;
  const SourcePos pos = offset <= original.size() ? position_at(original, file, offset) : SourcePos{file, 0, 0, 1};
  r.diagnostics.error("format-internal", pos, fmt::format("pcs fmt would {}; the file is left unchanged", what),
                      "this is a bug in pcs fmt: please report it with the file");
  return r;
}

}  // namespace

Result format_source(std::string_view text, const std::string& file) {
  Result r;
  if (!parser::parse_module(text, file, r.diagnostics)) return r;
  const auto roles = find_roles(text);
  if (!roles) return refuse(text, file, std::string_view::npos, "misread the file (the grammar pass failed)");
  return detail::check_formatted(text, layout(lex(text, *roles), *roles), file);
}

namespace detail {

Result check_formatted(std::string_view original, std::string formatted, const std::string& file) {
  constexpr auto nowhere = std::string_view::npos;
  const auto roles = find_roles(original);
  if (!roles) return refuse(original, file, nowhere, "misread the file (the grammar pass failed)");
  Diagnostics reparse;
  const auto out_roles = find_roles(formatted);
  if (!parser::parse_module(formatted, file, reparse) || !out_roles) {
    const std::string why = reparse.items().empty() ? "" : " (" + reparse.items().front().message + ")";
    return refuse(original, file, nowhere, "write text that does not parse" + why);
  }
  const auto before = lex(original, *roles);
  const auto after = lex(formatted, *out_roles);
  const std::size_t n = std::min(before.size(), after.size());
  std::size_t k = 0;
  while (k < n && same_token(before[k], after[k])) ++k;
  if (k < n || before.size() != after.size()) {
    auto quoted = [](const std::vector<Token>& ts, std::size_t i) {
      return i < ts.size() ? fmt::format("'{}'", ts[i].text) : std::string("the end of the file");
    };
    return refuse(original, file, k < before.size() ? before[k].offset : original.size(),
                  fmt::format("change {} into {}", quoted(before, k), quoted(after, k)));
  }
  Result r;
  r.ok = true;
  r.text = std::move(formatted);
  return r;
}

}  // namespace detail

}  // namespace pcs::format
