// The handlers of `pcs serve` without sockets: the 4xx answers with their
// exact messages, the confinement of Save to the listed rule files, checks
// and scores with unsaved buffers that never reach the disk.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <vector>

#include "serve/playground.hpp"

using namespace pcs::serve;
namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A copy of rulesets/ in a temporary folder, served with the sample partners.
struct Fixture {
  fs::path root = fs::temp_directory_path() / ("pcs-serve-test-" + std::to_string(::getpid()));
  std::optional<Playground> playground;
  Fixture() {
    fs::remove_all(root);
    fs::copy(fs::path(PCS_SOURCE_DIR) / "rulesets", root, fs::copy_options::recursive);
    std::string why;
    auto ws = Workspace::open(root.string(), why);
    REQUIRE(ws);
    Partners partners;
    playground.emplace(std::move(*ws), std::move(partners));
  }
  ~Fixture() { fs::remove_all(root); }
  Response post(const std::string& path, const std::string& body) {
    return playground->handle({"POST", path, body, "", "application/json"});
  }
  std::string error_of(const Response& r) { return Json::parse(r.body).at("error").get<std::string>(); }
};

}  // namespace

TEST_CASE("serve: bad requests get a 4xx status and a message") {
  Fixture f;
  auto r = f.post("/api/check", "{not json");
  CHECK(r.status == 400);
  CHECK(f.error_of(r) == "the request body is not valid JSON");
  r = f.post("/api/check", "[1, 2]");
  CHECK(r.status == 400);
  CHECK(f.error_of(r) == "the request body must be a JSON object, such as {\"buffers\": {}}");
  r = f.post("/api/check", R"({"buffers": {"2025-01/program.pcs": 3}})");
  CHECK(r.status == 400);
  CHECK(f.error_of(r) == "the buffer of '2025-01/program.pcs' must be a string");
  r = f.playground->handle({"GET", "/api/nothing", "", "", ""});
  CHECK(r.status == 404);
  CHECK(f.error_of(r) == "there is no API '/api/nothing'");
  r = f.playground->handle({"GET", "/secret.txt", "", "", ""});
  CHECK(r.status == 404);
  CHECK(f.error_of(r) == "there is no page '/secret.txt'");
  r = f.playground->handle({"GET", "/api/save", "", "", ""});
  CHECK(r.status == 405);
  CHECK(f.error_of(r) == "/api/save takes a POST with a JSON body");
  r = f.playground->handle({"POST", "/api/save", "{}", "", "text/plain"});
  CHECK(r.status == 415);
  CHECK(f.error_of(r) == "the API takes JSON: send the header Content-Type: application/json");
  r = f.post("/api/check", std::string(Playground::max_body_bytes + 1, ' '));
  CHECK(r.status == 413);
  CHECK(f.error_of(r) == "the request body has 8388609 bytes; at most 8388608 are accepted");
  r = f.post("/api/eval", "{}");
  CHECK(r.status == 400);
  CHECK(f.error_of(r) == "give \"partner\" (the id of a partner of the population) or \"partner_json\" (the text of a partner file)");
  r = f.post("/api/diff", R"({"old": "2023-06", "new": "2025-01"})");
  CHECK(r.status == 400);
  CHECK(f.error_of(r) == "the diff scores a population: start pcs serve with --partners DIR");
}

TEST_CASE("serve: the page and every script it loads are embedded") {
  Fixture f;
  const struct {
    const char* url;
    const char* type;
    const char* source;
  } files[] = {
      {"/", "text/html; charset=utf-8", "serve/page/index.html"},
      {"/page/app.js", "text/javascript; charset=utf-8", "serve/page/app.js"},
      {"/page/api.js", "text/javascript; charset=utf-8", "serve/page/api.js"},
      {"/page/results.js", "text/javascript; charset=utf-8", "serve/page/results.js"},
      {"/page/style.css", "text/css; charset=utf-8", "serve/page/style.css"},
      {"/vendor/codemirror.min.js", "text/javascript; charset=utf-8", "web/vendor/codemirror.min.js"},
  };
  for (const auto& file : files) {
    CAPTURE(file.url);
    const auto r = f.playground->handle({"GET", file.url, "", "", ""});
    CHECK(r.status == 200);
    CHECK(r.content_type == file.type);
    CHECK(r.body == slurp(fs::path(PCS_SOURCE_DIR) / file.source));
  }
}

