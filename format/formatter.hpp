// `pcs fmt`: one canonical layout for rule files. The formatter works on
// tokens, not on the AST (which drops comments), so every comment and every
// token is kept; only the whitespace between tokens changes.
//
// The layout:
//
// - Line breaks are the author's: tokens never move to another line. At most
//   one blank line in a row; none at the start or end of the file, right
//   after a line ending with an opening bracket, or right before a line
//   starting with a closing one. No trailing spaces; one final newline.
// - Blocks (program, category, metric, designation, specialization) indent
//   their items by 2 spaces per level; `}` lines up with the block's line.
// - A continuation line (one that does not start a declaration or a block
//   item) is indented 2 spaces deeper than the statement's first line.
// - Inside a `(`, a set `{` or a `choose path {` opened on an earlier line:
//   when the bracket is followed by more tokens on its line, the following
//   lines align one column right of the bracket; when the bracket ends its
//   line, they are indented 2 spaces deeper than that line (4 for the
//   continuation of an item that does not end with ','), and the closing
//   bracket, if it starts a line, lines up with that line.
// - One space between tokens, except: none before `,` `:` `)` or a set's
//   `}`, none after `(` or a set's `{`, none between a called name and its
//   `(`, none after a unary minus. `choose path { a: 1, b: 2 }` and a block
//   on one line keep one space inside their braces; `{}` and `()` are empty.
// - A comment on its own line takes the indentation of the next code line
//   (of the lines inside, when that line starts with a closing bracket).
//   Trailing comments of consecutive lines share one column, two spaces
//   after the longest code among them.
#pragma once

#include <string>
#include <string_view>

#include "common/diagnostics.hpp"

namespace pcs::format {

struct Result {
  bool ok = false;         // the text parsed and `text` holds it formatted
  bool internal = false;   // refused by the safety net: a bug in the formatter
  std::string text;        // the formatted text (when ok)
  Diagnostics diagnostics; // why not (when !ok): the parse error, or the safety net's finding
};

/// Formats one rule file. Refuses (ok == false) when the text does not parse,
/// with the parser's diagnostic, and when the formatted text would not parse
/// or would not have the same tokens and comments (internal == true).
///
/// **Example**: `format_source("let  x=f( 1 ,2 )", "x.pcs").text` is
/// `"let x = f(1, 2)\n"`.
Result format_source(std::string_view text, const std::string& file);

namespace detail {

/// The safety net on its own: `formatted` must parse and have exactly the
/// tokens and comments of `original` (which must parse). Returns `formatted`
/// in a Result, or the internal refusal saying where they first differ.
///
/// **Example**: `check_formatted("let x = 1", "let x = 2\n", "x.pcs").internal` is true.
Result check_formatted(std::string_view original, std::string formatted, const std::string& file);

}  // namespace detail

}  // namespace pcs::format
