// Helpers for the language tests: compile a ruleset (from the source tree or
// from inline text), load a partner from inline JSON, evaluate, and find a
// designation or metric in the results.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <unistd.h>
#include <memory>
#include <stdexcept>
#include <string>

#include "data/json_loader.hpp"
#include "interpreter/compile.hpp"
#include "interpreter/evaluator.hpp"
#include "interpreter/parser.hpp"

// Failures print decimals as numbers ("2 == 0"), not "{?}".
namespace doctest {
template <>
struct StringMaker<pcs::Decimal> {
  static String convert(const pcs::Decimal& d) { return d.to_string().c_str(); }
};
template <>
struct StringMaker<std::optional<pcs::Decimal>> {
  static String convert(const std::optional<pcs::Decimal>& d) { return d ? d->to_string().c_str() : "null"; }
};
}  // namespace doctest

namespace pcs::testing {

inline std::string source_path(const std::string& relative) { return std::string(PCS_SOURCE_DIR) + "/" + relative; }

/// A compiled ruleset from the source tree, e.g. compiled("rulesets/2023-06").
/// Compiled once per test binary and kept.
inline const Ruleset& compiled(const std::string& relative_dir) {
  static std::map<std::string, std::unique_ptr<Ruleset>> cache;
  auto& slot = cache[relative_dir];
  if (!slot) {
    SourceFiles sources;
    Diagnostics diags;
    slot = compile_ruleset(source_path(relative_dir), sources, diags);
    if (!slot) throw std::runtime_error("ruleset does not compile:\n" + render_all(diags, sources));
  }
  return *slot;
}

/// Writes `files` (name -> text) into a fresh temporary ruleset folder and
/// compiles it; the diagnostics (rendered) are returned in `rendered`.
struct InlineRuleset {
  std::unique_ptr<Ruleset> ruleset;
  Diagnostics diags;
  SourceFiles sources;
  std::string rendered;
};
inline InlineRuleset compile_inline(const std::map<std::string, std::string>& files) {
  static int counter = 0;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("pcs-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::create_directories(dir);
  for (const auto& [name, text] : files) std::ofstream(dir / name) << text;
  InlineRuleset out;
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir);  // diagnostics name files relative to here
  out.ruleset = compile_ruleset(".", out.sources, out.diags);
  std::filesystem::current_path(cwd);
  out.diags.sort();
  out.rendered = render_all(out.diags, out.sources);
  std::filesystem::remove_all(dir);
  return out;
}

/// A partner from inline JSON; the test fails if the JSON breaks the contract.
inline data::Partner partner_from(const std::string& json) {
  Diagnostics diags;
  auto partner = data::load_partner_json(json, "partner.json", diags);
  if (!partner) {
    SourceFiles sources;
    sources.add("partner.json", json);
    FAIL("invalid test partner:\n" << render_all(diags, sources));
  }
  return *partner;
}

inline eval::PartnerResult score(const Ruleset& rs, const data::Partner& p, const std::string& as_of) {
  eval::Options options;
  options.as_of = parse_month(as_of);
  return eval::evaluate(rs, p, options);
}

inline const eval::DesignationResult& designation(const eval::PartnerResult& r, const std::string& id) {
  for (const auto& d : r.designations)
    if (d.id == id) return d;
  throw std::runtime_error("no designation " + id);
}

inline const eval::MetricResult& metric(const eval::DesignationResult& d, const std::string& id) {
  for (const auto& m : d.metrics)
    if (m.id == id) return m;
  throw std::runtime_error("no metric " + id + " in " + d.id);
}

inline Decimal dec(const std::string& text) { return *Decimal::parse(text); }

}  // namespace pcs::testing