TEST_CASE("serve: a request naming another host is refused (DNS rebinding)") {
  Fixture f;
  f.playground->allowed_hosts = {"127.0.0.1:8080", "localhost:8080"};
  auto r = f.playground->handle({"GET", "/api/files", "", "evil.example:8080", ""});
  CHECK(r.status == 403);
  CHECK(f.error_of(r) == "the host 'evil.example:8080' is not served: open http://127.0.0.1:8080/");
  CHECK(f.playground->handle({"GET", "/api/files", "", "127.0.0.1:8080", ""}).status == 200);
}

TEST_CASE("serve: Save writes only listed rule files inside the root") {
  Fixture f;
  const std::string outside = (f.root.parent_path() / "outside.pcs").string();
  for (const std::string& path : std::vector<std::string>{"../outside.pcs", "/etc/passwd", "2025-01/../../outside.pcs", "2025-01/new.pcs",
                                 outside, "2025-01/tests"}) {
    CAPTURE(path);
    auto r = f.post("/api/save", Json{{"path", path}, {"text", "x"}}.dump());
    CHECK(r.status == 403);
    CHECK(f.error_of(r) == "'" + path + "' is not a rule file of the ruleset '" + f.root.string() +
                               "': only its existing .pcs files can be edited and saved");
  }
  CHECK(!fs::exists(f.root.parent_path() / "outside.pcs"));
  CHECK(!fs::exists(f.root / "2025-01" / "new.pcs"));
  auto r = f.post("/api/save", R"({"path": "2025-01/program.pcs"})");
  CHECK(r.status == 400);
  CHECK(f.error_of(r) == "Save needs \"path\" (a rule file of the ruleset, such as \"2025-01/program.pcs\") and \"text\"");
}

TEST_CASE("serve: Save refuses a file that does not check, and leaves the disk alone") {
  Fixture f;
  const auto file = f.root / "2025-01" / "program.pcs";
  const auto before = slurp(file);
  auto r = f.post("/api/save", Json{{"path", "2025-01/program.pcs"}, {"text", "@@@\n" + before}}.dump());
  CHECK(r.status == 409);
  const auto body = Json::parse(r.body);
  CHECK(body.at("error") == "'2025-01/program.pcs' was not saved: the rules would have 1 error");
  REQUIRE(body.at("diagnostics").size() == 1);
  CHECK(body["diagnostics"][0]["file"] == "2025-01/program.pcs");
  CHECK(body["diagnostics"][0]["line"] == 1);
  CHECK(body["diagnostics"][0]["column"] == 1);
  CHECK(body["diagnostics"][0]["code"] == "syntax");
  CHECK(slurp(file) == before);
  // A text that checks is written.
  r = f.post("/api/save", Json{{"path", "2025-01/program.pcs"}, {"text", "# saved\n" + before}}.dump());
  CHECK(r.status == 200);
  CHECK(slurp(file) == "# saved\n" + before);
}

TEST_CASE("serve: unsaved buffers are checked in memory") {
  Fixture f;
  const auto file = f.root / "2025-01" / "program.pcs";
  const auto before = slurp(file);
  auto r = f.post("/api/check", Json{{"buffers", {{"2025-01/program.pcs", before + "\nlet broken = \n"}}}}.dump());
  CHECK(r.status == 200);
  const auto body = Json::parse(r.body);
  CHECK(body.at("errors") == 1);
  REQUIRE(!body.at("diagnostics").empty());
  CHECK(body["diagnostics"][0]["file"] == "2025-01/program.pcs");
  CHECK(slurp(file) == before);
  r = f.post("/api/check", "{}");
  CHECK(Json::parse(r.body).at("errors") == 0);
}
