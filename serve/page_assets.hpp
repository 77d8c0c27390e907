// The files of the page (serve/page/ and web/vendor/codemirror.min.js),
// embedded into the binary at build time (embed_assets.cmake writes
// page_assets.cpp in the build folder), so `pcs serve` needs no file beside it.
#pragma once

#include <string_view>

namespace pcs::serve {

struct Asset {
  std::string_view url;           // "/", "/page/app.js", "/vendor/codemirror.min.js"
  std::string_view content_type;  // "text/html; charset=utf-8", ...
  std::string_view bytes;
};

/// The asset served at `url`, or nullptr.
const Asset* find_asset(std::string_view url);

}  // namespace pcs::serve
