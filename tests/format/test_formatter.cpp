// `pcs fmt`: golden pairs (tests/format/NAME.pcs -> NAME.pcs.formatted),
// idempotence on every golden output and every shipped rule file, comments
// kept, and the refusal of a file that does not parse. Run with
// PCS_FORMAT_RESET=1 to rewrite the .formatted files from the formatter.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "format/formatter.hpp"
#include "format/lexer.hpp"
#include "format/roles.hpp"

namespace fs = std::filesystem;
using pcs::format::format_source;

namespace {

std::string source_path(const std::string& relative) { return std::string(PCS_SOURCE_DIR) + "/" + relative; }

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The golden inputs, sorted: every NAME.pcs directly in tests/format.
std::vector<fs::path> golden_inputs() {
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(source_path("tests/format")))
    if (e.is_regular_file() && e.path().extension() == ".pcs") found.push_back(e.path());
  std::sort(found.begin(), found.end());
  return found;
}

/// Every shipped rule file: the standard library and the rulesets.
std::vector<fs::path> shipped_rule_files() {
  std::vector<fs::path> found;
  for (const auto* folder : {"stdlib", "rulesets"})
    for (const auto& e : fs::recursive_directory_iterator(source_path(folder)))
      if (e.is_regular_file() && e.path().extension() == ".pcs") found.push_back(e.path());
  std::sort(found.begin(), found.end());
  return found;
}

/// Formats, failing the test (with the diagnostics) when the formatter refuses.
std::string formatted(const std::string& text, const std::string& name) {
  auto r = format_source(text, name);
  std::string why;
  for (const auto& d : r.diagnostics.items()) why += d.message + "\n";
  INFO(name, ": ", why);
  REQUIRE(r.ok);
  return r.text;
}

/// The comments of a text, in order, as the formatter's lexer reads them.
std::vector<std::string> comments_of(const std::string& text) {
  const auto roles = pcs::format::find_roles(text);
  REQUIRE(roles);
  std::vector<std::string> out;
  for (const auto& t : pcs::format::lex(text, *roles))
    if (t.kind == pcs::format::TokenKind::comment) out.emplace_back(t.text);
  return out;
}

std::string rendered_refusal(const std::string& text, const std::string& name) {
  auto r = format_source(text, name);
  CHECK_FALSE(r.ok);
  CHECK_FALSE(r.internal);
  pcs::SourceFiles sources;
  sources.add(name, text);
  return render_all(r.diagnostics, sources);
}

}  // namespace

TEST_CASE("format: every golden input gives its .formatted file") {
  const auto inputs = golden_inputs();
  CHECK(inputs.size() >= 12);
  const bool reset = std::getenv("PCS_FORMAT_RESET") != nullptr;
  for (const auto& in : inputs) {
    const auto expected_path = fs::path(in.string() + ".formatted");
    const auto out = formatted(read(in), in.filename().string());
    if (reset) std::ofstream(expected_path, std::ios::binary) << out;
    INFO(in.filename().string());
    REQUIRE(fs::exists(expected_path));
    CHECK(out == read(expected_path));
  }
}

TEST_CASE("format: every golden output is already formatted") {
  for (const auto& in : golden_inputs()) {
    const auto expected = read(in.string() + ".formatted");
    INFO(in.filename().string());
    CHECK(formatted(expected, "golden.pcs") == expected);
  }
}

TEST_CASE("format: formatting a shipped rule file twice gives what formatting it once gave") {
  const auto files = shipped_rule_files();
  CHECK(files.size() >= 30);
  for (const auto& f : files) {
    INFO(f.string());
    const auto once = formatted(read(f), f.filename().string());
    CHECK(formatted(once, f.filename().string()) == once);
  }
}

TEST_CASE("format: every comment is kept, in order and word for word") {
  std::vector<fs::path> files = shipped_rule_files();
  for (const auto& g : golden_inputs()) files.push_back(g);
  for (const auto& f : files) {
    INFO(f.string());
    const auto text = read(f);
    CHECK(comments_of(formatted(text, "x.pcs")) == comments_of(text));
  }
}

TEST_CASE("format: a file that does not parse is refused with the parser's message") {
  CHECK(rendered_refusal("let x = (1 + 2\n", "x.pcs") ==
        "x.pcs:1:15: error[syntax]: expected ')'\n"
        "  1 | let x = (1 + 2\n"
        "    |               ^\n");
  CHECK(rendered_refusal("let x = 1\nlet = 3\n", "y.pcs") ==
        "y.pcs:2:5: error[syntax]: expected a name after 'let', such as eligible_acr\n"
        "  2 | let = 3\n"
        "    |     ^\n");
  CHECK(format_source("let x = \"abc\n", "z.pcs").text.empty());
}

