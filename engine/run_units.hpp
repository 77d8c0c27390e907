// Scoring a population on several threads with output in a fixed order.
//
// Workers take the units of a Population one after another (an atomic
// counter under the lock), load and score them; the calling thread hands
// each unit's products to `emit` strictly in unit order, so the output is
// byte-identical for any number of threads. At most `threads * 2` units are
// loaded or waiting at once: memory stays bounded when one unit is slow.
// std::thread rather than oneTBB: the work is one queue of coarse units and
// an ordered hand-off, a few lines here, and no new dependency.
#pragma once

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "engine/population.hpp"

namespace pcs::engine {

/// Calls work(LoadedPartner&) -> Product for every partner on `threads`
/// workers; then emit(LoadedPartner&, Product&&) on this thread, unit by
/// unit in order; `tick()` about every 200 ms while waiting (progress).
/// Stray diagnostics of the units go to `stray`, in unit order. An exception
/// of a worker is rethrown here once the workers have stopped.
template <class Product, class Work, class Emit, class Tick>
void run_units(const Population& population, unsigned threads, Work&& work, Emit&& emit, Tick&& tick,
               std::vector<Diagnostic>& stray) {
  struct Done {
    std::vector<std::pair<LoadedPartner, Product>> partners;
    std::vector<Diagnostic> stray;
  };
  const std::size_t units = population.units();
  if (threads == 0) threads = 1;
  const std::size_t window = std::size_t(threads) * 2;
  std::vector<std::optional<Done>> slots(units);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next_unit = 0, next_emit = 0;
  std::exception_ptr failure;
  bool stop = false;

  auto worker = [&] {
    for (;;) {
      std::size_t k;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next_unit >= units || next_unit < next_emit + window; });
        if (stop || next_unit >= units) return;
        k = next_unit++;
      }
      Done done;
      try {
        auto loaded = population.load(k, done.stray);
        done.partners.reserve(loaded.size());
        for (auto& p : loaded) {
          Product product = work(p);
          p.partner.reset();  // the data is not needed once scored
          done.partners.emplace_back(std::move(p), std::move(product));
        }
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
        changed.notify_all();
        return;
      }
      std::lock_guard lock(mutex);
      slots[k] = std::move(done);
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned i = 0; i < threads; ++i) pool.emplace_back(worker);
  for (; next_emit < units;) {
    Done done;
    {
      std::unique_lock lock(mutex);
      while (!stop && !slots[next_emit]) {
        changed.wait_for(lock, std::chrono::milliseconds(200));
        lock.unlock();
        tick();
        lock.lock();
      }
      if (stop) break;
      done = std::move(*slots[next_emit]);
      slots[next_emit].reset();
    }
    for (auto& d : done.stray) stray.push_back(std::move(d));
    for (auto& [p, product] : done.partners) emit(p, std::move(product));
    std::lock_guard lock(mutex);
    ++next_emit;
    changed.notify_all();
  }
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace pcs::engine
