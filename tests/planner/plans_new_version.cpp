// "A new program version written by hand changes the plans without any C++
// change" (issue 9, Done when): a version folder written in a test, next to
// copies of the shipped ones, and the planner's plan follows its rules.
#include "tests/planner/plan_fixtures.hpp"

#include <filesystem>
#include <fstream>

#include <unistd.h>

using namespace pcs;
using namespace pcs::plan_tests;

namespace {

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
  REQUIRE(out.good());
}

}  // namespace

TEST_CASE("plan: a hand-written program version with a higher minimum changes the plan, no C++ change") {
  // A copy of rulesets/ (the new version imports 2023-06 by its relative
  // path) with a version 2026-01 whose Infrastructure asks 86 points instead
  // of 70. zero-metric has 82 points and Deployments at 0
  // (plans_2023_06.cpp): under 2023-06 one new service (2 points, 16.00008 h)
  // attains at 84. Under 2026-01 84 is short: a second service (2 points,
  // 16.00008 h) is cheaper than a certification (4 points, 40 h; the
  // intermediate metric is at its maximum anyway): 2 services, 32.00016 h, 86.
  namespace fs = std::filesystem;
  const fs::path root = fs::temp_directory_path() / ("pcs-plan-new-version-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  fs::copy(path("rulesets"), root / "rulesets", fs::copy_options::recursive);
  const fs::path v = root / "rulesets" / "2026-01";
  fs::create_directories(v);
  write(v / "program.pcs",
        "# A version written by hand for the planner's test: 2023-06 with a higher minimum for Infrastructure.\n"
        "import version \"../2023-06\"\n"
        "\n"
        "program \"2026-01\" {\n"
        "  name \"Test version: Infrastructure asks 86 points\"\n"
        "  effective 2026-01-01\n"
        "  source \"tests/planner/plans_new_version.cpp\"\n"
        "}\n");
  // 2023-06's Infrastructure, with `attained when total >= 86 points`.
  std::ifstream in(path("rulesets/2023-06/infrastructure.pcs"), std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = "attained when total >= minimum_total", to = "attained when total >= 86 points";
  REQUIRE(text.find(from) != std::string::npos);
  text.replace(text.find(from), from.size(), to);
  const std::string imp = "import \"azure-common.pcs\"";
  REQUIRE(text.find(imp) != std::string::npos);
  text.replace(text.find(imp), imp.size(), "import \"../2023-06/azure-common.pcs\"");
  write(v / "infrastructure.pcs", text);

  const auto p = partner("examples/partners/zero-metric.json");
  const auto before = plan((root / "rulesets" / "2023-06").string(), p, "infrastructure");
  REQUIRE(before.found);
  REQUIRE(before.steps.size() == 1);
  CHECK(before.steps[0].times == 1);
  CHECK(before.total_cost == new_service_hours());

  const auto after = plan(v.string(), p, "infrastructure");
  REQUIRE(after.found);
  CHECK(after.verified);
  REQUIRE(after.steps.size() == 1);
  CHECK(after.steps[0].action.metric == "deployments");
  CHECK(after.steps[0].times == 2);
  CHECK(after.total_cost == Decimal::from_int(2) * new_service_hours());
  CHECK(after.after.total == Decimal::from_int(86));
  CHECK(attains(v.string(), p, "infrastructure", after.edits));
  fs::remove_all(root);
}