TEST_CASE("format: the safety net refuses output with other tokens, lost comments or no parse") {
  using pcs::format::detail::check_formatted;
  auto message = [](const pcs::format::Result& r) {
    CHECK_FALSE(r.ok);
    CHECK(r.internal);
    return r.diagnostics.items().empty() ? std::string() : r.diagnostics.items().front().message;
  };
  CHECK(message(check_formatted("let x = 1\nlet y = 2\n", "let x = 1\nlet y = 3\n", "x.pcs")) ==
        "pcs fmt would change '2' into '3'; the file is left unchanged");
  const auto lost = check_formatted("let x = 1  # one\n", "let x = 1\n", "x.pcs");
  CHECK(message(lost) == "pcs fmt would change '# one' into the end of the file; the file is left unchanged");
  CHECK(lost.diagnostics.items().front().pos.line == 1);
  CHECK(lost.diagnostics.items().front().pos.column == 12);
  CHECK(message(check_formatted("let x = 1 USD\n", "let x = 1USD\n", "x.pcs")).starts_with(
      "pcs fmt would write text that does not parse ("));
  CHECK(check_formatted("let  x = 1\n", "let x = 1\n", "x.pcs").ok);
}

TEST_CASE("format: the example of the header") {
  CHECK(formatted("let  x=f( 1 ,2 )", "x.pcs") == "let x = f(1, 2)\n");
}

TEST_CASE("format: line ends, empty files and files of comments") {
  CHECK(formatted("let a = 1\r\nlet b = 2  # two\r\n", "x.pcs") == "let a = 1\nlet b = 2  # two\n");
  CHECK(formatted("", "x.pcs").empty());
  CHECK(formatted(" \n\n\t\n", "x.pcs").empty());
  CHECK(formatted("\n\n   # only a comment   ", "x.pcs") == "# only a comment\n");
  CHECK(formatted("let a = 1", "x.pcs") == "let a = 1\n");
}

TEST_CASE("format: tokens the grammar tells apart") {
  // A unary minus hugs its operand; a binary one does not.
  CHECK(formatted("let a = 1 - - 2\n", "x.pcs") == "let a = 1 - -2\n");
  // '(' after a name is a call; after a keyword it groups.
  CHECK(formatted("let a = f (1) + (2)\nlet b = not(a)\n", "x.pcs") == "let a = f(1) + (2)\nlet b = not (a)\n");
  // Set braces hug; choose braces do not.
  CHECK(formatted("let a = {\"x\"}\n", "x.pcs") == "let a = {\"x\"}\n");
  // Months, dates and exam codes are single tokens; M-1 is a subtraction.
  CHECK(formatted("let a = M-1 in 2024-01..2024-07\nlet d = 2023-06-13\nlet c = {AZ-104}\n", "x.pcs") ==
        "let a = M - 1 in 2024-01 .. 2024-07\nlet d = 2023-06-13\nlet c = {AZ-104}\n");
}

TEST_CASE("format: the lexer mirrors the grammar's tokens") {
  using pcs::format::TokenKind;
  const std::string text = "let x = AZ-104 + 2024-07 + 2024-07-31 + 1_000.5 + \"a\\\"#b\" + p.q.r .. 1 >= 2  # c  ";
  const auto roles = pcs::format::find_roles("designation data-ai \"D\" { attained when true }");
  REQUIRE(roles);
  CHECK(roles->designation_ids.count(12) == 1);
  const auto tokens = pcs::format::lex(text, pcs::format::Roles{});
  std::vector<std::pair<TokenKind, std::string>> got;
  for (const auto& t : tokens) got.emplace_back(t.kind, std::string(t.text));
  const std::vector<std::pair<TokenKind, std::string>> expected = {
      {TokenKind::word, "let"},       {TokenKind::word, "x"},         {TokenKind::punct, "="},
      {TokenKind::exam_code, "AZ-104"}, {TokenKind::punct, "+"},      {TokenKind::month, "2024-07"},
      {TokenKind::punct, "+"},        {TokenKind::date, "2024-07-31"}, {TokenKind::punct, "+"},
      {TokenKind::number, "1_000.5"}, {TokenKind::punct, "+"},        {TokenKind::text, "\"a\\\"#b\""},
      {TokenKind::punct, "+"},        {TokenKind::word, "p.q.r"},     {TokenKind::punct, ".."},
      {TokenKind::number, "1"},       {TokenKind::punct, ">="},       {TokenKind::number, "2"},
      {TokenKind::comment, "# c"},
  };
  CHECK(got == expected);
}
