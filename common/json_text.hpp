// Text as a JSON string literal, for every JSON the project writes (results,
// plans, edits, diagnostics): quotes, backslashes and control characters escaped.
#pragma once

#include <string>
#include <string_view>

namespace pcs {

/// **Example**: `json_string("a \"b\"")` is `"\"a \\\"b\\\"\""`.
std::string json_string(std::string_view s);

}  // namespace pcs
