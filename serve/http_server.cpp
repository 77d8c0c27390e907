// cpp-httplib in front of the playground (see http_server.hpp).
#include "serve/http_server.hpp"

#include <httplib.h>
#include <fmt/format.h>

#include <csignal>

namespace pcs::serve {

namespace {

httplib::Server* running = nullptr;

extern "C" void stop_serving(int) {
  if (running) running->stop();
}

void answer(Playground& playground, const httplib::Request& in, httplib::Response& out) {
  Request request{in.method, in.path, in.body, in.get_header_value("Host"), in.get_header_value("Content-Type")};
  const Response r = playground.handle(request);
  out.status = r.status;
  out.set_content(r.body, r.content_type.c_str());
  out.set_header("X-Content-Type-Options", "nosniff");
  out.set_header("Cache-Control", "no-store");
}

}  // namespace

bool run_http_server(Playground& playground, const std::string& host, int port, bool any_host, std::ostream& log,
                     std::string& why) {
  httplib::Server server;
  // Bodies past the limit are refused by httplib (413) before they are read whole.
  server.set_payload_max_length(Playground::max_body_bytes);
  // httplib's default sets SO_REUSEPORT, with which a second pcs serve (or any
  // program of this user) binds the same port and silently takes half of the
  // requests. SO_REUSEADDR alone still allows a restart while old connections
  // linger, and makes a taken port an error.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<void*>(&yes), sizeof(yes));
  });
  auto handler = [&playground](const httplib::Request& in, httplib::Response& out) { answer(playground, in, out); };
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Delete(".*", handler);
  server.Patch(".*", handler);
  server.set_error_handler([](const httplib::Request&, httplib::Response& out) {
    if (!out.body.empty()) return;
    out.set_content(fmt::format("{{\"error\": \"the request was refused (HTTP {})\"}}", out.status), "application/json");
  });
  const int bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    why = port == 0 ? fmt::format("cannot listen on {}: is it an address of this machine?", host)
                    : fmt::format("cannot listen on {}:{}: is the port taken, or the address not one of this machine?", host, port);
    return false;
  }
  const std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (!any_host) playground.allowed_hosts = {fmt::format("{}:{}", shown, bound), fmt::format("localhost:{}", bound)};
  log << fmt::format("pcs serve: the playground of '{}' is at http://{}:{}/\n", playground.workspace().root(), shown, bound);
  log.flush();
  running = &server;
  std::signal(SIGINT, stop_serving);
  std::signal(SIGTERM, stop_serving);
  server.listen_after_bind();
  running = nullptr;
  return true;
}

}  // namespace pcs::serve
