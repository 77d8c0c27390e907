// The JSON grammar of json_document.cpp (RFC 8259, after
// tao/pegtl/contrib/json.hpp) with a plain error message for every must<>
// point, in the style of PEGTL's json_errors example. Private to the parser.
#pragma once

#include <tao/pegtl.hpp>

namespace pcs::data::json::grammar {
using namespace tao::pegtl;

struct ws : one<' ', '\t', '\n', '\r'> {};
struct sp : star<ws> {};
struct value;

// A run of printable ASCII other than '"' and '\\': the fast path of strings.
struct plain_run {
  using rule_t = plain_run;
  using subs_t = type_list<>;
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* p = in.current();
    const char* const end = in.end();
    const char* const start = p;
    while (p != end) {
      const auto c = static_cast<unsigned char>(*p);
      if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
      ++p;
    }
    if (p == start) return false;
    in.bump_in_this_line(std::size_t(p - start));
    return true;
  }
};
struct hex4 : rep<4, xdigit> {};
struct unicode_escape : seq<one<'u'>, must<hex4>> {};
struct escape : sor<one<'"', '\\', '/', 'b', 'f', 'n', 'r', 't'>, unicode_escape> {};
struct string_char : sor<plain_run, if_must<one<'\\'>, escape>, utf8::range<0x80, 0x10FFFF>> {};

// The closing quote is a must<> of its own (without an action, so a failure
// is raised where it happens, not rewound to the string's start).
struct string_close : one<'"'> {};
struct string_body : seq<star<string_char>, must<string_close>> {};
struct string_quote : one<'"'> {};
struct string_value : seq<string_quote, string_body> {};

struct int_part_rest : not_at<digit> {};
struct int_part : if_then_else<one<'0'>, must<int_part_rest>, plus<digit>> {};
struct frac_digits : plus<digit> {};
struct exp_digits : plus<digit> {};
struct number : seq<sor<if_must<one<'-'>, int_part>, int_part>,
                    opt<if_must<one<'.'>, frac_digits>>,
                    opt<seq<one<'e', 'E'>, opt<one<'+', '-'>>, must<exp_digits>>>> {};

struct true_ : string<'t', 'r', 'u', 'e'> {};
struct false_ : string<'f', 'a', 'l', 's', 'e'> {};
struct null_ : string<'n', 'u', 'l', 'l'> {};

struct array_open : one<'['> {};
struct array_close : one<']'> {};  // right after '['
struct array_end : one<']'> {};    // after an element
struct array_elements : seq<must<value>, sp, star<one<','>, sp, must<value>, sp>, must<array_end>> {};
struct array : seq<array_open, sp, sor<array_close, array_elements>> {};

struct key_quote : one<'"'> {};
struct key_body : seq<star<string_char>, must<string_close>> {};
struct first_key : seq<key_quote, key_body> {};
struct next_key : seq<key_quote, key_body> {};
struct colon : one<':'> {};
struct member_tail : seq<sp, must<colon>, sp, must<value>, sp> {};
struct object_open : one<'{'> {};
struct object_close : one<'}'> {};  // right after '{'
struct object_end : one<'}'> {};    // after a member
struct object_members
    : seq<must<first_key>, member_tail, star<one<','>, sp, must<next_key>, member_tail>, must<object_end>> {};
struct object : seq<object_open, sp, sor<object_close, object_members>> {};

struct value : sor<string_value, number, object, array, true_, false_, null_> {};
struct document_end : eof {};
struct text : seq<opt<utf8::bom>, sp, must<value>, sp, must<document_end>> {};

/// The message raised when a must<Rule> fails; string_close and escape get
/// theirs from the parser, which looks at the offending byte.
template <typename Rule> inline constexpr const char* message = nullptr;
// clang-format off
template <> inline constexpr const char* message<value> = "expected a value";
template <> inline constexpr const char* message<array_end> = "expected ',' or ']' after an array element";
template <> inline constexpr const char* message<object_end> = "expected ',' or '}' after an object member";
template <> inline constexpr const char* message<first_key> = "expected a string key or '}'";
template <> inline constexpr const char* message<next_key> = "expected a string key after ','";
template <> inline constexpr const char* message<colon> = "expected ':' after an object key";
template <> inline constexpr const char* message<hex4> = "expected 4 hex digits after '\\u'";
template <> inline constexpr const char* message<int_part> = "expected a digit after '-'";
template <> inline constexpr const char* message<int_part_rest> = "leading zeros are not allowed";
template <> inline constexpr const char* message<frac_digits> = "expected a digit after the decimal point";
template <> inline constexpr const char* message<exp_digits> = "expected a digit in the exponent";
template <> inline constexpr const char* message<document_end> = "unexpected text after the JSON value";
// clang-format on

}  // namespace pcs::data::json::grammar
