// The progress line of population commands, on stderr when it is a terminal:
// partners done, usage rows/s, elapsed time and an estimate of the time left.
#pragma once

#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include <fmt/format.h>

namespace pcs::cli {

class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), on_(::isatty(2) == 1) {}
  double elapsed() const { return std::chrono::duration<double>(clock::now() - start_).count(); }
  void add(std::size_t partners, std::uint64_t rows) { done_ += partners, rows_ += rows; }
  /// Redraws the line, at most five times a second.
  void show() {
    if (!on_) return;
    const auto now = clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double t = elapsed();
    const double left = done_ == 0 || total_ == 0 ? 0 : t * double(total_ - std::min(done_, total_)) / double(done_);
    std::fputs(fmt::format("\r\033[K{} / {} partners  {:.1f} M usage rows/s  {:.1f} s elapsed  about {:.0f} s left", done_,
                           total_, t > 0 ? double(rows_) / t / 1e6 : 0.0, t, left)
                   .c_str(),
               stderr);
  }
  void clear() {
    if (on_) std::fputs("\r\033[K", stderr);
  }

 private:
  using clock = std::chrono::steady_clock;
  std::size_t total_, done_ = 0;
  std::uint64_t rows_ = 0;
  bool on_;
  clock::time_point start_ = clock::now(), last_{};
};

}  // namespace pcs::cli
