// Reading a population unit by unit (see population.hpp).
#include "engine/population.hpp"

#include <algorithm>
#include <filesystem>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "data/json_loader.hpp"

namespace pcs::engine {

namespace fs = std::filesystem;

bool Population::open(const std::string& path, const PartitionOptions& options, std::vector<Diagnostic>& stray) {
#if defined(__GLIBC__)
  // Every unit allocates and frees buffers of a few MB. glibc would map and
  // unmap each one (each time faulting in zeroed pages, a tenth of the run
  // time); keeping them in the heap for reuse is bounded by the units in flight.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    stray.push_back({Severity::error, "io", SourcePos{path, 0, 0, 1},
                     "the population must be a folder of partner JSON files or of CSV tables", {}});
    return false;
  }
  if (fs::exists(fs::path(path) / "partners.csv", ec)) {
    csv_ = std::make_unique<CsvPartition>();
    const bool ok = csv_->open(path, options, stray);
    bytes_ = csv_->bytes();
    return ok;
  }
  for (const auto& e : fs::directory_iterator(path, ec))
    if (e.is_regular_file() && e.path().extension() == ".json") {
      files_.push_back(e.path().string());
      bytes_ += std::uint64_t(e.file_size(ec));
    }
  std::sort(files_.begin(), files_.end());
  if (files_.empty()) {
    stray.push_back({Severity::error, "io", SourcePos{path, 0, 0, 1},
                     "the folder has no partner .json files and no partners.csv", {}});
    return false;
  }
  return true;
}

std::uint64_t Population::rows_in(std::size_t k) const {
  if (csv_) return csv_->rows_in(k);
  return std::min(files_per_unit, files_.size() - k * files_per_unit);
}

std::vector<LoadedPartner> Population::load(std::size_t k, std::vector<Diagnostic>& stray) const {
  std::vector<LoadedPartner> out;
  if (csv_) {
    auto tables = csv_->load(k);
    for (auto& d : tables.stray) stray.push_back(std::move(d));
    out.reserve(tables.partners.size());
    const SourceFiles none;  // the CSV texts are not kept: messages without the source line
    for (auto& p : tables.partners) {
      LoadedPartner l{std::move(p.id), p.line, std::move(p.partner), false, std::move(p.errors), {}};
      l.loaded = l.partner.has_value();
      for (const auto& d : l.errors) l.rendered += render(d, none);
      out.push_back(std::move(l));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return out;
  }
  const std::size_t end = std::min(files_.size(), (k + 1) * files_per_unit);
  for (std::size_t i = k * files_per_unit; i < end; ++i) {
    SourceFiles sources;  // this file's text, dropped with it
    Diagnostics diags;
    LoadedPartner p;
    p.order = i;
    p.partner = data::load_partner_file(files_[i], sources, diags);
    p.loaded = p.partner.has_value();
    p.id = p.partner ? p.partner->id : fs::path(files_[i]).filename().string();
    for (const auto& d : diags.items()) p.errors.push_back(d);
    p.rendered = render_all(diags, sources);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace pcs::engine
