// `pcs lsp`: the Language Server Protocol over stdin/stdout.
#pragma once

#include <istream>
#include <ostream>

namespace pcs::lsp {

/// Serves until `exit` or end of input. Returns 0 after shutdown + exit, else 1.
int serve(std::istream& in, std::ostream& out);

}  // namespace pcs::lsp
