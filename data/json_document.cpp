// JSON parsing with the PEGTL grammar of json_grammar.hpp and actions that
// build the flat document directly.
#include "data/json_document.hpp"

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/unescape.hpp>

#include <algorithm>
#include <cstring>
#include <numeric>
#include <string>
#include <type_traits>
#include <utility>

#include "data/json_grammar.hpp"

namespace pcs::data::json {
namespace {

namespace pegtl = tao::pegtl;

struct SyntaxError {
  static constexpr std::uint32_t none = std::uint32_t(-1);
  std::uint32_t offset;
  std::string message;
  std::uint32_t first = none;  // the first occurrence, for duplicate keys
};

unsigned hex_value(std::string_view s) {
  unsigned v = 0;
  for (char c : s) v = v * 16 + unsigned(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  return v;
}

// `raw` is the grammar-checked text between the quotes, starting at byte `offset`.
std::string unescape(std::string_view raw, std::uint32_t offset) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    if (raw[i] != '\\') {
      out += raw[i++];
      continue;
    }
    const char e = raw[i + 1];
    if (e != 'u') {
      switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        default: out += e; break;  // '"', '\\', '/'
      }
      i += 2;
      continue;
    }
    unsigned cp = hex_value(raw.substr(i + 2, 4));
    std::size_t len = 6;
    const bool high = cp >= 0xD800 && cp <= 0xDBFF;
    if (high && i + 12 <= raw.size() && raw[i + 6] == '\\' && raw[i + 7] == 'u') {
      const unsigned low = hex_value(raw.substr(i + 8, 4));
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        len = 12;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
      throw SyntaxError{offset + std::uint32_t(i), "unpaired UTF-16 surrogate in '\\u' escape"};
    if (!pegtl::unescape::utf8_append_utf32(out, cp))
      throw SyntaxError{offset + std::uint32_t(i), "invalid '\\u' escape"};
    i += len;
  }
  return out;
}

}  // namespace

// ---- building the document --------------------------------------------------

/// The parser state: finished values go to `doc.nodes_` when their container
/// closes, so the children of every container end up contiguous. `nodes_` is
/// reserved for the most values the text can hold, so it never reallocates
/// and children can be pointed at directly.
struct Builder {
  struct Pending {
    Value value;
    std::uint32_t key_offset;  // members only
  };
  struct Frame {
    Kind kind;
    std::uint32_t offset;
    std::size_t start;  // first child in `pending`
    std::string_view key;  // key of the member being parsed (objects)
    std::uint32_t key_offset = 0;
  };

  Document doc;
  const char* base;
  std::size_t max_depth;
  std::vector<Frame> stack;
  std::vector<Pending> pending;
  std::optional<Value> root;
  std::uint32_t quote = 0;  // offset of the opening quote of the current string
  std::vector<SyntaxError> duplicates;

  Builder(std::string_view text, std::size_t depth, std::size_t values) : base(text.data()), max_depth(depth) {
    doc.source_ = text;
    stack.reserve(depth);
    doc.nodes_.reserve(values);
  }

  std::uint32_t offset_of(const char* p) const { return std::uint32_t(p - base); }

  std::string_view string_text(std::string_view raw, std::uint32_t offset) {
    if (raw.find('\\') == std::string_view::npos) return raw;
    return doc.strings_.emplace_back(unescape(raw, offset));
  }

  static Value scalar(Kind kind, std::uint32_t offset, std::string_view text = {}, bool boolean = false) {
    Value v;
    v.kind_ = kind;
    v.boolean_ = boolean;
    v.offset_ = offset;
    v.data_ = text.data();
    v.size_ = std::uint32_t(text.size());
    return v;
  }

  void attach(Value v) {
    if (stack.empty()) {
      root = v;
      return;
    }
    Frame& f = stack.back();
    if (f.kind == Kind::object) {
      v.key_ = f.key.data();
      v.key_size_ = std::uint32_t(f.key.size());
    }
    pending.push_back({v, f.key_offset});
  }

  void open(Kind kind, std::uint32_t offset) {
    if (stack.size() >= max_depth)
      throw SyntaxError{offset, "nesting deeper than " + std::to_string(max_depth) + " levels"};
    stack.push_back({kind, offset, pending.size(), {}});
  }

