// The record splitter of the batch engine finds the records the CSV reader
// finds, at the same lines, and the same partner_id cell: on random texts
// made of the characters that matter (commas, quotes, CR, LF, bytes >= 0x80).
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "data/csv_reader.hpp"
#include "data/csv_splitter.hpp"

using namespace pcs::data;

TEST_CASE("the splitter and the reader agree on records, lines and the partner_id cell") {
  std::mt19937 rng(42);
  const std::string alphabet[] = {"a", "b", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", "\xc3\xa9", "\xff", " "};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = int(rng() % 40);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % std::size(alphabet)];
    const std::size_t column = rng() % 3;
    CAPTURE(text);
    CAPTURE(column);
    const csv::Table table = csv::read(text);
    csv::RecordSplitter splitter(text, column);
    std::size_t at = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    std::uint32_t line = 1;
    std::size_t k = 0;
    while (splitter.skip_blank(at, line)) {
      const csv::SplitRecord r = splitter.split(at);
      REQUIRE(k < table.records.size());
      const csv::Record& record = table.records[k++];
      CHECK(record.line == line);
      CHECK(r.unterminated == (table.truncated && k == table.records.size()));
      const auto fields = table.fields_of(record);
      if (!r.unterminated) {  // an unterminated record fails its whole file; its cells do not matter
        CHECK(r.has_id == (column < fields.size()));
        if (r.has_id && column < fields.size()) CHECK(std::string(r.id) == std::string(fields[column].text));
      }
      line += r.lines;
      at = r.next;
      if (r.unterminated) break;
    }
    CHECK(k == table.records.size());
  }
}
