// Reading a partner or EDITS JSON file from disk, bounded in size, for the
// loaders of json_loader.cpp.
#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "data/edits.hpp"
#include "data/json_loader.hpp"

namespace pcs::data {

namespace {
// A partner of 60 customers and 25 months of usage is under 1 MB of JSON; a
// file past this limit is not one partner, and reading it whole (or a device
// such as /dev/zero, which never ends) would only exhaust memory.
constexpr std::size_t max_json_file_bytes = std::size_t(64) << 20;

std::optional<std::string> read_file(const std::string& path, Diagnostics& out, const char* what) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  int err = 0;
  bool too_large = false;
  std::string text;
  struct stat info {};
  if (f == nullptr) err = errno;
  else if (fstat(fileno(f), &info) == 0 && S_ISREG(info.st_mode) && std::size_t(info.st_size) > max_json_file_bytes) {
    too_large = true;  // known before reading a byte
    std::fclose(f);
  } else {
    char buffer[1 << 16];
    // Of a pipe or device the size is unknown: room for the limit at once, so
    // that growing the text never holds two copies near the limit.
    if (!S_ISREG(info.st_mode)) text.reserve(max_json_file_bytes + sizeof buffer);
    for (;;) {
      const std::size_t n = std::fread(buffer, 1, sizeof buffer, f);
      text.append(buffer, n);
      if (text.size() > max_json_file_bytes) {
        too_large = true;
        break;
      }
      if (n < sizeof buffer) break;
    }
    err = std::ferror(f) ? (errno != 0 ? errno : EIO) : 0;
    std::fclose(f);
  }
  if (too_large) {
    out.error("io", SourcePos{path, 0, 0, 1},
              fmt::format("the {} is larger than {} MB: it cannot be one partner's data (split the population into "
                          "one file per partner, or use the CSV tables with --partners)",
                          what, max_json_file_bytes >> 20));
    return std::nullopt;
  }
  if (err == 0) return text;
  out.error("io", SourcePos{path, 0, 0, 1}, std::string("cannot read ") + what + ": " + std::strerror(err));
  return std::nullopt;
}
}  // namespace

std::optional<Edits> load_edits_file(const std::string& path, SourceFiles& sources, Diagnostics& out) {
  auto text = read_file(path, out, "edits file");
  if (!text) return std::nullopt;
  return load_edits_json(sources.add(path, std::move(*text)), path, out);
}

std::optional<Partner> load_partner_file(const std::string& path, SourceFiles& sources, Diagnostics& out) {
  auto text = read_file(path, out, "partner file");
  if (!text) return std::nullopt;
  return load_partner_json(sources.add(path, std::move(*text)), path, out);
}

}  // namespace pcs::data
