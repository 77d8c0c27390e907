// The request handlers of `pcs serve`, as plain functions of a request, so
// they are tested without sockets (tests/serve/). The HTTP layer
// (http_server.cpp, cpp-httplib) only copies method, path and body in and
// status, type and body out.
//
//   GET  /                       the page (serve/page/, embedded at build time)
//   GET  /page/NAME, /vendor/NAME its scripts and styles
//   GET  /api/files              the rule files with their text, the versions, the partners
//   POST /api/check              {buffers}: the diagnostics of the rules with the unsaved buffers
//   POST /api/eval               {buffers, partner | partner_json, program?, as_of?}: the scores,
//                                and `shown`: their figures as pcs eval prints them
//   POST /api/plan               the same request: the plan (pcs plan --format json)
//   POST /api/diff               {buffers, old, new}: two versions on the population (pcs diff)
//   POST /api/save               {path, text}: writes one rule file, only if the rules check (else 409)
//
// `buffers` maps listed rule file paths to their unsaved text; they are read
// in place of the files (interpreter/source_overlay.hpp) and never written.
// Every answer is JSON; a bad request gets a 4xx status and {"error": "..."}.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include "data/partner.hpp"
#include "serve/workspace.hpp"

namespace pcs::serve {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string
  std::string body;
  std::string host;          // the Host header
  std::string content_type;  // the Content-Type header
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
};

/// A population loaded when the server starts (--partners), kept in memory.
struct Partners {
  std::string dir;
  std::vector<data::Partner> partners;
  std::vector<std::string> errors;  // the partners that did not load, as printed
};

class Playground {
 public:
  /// Larger request bodies are refused (413): rule files and partner files are far smaller.
  static constexpr std::size_t max_body_bytes = 8u << 20;

  Playground(Workspace workspace, Partners partners);

  /// The Host headers accepted ("127.0.0.1:8080", "localhost:8080"); empty:
  /// any. A page of another site that a browser was tricked into sending to
  /// 127.0.0.1 (DNS rebinding) names its own host, and is refused (403).
  std::vector<std::string> allowed_hosts;

  /// Answers one request. Never throws: an unexpected failure is a 500 with its message.
  Response handle(const Request& request);

  const Workspace& workspace() const { return workspace_; }
  const Partners& partners() const { return partners_; }

 private:
  Response route(const Request& request);

  Workspace workspace_;
  Partners partners_;
  std::mutex save_;  // one Save at a time: check then write, never interleaved
};

/// A JSON error answer: {"error": message} with `status`.
Response error(int status, const std::string& message);

}  // namespace pcs::serve
