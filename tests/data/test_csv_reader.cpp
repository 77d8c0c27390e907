// The RFC 4180 reader: quoting, escapes, line endings, located syntax errors.
#include "tests/data/csv_support.hpp"

// ---------------------------------------------------------------------------
// The reader
// ---------------------------------------------------------------------------

TEST_CASE("csv reader: quoted fields, escapes, line endings and positions") {
  CHECK(records("a,b,c\n1,2,3\n") == "[a|b|c][1|2|3]");
  CHECK(records("a,\"b,\"\"c\"\"\"\r\n\"x\ny\",z") == "[a|b,\"c\"][x\ny|z]");
  CHECK(records("a,b,\n,\n") == "[a|b|][|]");
  CHECK(records("a,") == "[a|]");
  CHECK(records("\"\",\"\"\"\"") == "[|\"]");
  CHECK(records("a\n\n\r\nb\n") == "[a][b]");  // blank lines are no records
  CHECK(records(" a , b ") == "[ a | b ]");    // spaces are data
  CHECK(records("\"a\r\nb\"\r\n") == "[a\r\nb]");
  CHECK(records("") == "");
  CHECK(records("\xEF\xBB\xBF") == "");
  CHECK(records("\xEF\xBB\xBFid,n\xC3\xA9\n") == "[id|n\xC3\xA9]");

  const csv::Table t = csv::read("\xEF\xBB\xBF" "a,\"b\"\n\"x\ny\",z\n\nlast,\"q\"\"\"");
  REQUIRE(t.records.size() == 3);
  CHECK_FALSE(t.truncated);
  const auto head = t.fields_of(t.records[0]);
  CHECK(head[0].line == 1);
  CHECK(head[0].column == 4);  // the byte order mark counts 3 bytes
  CHECK(head[1].column == 6);
  CHECK(t.records[0].end_line == 1);
  CHECK(t.records[0].end_column == 9);
  const auto second = t.fields_of(t.records[1]);
  CHECK(t.records[1].line == 2);
  CHECK(second[0].line == 2);
  CHECK(second[0].column == 1);
  CHECK(second[1].line == 3);
  CHECK(second[1].column == 4);
  CHECK(t.records[2].line == 5);
  CHECK(t.fields_of(t.records[2])[1].text == "q\"");
  CHECK(t.records[2].end_column == 11);
}

TEST_CASE("csv reader: syntax problems are located and the reader goes on") {
  CHECK(problem("a,b\n") == "none");
  CHECK(problem("\"a\"b,c\n") == "1:4 expected ',' or a line end after the closing quote (field 0)");
  CHECK(problem("a,\"b\" ,c\n") == "1:6 expected ',' or a line end after the closing quote (field 1)");
  CHECK(problem("a,b\"c\"\n") == "1:4 '\"' in an unquoted field (quote the field and double the '\"') (field 1)");
  CHECK(problem("a\rb,c\n") ==
        "1:2 carriage return without a line feed in an unquoted field (quote the field) (field 0)");
  CHECK(problem("a,\xff\n") == "1:3 invalid UTF-8 in field (field 1)");
  CHECK(problem("\"\n\xC0\xAF\",b") == "2:1 invalid UTF-8 in field (field 0)");  // overlong
  CHECK(problem("\xED\xA0\x80") == "1:1 invalid UTF-8 in field (field 0)");      // a UTF-16 surrogate
  CHECK(problem("\xF0\x9F\x98\x80,\xE2\x82\xAC") == "none");
  CHECK(problem("a,\"b\nc,d") == "1:3 unterminated quoted field (field 1)");

  // A malformed record keeps its fields and does not disturb the next ones.
  CHECK(records("\"a\"x,b\nc,d\n") == "[a|b][c|d]");
  const csv::Table t = csv::read("a,b\n1,\"2\n3,4\n");
  CHECK(t.truncated);
  REQUIRE(t.records.size() == 2);
  CHECK(t.fields_of(t.records[1])[1].text == "2\n3,4\n");
  CHECK_FALSE(t.records[0].problem);
}

TEST_CASE("csv reader: no input crashes it") {
  std::mt19937 rng(4180);
  const std::string alphabet = "ab,\"\r\n\xEF\xBB\xBF\xC3\xA9\xff ";
  for (int i = 0; i < 3000; ++i) {
    std::string text(rng() % 40, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    const csv::Table t = csv::read(text);
    std::size_t fields = 0;
    for (const csv::Record& r : t.records) {
      CHECK(r.count >= 1);
      CHECK(r.first == fields);
      fields += r.count;
      if (r.problem) CHECK(r.problem->field < r.count);
    }
    CHECK(fields == t.fields.size());
  }
}

// ---------------------------------------------------------------------------
// The loader: valid tables
// ---------------------------------------------------------------------------
