// A read-only memory map of a whole file, for the partition pass: one
// contiguous view (records may span any read boundary) without copying.
// Pages already scanned are given back with release_before(), so the
// process's resident size stays small however large the file is: mapped
// file pages count in the resident set until they are unmapped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pcs::engine {

class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  MappedFile(MappedFile&& o) noexcept { *this = std::move(o); }
  MappedFile& operator=(MappedFile&& o) noexcept;
  ~MappedFile();

  /// Maps `path`; returns 0, or the errno of what failed (ENOENT when there is no such file).
  int open(const std::string& path);
  std::string_view text() const { return {data_, size_}; }
  int fd() const { return fd_; }  // kept open for pread by the bucket loads
  /// Drops the resident pages before byte `offset` (they stay in the page cache).
  void release_before(std::size_t offset);
  /// Drops the resident pages wholly inside [begin, end): for threads that
  /// scan ranges of one file at once (release_before assumes one scan).
  void release(std::size_t begin, std::size_t end) const;

 private:
  int fd_ = -1;
  const char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t released_ = 0;
};

}  // namespace pcs::engine
