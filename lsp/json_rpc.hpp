// JSON-RPC framing of the Language Server Protocol over stdio: each message
// is headers ("Content-Length: N"), an empty line, then N bytes of JSON.
// Written by hand because it is a dozen lines and no Debian library offers
// LSP framing alone; the JSON itself goes through nlohmann-json.
#pragma once

#include <istream>
#include <ostream>
#include <string>

namespace pcs::lsp {

struct Frame {
  enum class Kind { message, bad_header, end };
  Kind kind = Kind::end;
  std::string body;     // message: the JSON text
  std::string problem;  // bad_header: what was wrong, for the error reply
};

/// Reads the next framed message. A header block without a usable
/// Content-Length gives bad_header (the reader then looks for the next
/// header block); end of input gives end.
Frame read_frame(std::istream& in);

/// Writes one framed message and flushes.
void write_frame(std::ostream& out, const std::string& body);

}  // namespace pcs::lsp
