// The HTTP layer of `pcs serve`: cpp-httplib (Debian's libcpp-httplib-dev)
// in front of Playground::handle. Nothing here decides anything.
#pragma once

#include <ostream>
#include <string>

#include "serve/playground.hpp"

namespace pcs::serve {

/// Binds `host`:`port` (port 0: any free port), writes the URL to `log`,
/// and serves until SIGINT or SIGTERM. Returns false with `why` when the
/// address cannot be bound.
bool run_http_server(Playground& playground, const std::string& host, int port, bool any_host, std::ostream& log,
                     std::string& why);

}  // namespace pcs::serve
