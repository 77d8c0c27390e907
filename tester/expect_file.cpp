// Reading .expect files (format in expect_file.hpp).
#include "tester/expect_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace pcs::tester {

namespace fs = std::filesystem;

namespace {

std::vector<std::pair<std::string, std::uint32_t>> words_of(const std::string& line) {
  std::vector<std::pair<std::string, std::uint32_t>> words;  // word, 1-based column
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    const auto start = i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i > start) words.emplace_back(line.substr(start, i - start), static_cast<std::uint32_t>(start + 1));
  }
  return words;
}

}  // namespace

std::optional<Case> read_case(const std::string& path, SourceFiles& sources, Diagnostics& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.error("io", {path, 0, 0, 1}, "cannot read test case file");
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const auto text = sources.add(path, buffer.str());
  Case c;
  c.file = path;
  const fs::path file(path);
  c.partner_file = (file.parent_path() / (file.stem().string() + ".json")).string();
  c.ruleset_dir = file.parent_path().parent_path().string();
  if (c.ruleset_dir.empty()) c.ruleset_dir = ".";
  const auto errors_before = out.error_count();
  std::istringstream lines{std::string(text)};
  std::string line;
  std::uint32_t number = 0;
  while (std::getline(lines, line)) {
    ++number;
    const auto words = words_of(line);
    if (words.empty() || words[0].first[0] == '#') continue;
    auto at = [&](std::size_t w) {
      const auto& word = w < words.size() ? words[w] : words.back();
      return SourcePos{path, number, w < words.size() ? word.second : static_cast<std::uint32_t>(line.size() + 1),
                       static_cast<std::uint32_t>(w < words.size() ? word.first.size() : 1)};
    };
    const auto& keyword = words[0].first;
    if (keyword == "as-of" && words.size() == 2) {
      c.as_of = parse_month(words[1].first);
      if (!c.as_of) out.error("test-case", at(1), fmt::format("expected a month written YYYY-MM, got \"{}\"", words[1].first));
    } else if (keyword == "program" && words.size() == 2) {
      c.program = words[1].first;
    } else if (keyword == "partner" && words.size() == 2) {
      c.partner_file = (file.parent_path() / words[1].first).string();
    } else if (keyword == "expect" && words.size() >= 4) {
      Expectation e{};
      e.line = number;
      const auto& subject = words[1].first;
      const auto& what = words[2].first;
      if ((subject == "badge" || subject == "specialization") && words.size() == 4) {
        e.kind = subject == "badge" ? Expectation::Kind::badge : Expectation::Kind::specialization;
        e.subject = what;
        e.expected = words[3].first;
      } else if (words.size() == 4 && (what == "attained" || what == "total" || what == "path")) {
        e.kind = what == "attained" ? Expectation::Kind::attained : what == "total" ? Expectation::Kind::total : Expectation::Kind::path;
        e.subject = subject;
        e.expected = words[3].first;
      } else if (words.size() == 5 && (words[3].first == "points" || words[3].first == "value")) {
        e.kind = words[3].first == "points" ? Expectation::Kind::metric_points : Expectation::Kind::metric_value;
        e.subject = subject;
        e.metric = what;
        e.expected = words[4].first;
      } else {
        out.error("test-case", at(2),
                  "expected 'expect DESIGNATION attained|total|path VALUE', 'expect DESIGNATION METRIC points|value VALUE', "
                  "'expect badge ID yes|no' or 'expect specialization ID yes|no|unpublished'");
        continue;
      }
      if (e.kind == Expectation::Kind::specialization && e.expected != "yes" && e.expected != "no" &&
          e.expected != "unpublished")
        out.error("test-case", at(words.size() - 1), fmt::format("expected yes, no or unpublished, got \"{}\"", e.expected));
      else if ((e.kind == Expectation::Kind::attained || e.kind == Expectation::Kind::badge) && e.expected != "yes" &&
               e.expected != "no")
        out.error("test-case", at(words.size() - 1), fmt::format("expected yes or no, got \"{}\"", e.expected));
      c.expectations.push_back(std::move(e));
    } else {
      out.error("test-case", at(0), "expected 'as-of YYYY-MM', 'program ID', 'partner FILE', 'expect ...' or a # comment");
    }
  }
  if (c.expectations.empty() && out.error_count() == errors_before)
    out.error("test-case", {path, 0, 0, 1}, "the test case expects nothing; add 'expect ...' lines");
  if (out.error_count() != errors_before) return std::nullopt;
  return c;
}

std::vector<std::string> find_cases(const std::vector<std::string>& paths) {
  std::vector<std::string> found;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) {
      found.push_back(p);
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
      if (it->is_regular_file() && it->path().extension() == ".expect") found.push_back(it->path().string());
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace pcs::tester
