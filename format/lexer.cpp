// The formatter's lexer (see lexer.hpp). Each branch names the grammar rule
// it mirrors.
#include "format/lexer.hpp"

namespace pcs::format {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool ident_first(char c) { return is_lower(c) || is_upper(c) || c == '_'; }
bool ident_other(char c) { return ident_first(c) || is_digit(c); }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

class Lexer {
 public:
  Lexer(std::string_view text, const Roles& roles) : s_(text), roles_(roles) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '\n') {
        ++line_, ++i_;
      } else if (is_blank(c)) {
        ++i_;
      } else {
        const std::size_t start = i_;
        const TokenKind kind = scan();
        std::size_t end = i_;
        if (kind == TokenKind::comment)
          while (end > start && is_blank(s_[end - 1])) --end;
        out.push_back(Token{kind, s_.substr(start, end - start), start, line_});
      }
    }
    return out;
  }

 private:
  char at(std::size_t k) const { return k < s_.size() ? s_[k] : '\0'; }
  bool digits_at(std::size_t k, std::size_t n) const {
    for (std::size_t j = 0; j < n; ++j)
      if (!is_digit(at(k + j))) return false;
    return true;
  }

  /// Scans one token starting at i_ and leaves i_ after it.
  TokenKind scan() {
    const char c = s_[i_];
    // comment <- '#' (!eol .)*
    if (c == '#') {
      while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      return TokenKind::comment;
    }
    // string_lit <- '"' (escaped / !["\\\n] .)* '"'
    if (c == '"') {
      ++i_;
      while (i_ < s_.size() && s_[i_] != '"' && s_[i_] != '\n') i_ += (s_[i_] == '\\' && at(i_ + 1) != '\n') ? 2 : 1;
      if (at(i_) == '"') ++i_;
      return TokenKind::text;
    }
    // designation_id <- [a-z] [a-z0-9]* ('-' [a-z0-9]+)*, where the grammar wants one
    if (roles_.designation_ids.count(i_) && is_lower(c)) {
      auto lower_digit = [](char d) { return is_lower(d) || is_digit(d); };
      while (lower_digit(at(i_))) ++i_;
      while (at(i_) == '-' && lower_digit(at(i_ + 1))) {
        ++i_;
        while (lower_digit(at(i_))) ++i_;
      }
      return TokenKind::designation_id;
    }
    if (is_digit(c)) return scan_number();
    if (ident_first(c)) return scan_word();
    // Two-character operators first: == != <= >= ..
    static constexpr std::string_view pairs[] = {"==", "!=", "<=", ">=", ".."};
    for (auto p : pairs)
      if (s_.substr(i_, 2) == p) {
        i_ += 2;
        return TokenKind::punct;
      }
    // Any other single character (a UTF-8 sequence as a whole), valid or not.
    ++i_;
    while (i_ < s_.size() && (static_cast<unsigned char>(s_[i_]) & 0xC0) == 0x80) ++i_;
    return TokenKind::punct;
  }

  // date_lit / month_lit / number_text, in the grammar's order.
  TokenKind scan_number() {
    if (digits_at(i_, 4) && at(i_ + 4) == '-' && digits_at(i_ + 5, 2)) {
      if (at(i_ + 7) == '-' && digits_at(i_ + 8, 2) && !ident_other(at(i_ + 10))) {
        i_ += 10;
        return TokenKind::date;
      }
      if (!ident_other(at(i_ + 7)) && at(i_ + 7) != '-') {
        i_ += 7;
        return TokenKind::month;
      }
    }
    ++i_;
    while (is_digit(at(i_)) || (at(i_) == '_' && is_digit(at(i_ + 1)))) i_ += at(i_) == '_' ? 2 : 1;
    if (at(i_) == '.' && is_digit(at(i_ + 1))) {
      ++i_;
      while (is_digit(at(i_))) ++i_;
    }
    return TokenKind::number;
  }

  // cert_code <- [A-Z]{2,3} '-' [0-9]{3} !ident_other ; dotted_name <- identifier ('.' identifier)*
  TokenKind scan_word() {
    const std::size_t start = i_;
    while (ident_other(at(i_))) ++i_;
    const std::size_t n = i_ - start;
    bool upper = n >= 2 && n <= 3;
    for (std::size_t j = start; upper && j < i_; ++j) upper = is_upper(s_[j]);
    if (upper && at(i_) == '-' && digits_at(i_ + 1, 3) && !ident_other(at(i_ + 4))) {
      i_ += 4;
      return TokenKind::exam_code;
    }
    while (at(i_) == '.' && ident_first(at(i_ + 1))) {
      ++i_;
      while (ident_other(at(i_))) ++i_;
    }
    return TokenKind::word;
  }

  std::string_view s_;
  const Roles& roles_;
  std::size_t i_ = 0;
  std::size_t line_ = 0;
};

}  // namespace

std::vector<Token> lex(std::string_view text, const Roles& roles) { return Lexer(text, roles).run(); }

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace pcs::format
