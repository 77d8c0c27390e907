// The formatter's printer (see layout.hpp; the rules are in formatter.hpp).
// Three steps: group the tokens by source line, lay out each code line with
// a stack of open brackets, then place comment-only lines, blank lines and
// trailing comments.
#include "format/layout.hpp"

#include <algorithm>
#include <optional>

namespace pcs::format {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// What a bracket token opens or closes.
enum class Bracket { none, group, call, set, choose, block };

bool is_open(const Token& t) { return is_punct(t, "(") || is_punct(t, "{"); }
bool is_close(const Token& t) { return is_punct(t, ")") || is_punct(t, "}"); }
bool hugs(Bracket b) { return b == Bracket::group || b == Bracket::call || b == Bracket::set; }

/// The kind of every bracket token; a closer gets the kind of its opener.
std::vector<Bracket> bracket_kinds(const std::vector<Token>& toks, const Roles& roles) {
  std::vector<Bracket> kinds(toks.size(), Bracket::none);
  std::vector<Bracket> open;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    const Token& t = toks[k];
    if (is_punct(t, "(")) {
      kinds[k] = roles.call_opens.count(t.offset) ? Bracket::call : Bracket::group;
    } else if (is_punct(t, "{")) {
      kinds[k] = roles.set_opens.count(t.offset)      ? Bracket::set
                 : roles.choose_opens.count(t.offset) ? Bracket::choose
                                                      : Bracket::block;
    } else if (is_close(t)) {
      kinds[k] = open.empty() ? (is_punct(t, ")") ? Bracket::group : Bracket::block) : open.back();
      if (!open.empty()) open.pop_back();
      continue;
    } else {
      continue;
    }
    open.push_back(kinds[k]);
  }
  return kinds;
}

/// One source line that holds tokens: code tokens [begin, end), then maybe a comment.
struct Line {
  std::size_t begin = 0, end = 0;
  std::size_t comment = npos;
  bool blank_before = false;  // an empty source line came before it
  bool has_code() const { return end > begin; }
};

std::vector<Line> group_lines(const std::vector<Token>& toks) {
  std::vector<Line> lines;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    if (lines.empty() || toks[k].line != toks[k - 1].line) {
      Line l;
      l.begin = l.end = k;
      l.blank_before = !lines.empty() && toks[k].line > toks[k - 1].line + 1;
      lines.push_back(l);
    }
    if (toks[k].kind == TokenKind::comment)
      lines.back().comment = k;
    else
      lines.back().end = k + 1;
  }
  return lines;
}

/// An open bracket (or the file itself) while lines are laid out.
struct Open {
  Bracket kind = Bracket::block;
  bool hanging = false;       // the bracket ended its line: contents on the following lines
  std::size_t content = 0;    // column of the lines inside
  std::size_t close = 0;      // column of a closing bracket that starts a line
  bool item_start = true;     // (hanging) the last token was the opener or a ','
};

class Printer {
 public:
  Printer(const std::vector<Token>& toks, const Roles& roles)
      : toks_(toks), roles_(roles), kinds_(bracket_kinds(toks, roles)) {}

  std::string run() {
    lines_ = group_lines(toks_);
    code_.resize(lines_.size());
    indent_.assign(lines_.size(), 0);
    item_indent_.assign(lines_.size(), 0);
    for (std::size_t i = 0; i < lines_.size(); ++i)
      if (lines_[i].has_code()) lay_out_code(i);
    place_comment_lines();
    return assemble();
  }

 private:
  /// The space between two tokens that stand next to each other on a line.
  std::string_view space(std::size_t a, std::size_t b) const {
    const Token &ta = toks_[a], &tb = toks_[b];
    if (is_punct(tb, ",") || is_punct(tb, ":")) return "";
    if (is_open(ta)) return is_close(tb) || hugs(kinds_[a]) ? "" : " ";
    if (is_close(tb)) return hugs(kinds_[b]) ? "" : " ";
    if (kinds_[b] == Bracket::call) return "";
    if (is_punct(ta, "-") && roles_.unary_minus.count(ta.offset)) return "";
    return " ";
  }

