// The formatter's printer: tokens (lexer.hpp) and their roles (roles.hpp) ->
// the canonical text. The layout rules are listed in formatter.hpp.
#pragma once

#include <string>
#include <vector>

#include "format/lexer.hpp"
#include "format/roles.hpp"

namespace pcs::format {

/// Lays out the tokens of one rule file. Line breaks between tokens are the
/// source's; everything else (indentation, spaces, blank lines) is canonical.
std::string layout(const std::vector<Token>& tokens, const Roles& roles);

}  // namespace pcs::format