  void close() {
    const Frame f = stack.back();
    stack.pop_back();
    if (f.kind == Kind::object) check_duplicates(f.start);
    const std::size_t count = pending.size() - f.start;
    if (doc.nodes_.capacity() - doc.nodes_.size() < count + 1)  // cannot happen: see max_values
      throw SyntaxError{f.offset, "internal error: more values than expected"};
    Value v = scalar(f.kind, f.offset);
    v.data_ = doc.nodes_.data() + doc.nodes_.size();
    v.size_ = std::uint32_t(count);
    for (std::size_t i = f.start; i < pending.size(); ++i) doc.nodes_.push_back(pending[i].value);
    pending.resize(f.start);
    attach(v);
  }

  void check_duplicates(std::size_t start) {
    const std::size_t n = pending.size() - start;
    auto report = [&](const Pending& first, const Pending& again) {
      duplicates.push_back(
          {again.key_offset, "duplicate key \"" + std::string(again.value.key()) + "\"", first.key_offset});
    };
    if (n <= 16) {
      for (std::size_t i = start + 1; i < pending.size(); ++i)
        for (std::size_t j = start; j < i; ++j)
          if (pending[j].value.key() == pending[i].value.key()) {
            report(pending[j], pending[i]);
            break;
          }
      return;
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), start);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return pending[a].value.key() < pending[b].value.key(); });
    for (std::size_t i = 1, first = order[0]; i < n; ++i) {
      if (pending[order[i]].value.key() == pending[first].value.key())
        report(pending[first], pending[order[i]]);
      else
        first = order[i];
    }
  }

  Document finish() {
    doc.nodes_.push_back(*root);
    return std::move(doc);
  }
};

namespace {

template <typename Rule>
struct control : pegtl::normal<Rule> {
  template <typename ParseInput>
  [[noreturn]] static void raise(const ParseInput& in, Builder& st);
};

template <typename Rule> struct action : pegtl::nothing<Rule> {};

template <Kind K>
struct scalar_action {
  template <typename Input>
  static void apply(const Input& in, Builder& st) {
    const std::string_view text = K == Kind::number ? in.string_view() : std::string_view{};
    st.attach(Builder::scalar(K, st.offset_of(in.begin()), text, K == Kind::boolean && in.size() == 4 /* "true" */));
  }
};
template <> struct action<grammar::number> : scalar_action<Kind::number> {};
template <> struct action<grammar::true_> : scalar_action<Kind::boolean> {};
template <> struct action<grammar::false_> : scalar_action<Kind::boolean> {};
template <> struct action<grammar::null_> : scalar_action<Kind::null> {};

struct quote_action {
  template <typename Input>
  static void apply(const Input& in, Builder& st) {
    st.quote = st.offset_of(in.begin());
  }
};
template <> struct action<grammar::string_quote> : quote_action {};
template <> struct action<grammar::key_quote> : quote_action {};

template <> struct action<grammar::string_body> {
  template <typename Input>
  static void apply(const Input& in, Builder& st) {
    const std::string_view raw = in.string_view().substr(0, in.size() - 1);
    st.attach(Builder::scalar(Kind::string, st.quote, st.string_text(raw, st.quote + 1)));
  }
};
template <> struct action<grammar::key_body> {
  template <typename Input>
  static void apply(const Input& in, Builder& st) {
    Builder::Frame& f = st.stack.back();
    f.key = st.string_text(in.string_view().substr(0, in.size() - 1), st.quote + 1);
    f.key_offset = st.quote;
  }
};

template <Kind K>
struct open_action {
  template <typename Input>
  static void apply(const Input& in, Builder& st) {
    st.open(K, st.offset_of(in.begin()));
  }
};
template <> struct action<grammar::array_open> : open_action<Kind::array> {};
template <> struct action<grammar::object_open> : open_action<Kind::object> {};

struct close_action {
  static void apply0(Builder& st) { st.close(); }
};
template <> struct action<grammar::array_close> : close_action {};
template <> struct action<grammar::array_end> : close_action {};
template <> struct action<grammar::object_close> : close_action {};
template <> struct action<grammar::object_end> : close_action {};

template <typename Rule>
template <typename ParseInput>
void control<Rule>::raise(const ParseInput& in, Builder& st) {
  const std::uint32_t at = st.offset_of(in.current());
  if constexpr (std::is_same_v<Rule, grammar::string_close>) {
    const auto c = in.empty() ? 0 : static_cast<unsigned char>(in.peek_char());
    if (in.empty() || c == '\n' || c == '\r') throw SyntaxError{st.quote, "unterminated string"};
    if (c < 0x20) throw SyntaxError{at, "control character in string must be escaped"};
    throw SyntaxError{at, "invalid UTF-8 in string"};
  } else if constexpr (std::is_same_v<Rule, grammar::escape>) {
    throw SyntaxError{at - 1, "invalid escape sequence in string"};
  } else {
    static_assert(grammar::message<Rule> != nullptr, "every must<> rule needs an error message");
    std::string text = grammar::message<Rule>;
    if (in.empty()) text = "unexpected end of input, " + text;
    throw SyntaxError{at, std::move(text)};
  }
}

/// An upper bound of the number of values: each one but the root follows a
/// ':', ',' or '['. Counted eight bytes at a time (this runs over the whole file).
std::size_t max_values(std::string_view text) {
  constexpr std::uint64_t ones = 0x0101010101010101u, low7 = 0x7f7f7f7f7f7f7f7fu;
  // The high bit of each byte of `w` that equals `c` (no carries cross bytes).
  auto equal = [](std::uint64_t w, unsigned char c) {
    const std::uint64_t x = w ^ (ones * c);
    return ~(((x & low7) + low7) | x | low7);
  };
  std::size_t n = 1, i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    const std::uint64_t hits = (equal(w, ',') | equal(w, ':') | equal(w, '[')) >> 7;  // 0 or 1 per byte
    n += std::size_t((hits * ones) >> 56);                                            // their sum (at most 8)
  }
  for (; i < text.size(); ++i) n += text[i] == ',' || text[i] == ':' || text[i] == '[';
  return n;
}

}  // namespace

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::null: return "null";
    case Kind::boolean: return "boolean";
    case Kind::number: return "number";
    case Kind::string: return "string";
    case Kind::array: return "array";
    case Kind::object: return "object";
  }
  return "value";
}