  void lay_out_code(std::size_t i) {
    const Line& l = lines_[i];
    const Token& first = toks_[l.begin];
    Open& top = stack_.back();
    std::size_t indent = top.content;
    if (is_close(first))
      indent = top.close;
    else if (top.kind == Bracket::block)
      indent = roles_.statement_starts.count(first.offset) ? top.content : top.content + 2;
    else if (top.hanging && !top.item_start)
      indent = top.content + 2;
    indent_[i] = indent;
    item_indent_[i] = top.content;

    std::string out(indent, ' ');
    std::size_t col = indent;
    for (std::size_t k = l.begin; k < l.end; ++k) {
      if (k > l.begin) {
        const auto sp = space(k - 1, k);
        out += sp;
        col += sp.size();
      }
      const Token& t = toks_[k];
      const std::size_t at = col;
      out += t.text;
      col += display_width(t.text);
      if (is_open(t)) {
        open_bracket(kinds_[k], k + 1 == l.end, indent, at);
      } else if (is_close(t)) {
        if (stack_.size() > 1) stack_.pop_back();
        stack_.back().item_start = false;
      } else {
        stack_.back().item_start = is_punct(t, ",");
      }
    }
    code_[i] = std::move(out);
  }

  void open_bracket(Bracket kind, bool ends_line, std::size_t line_indent, std::size_t column) {
    Open o;
    o.kind = kind;
    if (kind == Bracket::block) {
      // A declaration block: one level deeper than the block it stands in.
      const Open& outer = stack_.back();
      const std::size_t base = outer.kind == Bracket::block ? outer.content : line_indent;
      o.content = base + 2;
      o.close = base;
    } else if (ends_line) {
      o.hanging = true;
      o.content = line_indent + 2;
      o.close = line_indent;
    } else {
      o.content = column + 1;
      o.close = column;
    }
    stack_.push_back(o);
  }

  /// A comment-only line takes the indentation of the next code line, or,
  /// when that line starts with a closing bracket, of the lines inside it.
  void place_comment_lines() {
    std::optional<std::size_t> next;
    for (std::size_t i = lines_.size(); i-- > 0;) {
      if (lines_[i].has_code()) {
        next = i;
        continue;
      }
      if (!next)
        indent_[i] = 0;
      else
        indent_[i] = is_close(toks_[lines_[*next].begin]) ? item_indent_[*next] : indent_[*next];
    }
  }

  bool ends_with_open(std::size_t i) const { return lines_[i].has_code() && is_open(toks_[lines_[i].end - 1]); }
  bool starts_with_close(std::size_t i) const { return lines_[i].has_code() && is_close(toks_[lines_[i].begin]); }
  bool trailing(std::size_t i) const { return lines_[i].has_code() && lines_[i].comment != npos; }

  std::string assemble() const {
    std::vector<bool> blank(lines_.size(), false);
    for (std::size_t i = 1; i < lines_.size(); ++i)
      blank[i] = lines_[i].blank_before && !ends_with_open(i - 1) && !starts_with_close(i);
    std::string out;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (blank[i]) out += '\n';
      const Line& l = lines_[i];
      if (!l.has_code()) {
        out += std::string(indent_[i], ' ');
        out += toks_[l.comment].text;
      } else {
        out += code_[i];
        if (l.comment != npos) {
          // Trailing comments of consecutive lines share one column: two
          // spaces after the longest code among them.
          std::size_t first = i, last = i;
          while (first > 0 && !blank[first] && trailing(first - 1)) --first;
          while (last + 1 < lines_.size() && !blank[last + 1] && trailing(last + 1)) ++last;
          std::size_t width = 0;
          for (std::size_t j = first; j <= last; ++j) width = std::max(width, display_width(code_[j]));
          out += std::string(width + 2 - display_width(code_[i]), ' ');
          out += toks_[l.comment].text;
        }
      }
      out += '\n';
    }
    return out;
  }

  const std::vector<Token>& toks_;
  const Roles& roles_;
  std::vector<Bracket> kinds_;
  std::vector<Line> lines_;
  std::vector<std::string> code_;
  std::vector<std::size_t> indent_, item_indent_;
  std::vector<Open> stack_{Open{}};
};

}  // namespace

std::string layout(const std::vector<Token>& tokens, const Roles& roles) { return Printer(tokens, roles).run(); }

}  // namespace pcs::format
