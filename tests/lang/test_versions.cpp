// A program version as "the previous version, except ...": `import version`,
// `override designation`, specializations whose requirements are not
// published, and a metric's points named in `attained when`.
#include "tests/lang/support.hpp"

using namespace pcs::testing;

namespace {

/// Folders of rule files (folder -> file name -> text) under a fresh
/// temporary root; compiles `folder` with the root as working directory, so
/// diagnostics name files as "v2/x.pcs".
InlineRuleset compile_versions(const std::map<std::string, std::map<std::string, std::string>>& folders,
                               const std::string& folder) {
  static int counter = 0;
  const auto root = std::filesystem::temp_directory_path() /
                    ("pcs-versions-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  for (const auto& [dir, files] : folders) {
    std::filesystem::create_directories(root / dir);
    for (const auto& [name, text] : files) std::ofstream(root / dir / name) << text;
  }
  InlineRuleset out;
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(root);
  out.ruleset = compile_ruleset(folder, out.sources, out.diags);
  std::filesystem::current_path(cwd);
  out.diags.sort();
  out.rendered = render_all(out.diags, out.sources);
  std::filesystem::remove_all(root);
  return out;
}

// v1: two designations that share a threshold, a badge and a specialization.
const std::map<std::string, std::string> v1 = {
    {"program.pcs", "program \"v1\" { effective 2024-01-01 }\n"},
    {"rules.pcs",
     "let threshold = 2 people\n"
     "designation alpha \"Alpha\" {\n"
     "  attained when total >= 10 points\n"
     "  category c \"C\" { metric m \"M\" max 10 points { value count(people) score = if value >= threshold then 10 "
     "points else 0 points } }\n"
     "}\n"
     "designation beta \"Beta\" {\n"
     "  attained when total >= 10 points\n"
     "  category c \"C\" { metric m \"M\" max 10 points { value count(people) score = if value >= threshold then 10 "
     "points else 0 points } }\n"
     "}\n"
     "badge both \"Both\" when attained(\"alpha\") and attained(\"beta\")\n"
     "specialization expert \"Expert\" for alpha { require count(people) >= threshold }\n"},
};

const char* three_people = R"({ "partner": { "id": "p" }, "people": [
  { "id": "a", "certifications": [] }, { "id": "b", "certifications": [] }, { "id": "c", "certifications": [] } ] })";

}  // namespace

TEST_CASE("import version: the imported designations keep their own definitions, and an override replaces one") {
  // v2 raises the threshold of alpha only: its own `threshold` never reaches v1's beta.
  auto rs = compile_versions(
      {{"v1", v1},
       {"v2",
        {{"program.pcs", "import version \"../v1\"\nprogram \"v2\" { effective 2025-01-01 }\n"},
         {"alpha.pcs",
          "let threshold = 4 people\n"
          "override designation alpha \"Alpha, 2025\" {\n"
          "  attained when total >= 10 points\n"
          "  category c \"C\" { metric m \"M\" max 10 points { value count(people) score = if value >= threshold then "
          "10 points else 0 points } }\n"
          "}\n"}}}},
      "v2");
  REQUIRE_MESSAGE(rs.ruleset, rs.rendered);
  CHECK(rs.rendered.empty());
  auto r = score(*rs.ruleset, partner_from(three_people), "2025-02");
  CHECK(r.program == "v2");
  REQUIRE(r.designations.size() == 2);
  CHECK(r.designations[0].name == "Alpha, 2025");  // in its place: the imported version's order
  CHECK_FALSE(r.designations[0].attained);          // 3 people < 4
  CHECK(r.designations[1].id == "beta");
  CHECK(r.designations[1].attained);                // 3 people >= v1's 2
  // The badge and the specialization come from v1 and read v2's verdicts.
  REQUIRE(r.badges.size() == 1);
  CHECK_FALSE(r.badges[0].attained);
  REQUIRE(r.specializations.size() == 1);
  CHECK_FALSE(r.specializations[0].passed);
  CHECK(r.specializations[0].explain.front() == "designation alpha attained: no");
}

TEST_CASE("import version: a designation declared again without 'override' says how to replace it") {
  auto rs = compile_versions(
      {{"v1", v1},
       {"v2",
        {{"program.pcs", "import version \"../v1\"\nprogram \"v2\" { }\n"},
         {"beta.pcs", "designation beta \"Beta\" { attained when total >= 0 points }\n"}}}},
      "v2");
  CHECK(rs.ruleset == nullptr);
  CHECK(rs.rendered ==
        "v2/beta.pcs:1:13: error[duplicate]: designation 'beta' is already defined by the imported version 'v1' "
        "(v1/rules.pcs:6)\n"
        "  1 | designation beta \"Beta\" { attained when total >= 0 points }\n"
        "    |             ^~~~\n"
        "  hint: write 'override designation beta' to replace it in this version\n");
}