std::string_view Value::text() const {
  if (kind_ != Kind::string && kind_ != Kind::number) return {};
  return {static_cast<const char*>(data_), size_};
}

std::span<const Value> Value::items() const {
  if (kind_ != Kind::array && kind_ != Kind::object) return {};
  return {static_cast<const Value*>(data_), size_};
}

const Value* Value::find(std::string_view name) const {
  if (kind_ != Kind::object) return nullptr;
  for (const Value& m : items())
    if (m.key() == name) return &m;
  return nullptr;
}

Position Document::position(std::uint32_t offset) const {
  if (line_starts_.empty()) {  // built on first use: only diagnostics need positions
    line_starts_.push_back(0);
    for (std::size_t i = source_.find('\n'); i != std::string_view::npos; i = source_.find('\n', i + 1))
      line_starts_.push_back(std::uint32_t(i + 1));
  }
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  if (next == line_starts_.begin()) return {1, offset + 1};
  return {std::uint32_t(next - line_starts_.begin()), offset - *(next - 1) + 1};
}

std::optional<Document> parse(std::string_view text, const std::string& file_name, Diagnostics& out,
                              std::size_t max_depth) {
  if (text.size() >= std::uint32_t(-1)) {
    out.error("json-syntax", SourcePos{file_name, 0, 0, 1}, "file too large (4 GiB or more)");
    return std::nullopt;
  }
  Builder st(text, max_depth, max_values(text));
  std::vector<SyntaxError> errors;
  try {
    pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf> in(text.data(), text.size(), "");
    pegtl::parse<grammar::text, action, control>(in, st);
    errors = std::move(st.duplicates);
  } catch (SyntaxError& e) {
    errors.push_back(std::move(e));
  }
  std::sort(errors.begin(), errors.end(), [](const SyntaxError& a, const SyntaxError& b) { return a.offset < b.offset; });
  for (SyntaxError& e : errors) {
    const Position p = st.doc.position(e.offset);
    std::string message = std::move(e.message);
    if (e.first != SyntaxError::none) {
      const Position first = st.doc.position(e.first);
      message += " (first at line " + std::to_string(first.line) + ", column " + std::to_string(first.column) + ")";
    }
    out.error("json-syntax", SourcePos{file_name, p.line, p.column, 1}, std::move(message));
  }
  if (!errors.empty() || !st.root) return std::nullopt;
  return st.finish();
}

}  // namespace pcs::data::json
