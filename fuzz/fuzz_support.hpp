// What the fuzz targets share: a private scratch folder for inputs that the
// code under test reads from files (rule folders, CSV tables, .expect files).
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace pcs::fuzz {

/// A folder of this process, emptied on each call.
inline std::filesystem::path scratch(const char* name) {
  const auto dir = std::filesystem::temp_directory_path() / (std::string("pcs-fuzz-") + name + "-" + std::to_string(::getpid()));
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void write(const std::filesystem::path& file, std::string_view text) {
  std::ofstream(file, std::ios::binary).write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace pcs::fuzz
