#include <doctest/doctest.h>

#include "common/diagnostics.hpp"
#include "common/symbols.hpp"

using namespace pcs;

TEST_CASE("diagnostics: render shows the source line and a caret") {
  SourceFiles sources;
  sources.add("rulesets/x.pcs", "designation x\n  metric y\n  value sum(eligble_acr)\n");
  Diagnostic d{Severity::error, "unknown-name", {"rulesets/x.pcs", 3, 13, 11},
               "no binding named 'eligble_acr'", "did you mean 'eligible_acr'?"};
  CHECK(render(d, sources) ==
        "rulesets/x.pcs:3:13: error[unknown-name]: no binding named 'eligble_acr'\n"
        "  3 |   value sum(eligble_acr)\n"
        "    |             ^~~~~~~~~~~\n"
        "  hint: did you mean 'eligible_acr'?\n");
}

TEST_CASE("diagnostics: wide line numbers, tabs, CRLF, severities") {
  std::string text;
  for (int i = 1; i < 12; ++i) text += "line\r\n";
  text += "\tx =\t1\r\n";
  SourceFiles sources;
  sources.add("a.pcs", text);
  Diagnostic d{Severity::warning, "style", {"a.pcs", 12, 6, 1}, "tab before value", ""};
  CHECK(render(d, sources) ==
        "a.pcs:12:6: warning[style]: tab before value\n"
        "  12 | \tx =\t1\n"
        "     | \t   \t^\n");
  d.severity = Severity::note;
  d.pos.length = 0;
  d.pos.column = 1;
  d.pos.line = 2;
  CHECK(render(d, sources) ==
        "a.pcs:2:1: note[style]: tab before value\n"
        "  2 | line\n"
        "    | ^\n");
}

TEST_CASE("diagnostics: unknown positions and unregistered files have no excerpt") {
  SourceFiles sources;
  sources.add("p.json", "{}\n");
  Diagnostic io{Severity::error, "io", {"missing.json", 0, 0, 1},
                "cannot read partner file: No such file or directory", ""};
  CHECK(render(io, sources) == "missing.json: error[io]: cannot read partner file: No such file or directory\n");
  Diagnostic other{Severity::error, "parse", {"other.pcs", 2, 3, 1}, "oops", "try again"};
  CHECK(render(other, sources) == "other.pcs:2:3: error[parse]: oops\n  hint: try again\n");
  // The empty last line after a final newline is still a line (end of input points there).
  Diagnostic eof{Severity::error, "json-syntax", {"p.json", 2, 1, 1}, "unexpected end of input", ""};
  CHECK(render(eof, sources) == "p.json:2:1: error[json-syntax]: unexpected end of input\n  2 | \n    | ^\n");
  Diagnostic past{Severity::error, "json-syntax", {"p.json", 3, 1, 1}, "past the end", ""};
  CHECK(render(past, sources) == "p.json:3:1: error[json-syntax]: past the end\n");
  CHECK(sources.line("p.json", 1) == "{}");
  CHECK(sources.line("p.json", 9).empty());
  CHECK(sources.line("nope", 1).empty());
  // Adding a name again shows the new text; views of the old one stay valid.
  const std::string_view old_text = sources.line("p.json", 1);
  sources.add("p.json", "[]");
  CHECK(sources.line("p.json", 1) == "[]");
  CHECK(old_text == "{}");
}

TEST_CASE("diagnostics: collection, counting, stable sort, render_all") {
  Diagnostics ds;
  ds.warning("w", {"b.pcs", 1, 1, 1}, "late file");
  ds.error("e1", {"a.pcs", 5, 2, 1}, "second");
  ds.error("e2", {"a.pcs", 1, 9, 1}, "first");
  ds.error("e3", {"a.pcs", 5, 2, 1}, "third, same place as second");
  CHECK(ds.has_errors());
  CHECK(ds.error_count() == 3);
  Diagnostics more;
  more.warning("w2", {"a.pcs", 5, 1, 1}, "before second");
  ds.append(more);
  CHECK(ds.items().size() == 5);
  ds.sort();
  SourceFiles none;
  CHECK(render_all(ds, none) ==
        "a.pcs:1:9: error[e2]: first\n"
        "a.pcs:5:1: warning[w2]: before second\n"
        "a.pcs:5:2: error[e1]: second\n"
        "a.pcs:5:2: error[e3]: third, same place as second\n"
        "b.pcs:1:1: warning[w]: late file\n");
  Diagnostics warnings_only;
  warnings_only.warning("w", {}, "just a warning");
  CHECK_FALSE(warnings_only.has_errors());
  CHECK(render_all(warnings_only, none) == "warning[w]: just a warning\n");
}

TEST_CASE("symbols: interning is stable and 0 means absent") {
  SymbolTable table;
  CHECK(table.name(no_symbol).empty());
  CHECK(table.intern("") == no_symbol);
  const Symbol pal = table.intern("PAL");
  CHECK(pal != no_symbol);
  CHECK(table.intern("DPOR") != pal);
  CHECK(table.intern(std::string("PAL")) == pal);
  CHECK(table.name(pal) == "PAL");
  CHECK(table.find("PAL") == pal);
  CHECK_FALSE(table.find("CSP1").has_value());
  CHECK(table.size() == 3);
  for (int i = 0; i < 1000; ++i) table.intern("s" + std::to_string(i));
  CHECK(table.name(pal) == "PAL");  // views survive growth
  CHECK(&symbols() == &symbols());
  CHECK(symbols().name(symbols().intern("acr")) == "acr");
}
