// Helpers of the engine tests: temporary folders, generated populations,
// scoring a population through the engine and one partner file at a time,
// each partner's result as its JSON Lines text.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bench/population_generator.hpp"
#include "cli/report_batch.hpp"
#include "data/json_loader.hpp"
#include "engine/run_units.hpp"
#include "engine/score_recipe.hpp"

namespace engine_test {

using namespace pcs;
namespace fs = std::filesystem;

/// A fresh folder under the system's temporary folder, removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() / ("pcs-engine-test-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

inline std::string source(const std::string& rel) { return std::string(PCS_SOURCE_DIR) + "/" + rel; }

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// Every program version of rulesets/, compiled once for all the tests.
inline const engine::Programs& all_versions() {
  static const engine::Programs programs = [] {
    SourceFiles sources;
    Diagnostics diags;
    auto p = engine::load_programs(source("rulesets"), sources, diags);
    REQUIRE(p.has_value());
    return std::move(*p);
  }();
  return programs;
}

/// One partner's line as `pcs eval --partners --explain` writes it.
inline std::string line_of(const engine::Scored& s, const std::string& id) {
  if (s.result) return cli::render_json_line(*s.result);
  return cli::render_error_line(id, {s.error});
}

struct BatchRun {
  std::vector<std::string> lines;        // one per partner, in output order
  std::map<std::string, std::string> by_id;
  std::vector<std::string> failed;       // ids of the partners that did not load
  std::map<std::string, std::vector<std::string>> errors;  // their errors, "file:line:col: message" (file name only)
  std::vector<std::string> stray;        // the other messages, same form
  bool opened = false;
};

inline std::string located(const Diagnostic& d) {
  std::string out = fs::path(d.pos.file).filename().string();
  if (d.pos.line) out += ":" + std::to_string(d.pos.line);
  if (d.pos.column) out += ":" + std::to_string(d.pos.column);
  return out + ": " + d.message;
}

/// Scores the population in `dir` through the engine, as `pcs eval --partners` does.
inline BatchRun run_batch(const std::string& dir, const engine::Request& request, unsigned threads,
                          engine::PartitionOptions options = {}) {
  BatchRun run;
  engine::Population population;
  std::vector<Diagnostic> stray;
  run.opened = population.open(dir, options, stray);
  if (run.opened) {
    auto work = [&](const engine::LoadedPartner& p) {
      if (!p.partner) return std::string();
      return line_of(engine::score(all_versions(), request, eval::PartnerView(*p.partner)), p.id);
    };
    auto emit = [&](const engine::LoadedPartner& p, std::string&& line) {
      if (!p.loaded) {
        run.failed.push_back(p.id);
        for (const auto& d : p.errors) run.errors[p.id].push_back(located(d));
        line = cli::render_error_line(p.id, {"not loaded"});
      }
      run.by_id[p.id] = line;
      run.lines.push_back(std::move(line));
    };
    engine::run_units<std::string>(population, threads, work, emit, [] {}, stray);
  }
  for (const auto& d : stray) run.stray.push_back(located(d));
  return run;
}

/// Each JSON file of `dir` loaded and scored alone, as `pcs eval RULESET FILE` does.
inline std::map<std::string, std::string> run_single(const std::string& dir, const engine::Request& request) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".json") continue;
    SourceFiles sources;
    Diagnostics diags;
    auto partner = data::load_partner_file(e.path().string(), sources, diags);
    REQUIRE_MESSAGE(partner.has_value(), render_all(diags, sources));
    out[partner->id] = line_of(engine::score(all_versions(), request, eval::PartnerView(*partner)), partner->id);
  }
  return out;
}

}  // namespace engine_test
