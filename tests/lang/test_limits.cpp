// Hostile rule files: imports that would read the machine's files or hang,
// and nesting that would overflow the parser's stack. Each gives a located
// error with the exact message.
#include <sys/stat.h>

#include "tests/lang/support.hpp"

using pcs::testing::compile_inline;

namespace {

const char* program = "program \"t\" { }\ndesignation d \"D\" { attained when total >= 0 points }\n";

/// A ruleset folder `v` inside a fresh root, with `files`; `prepare` may add
/// links or special files to the folder before it is compiled from the root.
pcs::testing::InlineRuleset compile_in_root(const std::map<std::string, std::string>& files,
                                            const std::function<void(const std::filesystem::path&)>& prepare = {}) {
  static int counter = 0;
  const auto root = std::filesystem::temp_directory_path() /
                    ("pcs-limits-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(root / "v");
  for (const auto& [name, text] : files) std::ofstream(root / "v" / name) << text;
  if (prepare) prepare(root / "v");
  pcs::testing::InlineRuleset out;
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(root);
  out.ruleset = pcs::compile_ruleset("v", out.sources, out.diags);
  std::filesystem::current_path(cwd);
  out.diags.sort();
  out.rendered = pcs::render_all(out.diags, out.sources);
  std::filesystem::remove_all(root);
  return out;
}

}  // namespace

TEST_CASE("confined imports: an absolute path is refused before anything is read") {
  auto out = compile_in_root({{"program.pcs", program}, {"x.pcs", "import \"/etc/passwd\"\n"}});
  CHECK(out.ruleset == nullptr);
  CHECK(out.rendered ==
        "v/x.pcs:1:1: error[import]: '/etc/passwd' is an absolute path: an import names a file relative to the "
        "importing file, inside the ruleset folder '.' or in the standard library (std/...)\n"
        "  1 | import \"/etc/passwd\"\n"
        "    | ^~~~~~~~~~~~~~~~~~~~\n");
}

TEST_CASE("confined imports: '..' out of the ruleset folder, and out of std/") {
  auto out = compile_in_root({{"program.pcs", program}, {"x.pcs", "import \"../../etc/passwd\"\nimport \"std/../../x.pcs\"\n"}});
  CHECK(out.ruleset == nullptr);
  CHECK(out.rendered ==
        "v/x.pcs:1:1: error[import]: '../../etc/passwd' leads outside the ruleset folder: an import may read only "
        "files inside the ruleset folder '.' or in the standard library (std/...)\n"
        "  1 | import \"../../etc/passwd\"\n"
        "    | ^~~~~~~~~~~~~~~~~~~~~~~~~\n"
        "v/x.pcs:2:1: error[import]: 'std/../../x.pcs' leads outside the ruleset folder: an import may read only "
        "files inside the ruleset folder '.' or in the standard library (std/...)\n"
        "  2 | import \"std/../../x.pcs\"\n"
        "    | ^~~~~~~~~~~~~~~~~~~~~~~~\n");
}

TEST_CASE("confined imports: a symbolic link out of the folder, a device and a folder") {
  auto out = compile_in_root({{"program.pcs", program},
                              {"x.pcs", "import \"passwd.pcs\"\nimport \"zero.pcs\"\nimport \"sub\"\nimport \"pipe.pcs\"\n"}},
                             [](const std::filesystem::path& dir) {
                               std::filesystem::create_symlink("/etc/passwd", dir / "passwd.pcs");
                               std::filesystem::create_symlink("/dev/zero", dir / "zero.pcs");
                               std::filesystem::create_directory(dir / "sub");
                               ::mkfifo((dir / "pipe.pcs").c_str(), 0600);
                             });
  CHECK(out.ruleset == nullptr);
  const auto& r = out.rendered;
  CHECK(r.find("v/x.pcs:1:1: error[import]: 'passwd.pcs' leads outside the ruleset folder") != std::string::npos);
  CHECK(r.find("v/x.pcs:2:1: error[import]: 'zero.pcs' leads outside the ruleset folder") != std::string::npos);
  CHECK(r.find("v/x.pcs:3:1: error[import]: 'sub' is a folder: import a rule file, or a whole program version with "
               "'import version'") != std::string::npos);
  CHECK(r.find("v/x.pcs:4:1: error[import]: 'pipe.pcs' is not a rule file (a device or another special file)") !=
        std::string::npos);
  CHECK(r.find("root:") == std::string::npos);  // nothing of /etc/passwd is shown
}

TEST_CASE("nesting: 100,000 brackets stop at the limit with a located error, not a crash") {
  const std::string deep = "let x = " + std::string(100000, '(') + "1" + std::string(100000, ')') + "\n";
  auto out = compile_inline({{"program.pcs", program}, {"x.pcs", deep}});
  CHECK(out.ruleset == nullptr);
  CHECK(out.rendered.rfind("x.pcs:1:209: error[syntax]: the rule nests too deeply: at most 200 levels of brackets, "
                           "sets, calls, 'if', 'not' and '-' are allowed\n"
                           "  1 | ...((((",
                           0) == 0);
}

TEST_CASE("nesting: 'not', '-' and sets count as levels too, and 190 levels are fine") {
  auto nots = compile_inline({{"program.pcs", program}, {"x.pcs", "let x = " + [] {
                                 std::string s;
                                 for (int i = 0; i < 5000; ++i) s += "not ";
                                 return s + "true\n";
                               }()}});
  CHECK(nots.ruleset == nullptr);
  CHECK(nots.rendered.find("error[syntax]: the rule nests too deeply") != std::string::npos);
  auto sets = compile_inline({{"program.pcs", program}, {"x.pcs", "let x = " + std::string(300, '{') + "1" + std::string(300, '}') + "\n"}});
  CHECK(sets.rendered.find("error[syntax]: the rule nests too deeply") != std::string::npos);
  auto fine = compile_inline({{"program.pcs", program}, {"x.pcs", "let x = " + std::string(190, '(') + "1 USD" + std::string(190, ')') + "\n"}});
  CHECK_MESSAGE(fine.rendered.find("nests too deeply") == std::string::npos, fine.rendered);
}

TEST_CASE("time budget: queries nested over many rows stop with a located error") {
  // For each of 4,000 usage rows, every one of 4,000 people is visited: 16 M
  // steps, far more than a 50 ms budget allows.
  auto rs = compile_inline({{"program.pcs",
                             "program \"t\" { }\n"
                             "import \"std/usage.pcs\"\n"
                             "designation d \"D\" {\n"
                             "  attained when total >= 0 points\n"
                             "  category c \"C\" {\n"
                             "    metric m \"M\" max 10 points {\n"
                             "      value count(usage(acr) where count(people where value > 0 USD) > 0 people)\n"
                             "      score = 0 points\n"
                             "    }\n"
                             "  }\n"
                             "}\n"}});
  REQUIRE_MESSAGE(rs.ruleset, rs.rendered);
  std::string people, usage;
  for (int i = 0; i < 4000; ++i) {
    people += (i ? "," : "") + std::string(R"({ "id": "p)") + std::to_string(i) + R"(", "certifications": [] })";
    usage += (i ? "," : "") + std::string(R"({ "month": "2024-06", "measure": "acr", "value": 1 })");
  }
  const auto partner = pcs::testing::partner_from(R"({ "partner": { "id": "x" }, "people": [)" + people +
                                                  R"(], "customers": [ { "tenant": "t", "usage": [)" + usage + "] } ] }");
  pcs::eval::Options options;
  options.as_of = pcs::parse_month("2024-06");
  options.limit_ms = 50;
  const auto started = std::chrono::steady_clock::now();
  const auto r = pcs::eval::evaluate(*rs.ruleset, partner, options);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  const auto& m = pcs::testing::metric(pcs::testing::designation(r, "d"), "m");
  CHECK(m.error.find("program.pcs:7:") == 0);
  CHECK(m.error.find("the evaluation took longer than its time budget of 50 ms and stopped here") != std::string::npos);
  CHECK(pcs::testing::designation(r, "d").error.find("metric m: program.pcs:7:") == 0);
}