TEST_CASE("import version: overriding a designation no imported version has") {
  auto rs = compile_versions(
      {{"v1", v1},
       {"v2",
        {{"program.pcs", "import version \"../v1\"\nprogram \"v2\" { }\n"},
         {"gamma.pcs", "override designation gamma \"Gamma\" { attained when total >= 0 points }\n"}}}},
      "v2");
  CHECK(rs.ruleset == nullptr);
  CHECK(rs.rendered ==
        "v2/gamma.pcs:1:22: error[nothing-to-override]: 'override designation' replaces a designation of an imported "
        "program version, but no imported version has a designation 'gamma'\n"
        "  1 | override designation gamma \"Gamma\" { attained when total >= 0 points }\n"
        "    |                      ^~~~~\n"
        "  hint: import the earlier version first (import version \"../FOLDER\"), or drop 'override'\n");
}

TEST_CASE("import version: a missing folder and a version that imports itself") {
  auto missing = compile_versions({{"v2", {{"program.pcs", "import version \"../v0\"\nprogram \"v2\" { }\n"}}}}, "v2");
  CHECK(missing.ruleset == nullptr);
  CHECK(missing.rendered ==
        "v2/program.pcs:1:1: error[import]: cannot import the program version '../v0': there is no such folder\n"
        "  1 | import version \"../v0\"\n"
        "    | ^~~~~~~~~~~~~~~~~~~~~~\n"
        "  hint: 'import version' takes the folder of a program version, such as \"../2023-06\"\n");
  auto cycle = compile_versions(
      {{"v1", {{"program.pcs", "import version \"../v2\"\nprogram \"v1\" { }\n"}}},
       {"v2", {{"program.pcs", "import version \"../v1\"\nprogram \"v2\" { }\n"}}}},
      "v2");
  CHECK(cycle.ruleset == nullptr);
  CHECK(cycle.rendered.find("error[import]: the program version '../v2' imports itself: v2 -> v1 -> v2") !=
        std::string::npos);
}

TEST_CASE("specializations: 'requirements not published' is listed, neither passed nor failed") {
  auto rs = compile_inline({{"program.pcs",
                             "program \"t\" { }\n"
                             "designation d \"D\" { attained when total >= 0 points }\n"
                             "specialization finance \"Finance\" for d requirements not published\n"}});
  REQUIRE_MESSAGE(rs.ruleset, rs.rendered);
  auto r = score(*rs.ruleset, partner_from(three_people), "2024-06");
  REQUIRE(r.specializations.size() == 1);
  CHECK_FALSE(r.specializations[0].published);
  CHECK_FALSE(r.specializations[0].passed);
  CHECK(r.specializations[0].explain ==
        std::vector<std::string>{"requirements not published: the program document names this specialization without them"});
}

TEST_CASE("attained when: a metric's id is its points") {
  auto rs = compile_inline({{"program.pcs",
                             "program \"t\" { }\n"
                             "designation d \"D\" {\n"
                             "  attained when total >= 10 points and left + right > 0 points\n"
                             "  category c \"C\" {\n"
                             "    metric left \"Left\" max 10 points { value count(people) score 5 points per person }\n"
                             "    metric right \"Right\" max 10 points { value 0 people score 5 points per person }\n"
                             "  }\n"
                             "}\n"}});
  REQUIRE_MESSAGE(rs.ruleset, rs.rendered);
  auto r = score(*rs.ruleset, partner_from(three_people), "2024-06");
  CHECK(designation(r, "d").attained);  // left 10 + right 0 > 0: one half is enough
  // Outside the attainment rule a metric id is not a name.
  auto bad = compile_inline({{"program.pcs",
                              "program \"t\" { }\n"
                              "designation d \"D\" {\n"
                              "  attained when total >= 0 points\n"
                              "  category c \"C\" { metric left \"Left\" max 10 points { value count(people) "
                              "score = left } }\n"
                              "}\n"}});
  CHECK(bad.ruleset == nullptr);
  CHECK(bad.rendered.find("error[unknown-name]: nothing named 'left' is defined") != std::string::npos);
}
