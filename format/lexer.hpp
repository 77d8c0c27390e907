// The formatter's lexer: rule-file text -> tokens with their byte offsets
// and lines. It mirrors the lexical rules of grammar/grammar.hpp (dates and
// months before numbers, exam codes, dotted names, strings with escapes) and,
// unlike the parser, keeps comments as tokens.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "format/roles.hpp"

namespace pcs::format {

enum class TokenKind {
  word,            // a name or keyword, dotted names included: partner.attributes.path
  number,          // 1_000, 0.5
  date,            // 2023-06-13
  month,           // 2024-07
  exam_code,       // AZ-104
  designation_id,  // data-ai (only where the grammar expects one)
  text,            // "say \"hi\"" (a string literal, quotes included)
  punct,           // == != <= >= .. + - * / ( ) { } , : = % < > and any other character
  comment,         // from '#' to the end of the line, trailing spaces left out
};

struct Token {
  TokenKind kind;
  std::string_view text;
  std::size_t offset = 0;  // byte offset in the source
  std::size_t line = 0;    // 0-based line in the source
};

/// Splits `text` into tokens; whitespace and line breaks are not tokens (a
/// token's line says where it stood). `roles` says where designation ids are.
///
/// **Example**: `lex("let x = 1 USD  # c", roles)` gives let, x, =, 1, USD, # c.
std::vector<Token> lex(std::string_view text, const Roles& roles);

/// True for a punctuation token with exactly this text.
inline bool is_punct(const Token& t, std::string_view p) { return t.kind == TokenKind::punct && t.text == p; }

/// Display width of UTF-8 text (code points), used to align columns.
std::size_t display_width(std::string_view s);

}  // namespace pcs::format
