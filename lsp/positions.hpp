// Positions between pcs and LSP: pcs counts 1-based lines and 1-based byte
// columns (SourcePos); LSP counts 0-based lines and UTF-16 code units.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/diagnostics.hpp"

namespace pcs::lsp {

/// UTF-16 code units in the first `bytes` bytes of a UTF-8 line.
std::uint32_t utf16_units(std::string_view line, std::size_t bytes);
/// The byte offset in `line` of UTF-16 character `units` (clamped to the line).
std::size_t byte_offset(std::string_view line, std::uint32_t units);

/// The LSP range of `pos`, whose line text is `line`; an unknown position (line 0) is 0:0.
nlohmann::json range_of(const SourcePos& pos, std::string_view line);

/// file:///a%20b/c.pcs <-> /a b/c.pcs
std::string uri_to_path(std::string_view uri);
std::string path_to_uri(std::string_view path);

/// Line `n` (0-based) of `text`, without its line break.
std::string_view line_of(std::string_view text, std::uint32_t n);

}  // namespace pcs::lsp
