// What the partition's passes share (csv_partition.cpp reads and routes,
// csv_partition_copy.cpp copies shuffled tables on several threads): file
// I/O that survives EINTR, an unlinked temporary file, line counting. Internal
// to engine/.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace pcs::engine::partition_io {

constexpr std::size_t partners_table = 0;
constexpr std::size_t max_stray_rows = 50;  // as the loader's max_errors: one message each
constexpr std::size_t copy_buffer = std::size_t(64) << 10;
constexpr std::size_t release_every = std::size_t(32) << 20;

inline std::string join(const std::string& dir, std::string_view name) {
  if (dir.empty()) return std::string(name);
  return dir.back() == '/' ? dir + std::string(name) : dir + "/" + std::string(name);
}

// An unlinked temporary file: gone when closed, whatever happens.
inline int temporary_file() {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/pcs-partition-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd >= 0) ::unlink(path.c_str());
  return fd;
}

inline bool write_all(int fd, const char* data, std::size_t size, std::uint64_t offset) {
  while (size > 0) {
    const ssize_t n = ::pwrite(fd, data, size, off_t(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n, size -= std::size_t(n), offset += std::uint64_t(n);
  }
  return true;
}

inline bool read_all(int fd, char* data, std::size_t size, std::uint64_t offset) {
  while (size > 0) {
    const ssize_t n = ::pread(fd, data, size, off_t(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n, size -= std::size_t(n), offset += std::uint64_t(n);
  }
  return true;
}

// FNV-1a: partner ids are a few bytes; the rank table is probed once per shuffled row.
inline std::uint64_t hash_id(std::string_view id) {
  std::uint64_t h = 14695981039346656037ull;
  for (char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h ^ (h >> 29);
}

inline std::uint32_t count_lines(std::string_view s) { return std::uint32_t(std::count(s.begin(), s.end(), '\n')); }

}  // namespace pcs::engine::partition_io
