#include "engine/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <utility>

namespace pcs::engine {

MappedFile& MappedFile::operator=(MappedFile&& o) noexcept {
  std::swap(fd_, o.fd_);
  std::swap(data_, o.data_);
  std::swap(size_, o.size_);
  std::swap(released_, o.released_);
  return *this;
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  if (fd_ >= 0) ::close(fd_);
}

int MappedFile::open(const std::string& path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) return errno;
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return errno;
  if (S_ISDIR(st.st_mode)) return EISDIR;
  size_ = std::size_t(st.st_size);
  if (size_ == 0) return 0;
  void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
  if (p == MAP_FAILED) {
    size_ = 0;
    return errno;
  }
  data_ = static_cast<const char*>(p);
  ::madvise(p, size_, MADV_SEQUENTIAL);
  return 0;
}

void MappedFile::release_before(std::size_t offset) {
  const std::size_t page = std::size_t(::sysconf(_SC_PAGESIZE));
  offset -= offset % page;
  if (data_ == nullptr || offset <= released_) return;
  ::madvise(const_cast<char*>(data_) + released_, offset - released_, MADV_DONTNEED);
  released_ = offset;
}

void MappedFile::release(std::size_t begin, std::size_t end) const {
  const std::size_t page = std::size_t(::sysconf(_SC_PAGESIZE));
  begin += (page - begin % page) % page;
  end = std::min(end, size_);
  end -= end % page;
  if (data_ == nullptr || end <= begin) return;
  ::madvise(const_cast<char*>(data_) + begin, end - begin, MADV_DONTNEED);
}

}  // namespace pcs::engine
