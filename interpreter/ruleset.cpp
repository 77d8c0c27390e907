// Loading a ruleset folder: the prelude, the folder's rule files and their imports.
#include "interpreter/ruleset.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "interpreter/compile.hpp"
#include "interpreter/import_confinement.hpp"
#include "interpreter/parser.hpp"
#include "interpreter/source_overlay.hpp"

namespace pcs {

namespace fs = std::filesystem;

const ast::DesignationDecl* Ruleset::find_designation(std::string_view id) const {
  for (const auto* d : designations)
    if (d->id == id) return d;
  return nullptr;
}

std::string stdlib_dir() {
  if (const char* env = std::getenv("PCS_STDLIB"); env && *env) return env;
  return PCS_STDLIB_DIR;
}

namespace {

/// A program version imported whole, to be compiled once the files are read.
struct VersionImport {
  fs::path dir;
  std::string written;  // the path as written in the import
  SourcePos pos;
};

/// The version folders being loaded on this thread, outermost first: an
/// `import version` of one of them would never end.
thread_local std::vector<std::string> versions_loading;

struct Loader {
  Ruleset& ruleset;
  SourceFiles& sources;
  Diagnostics& out;
  const ImportConfinement& confinement;
  std::set<std::string> seen{};
  bool ok = true;
  std::vector<VersionImport> versions{};

  static std::string display(const fs::path& p) {
    std::error_code ec;
    auto rel = fs::relative(p, fs::current_path(), ec);
    if (!ec && !rel.empty() && rel.native().rfind("..", 0) != 0) return rel.string();
    return p.string();
  }

  /// Loads the rule file at `path` (written `written` where it is named).
  void load(const fs::path& path, const std::string& written, const SourcePos& from) {
    if (auto why = confinement.refusal(path, written, false); !why.empty()) {
      out.error("import", from, why);
      ok = false;
      return;
    }
    std::error_code ec;
    auto canonical = fs::weakly_canonical(path, ec);
    if (ec) canonical = path;
    if (!seen.insert(canonical.string()).second) return;
    const auto name = display(canonical);
    std::string content;
    const SourceOverlay* overlay = SourceOverlay::active();
    if (const std::string* unsaved = overlay ? overlay->find(canonical) : nullptr) {
      content = *unsaved;  // a buffer being edited (pcs serve, pcs lsp), not the file on disk
    } else {
      std::ifstream file(canonical, std::ios::binary);
      if (!file || fs::is_directory(canonical, ec)) {
        out.error("import", from, "cannot read rule file '" + path.string() + "'");
        ok = false;
        return;
      }
      std::stringstream buffer;
      buffer << file.rdbuf();
      content = buffer.str();
    }
    auto text = sources.add(name, std::move(content));
    auto module = parser::parse_module(text, name, out);
    if (!module) {
      ok = false;
      return;
    }
    const auto base = canonical.parent_path();
    // Imports first, so definitions read in dependency order.
    for (const auto& import : module->imports) {
      if (import.whole_version)
        versions.push_back({base / import.path, import.path, import.pos});
      else if (import.path.rfind("std/", 0) == 0)
        load(fs::path(stdlib_dir()) / import.path.substr(4), import.path, import.pos);
      else
        load(base / import.path, import.path, import.pos);
    }
    ruleset.modules.push_back(std::move(module));
  }

  /// Compiles each version imported whole, in its own names.
  void load_versions() {
    for (const auto& v : versions) {
      if (auto why = confinement.refusal(v.dir, v.written, true); !why.empty()) {
        out.error("import", v.pos, why);
        ok = false;
        continue;
      }
      std::error_code ec;
      const auto dir = fs::weakly_canonical(v.dir, ec).string();
      if (!fs::is_directory(v.dir, ec)) {
        out.error("import", v.pos, fmt::format("cannot import the program version '{}': there is no such folder", v.written),
                  "'import version' takes the folder of a program version, such as \"../2023-06\"");
        ok = false;
        continue;
      }
      if (std::find(versions_loading.begin(), versions_loading.end(), dir) != versions_loading.end()) {
        std::string chain;
        for (const auto& d : versions_loading) chain += display(d) + " -> ";
        out.error("import", v.pos, fmt::format("the program version '{}' imports itself: {}{}", v.written, chain, display(dir)),
                  "a version imports an earlier version, never one that imports it");
        ok = false;
        continue;
      }
      auto imported = compile_ruleset(v.dir.string(), sources, out);
      if (!imported) {
        ok = false;
        continue;
      }
      ruleset.imported_versions.push_back(std::move(imported));
    }
  }
};

/// Marks a version folder as being loaded while it is.
struct LoadingVersion {
  explicit LoadingVersion(const std::string& dir) {
    std::error_code ec;
    versions_loading.push_back(fs::weakly_canonical(dir, ec).string());
  }
  ~LoadingVersion() { versions_loading.pop_back(); }
  LoadingVersion(const LoadingVersion&) = delete;
  LoadingVersion& operator=(const LoadingVersion&) = delete;
};

}  // namespace

std::unique_ptr<Ruleset> load_ruleset(const std::string& dir, SourceFiles& sources, Diagnostics& out) {
  auto ruleset = std::make_unique<Ruleset>();
  ruleset->dir = dir;
  const ImportConfinement confinement(dir);
  Loader loader{*ruleset, sources, out, confinement};
  const SourcePos here{dir, 0, 0, 1};
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    out.error("io", here, "'" + dir + "' is not a ruleset folder");
    return nullptr;
  }
  const LoadingVersion loading(dir);
  loader.load(fs::path(stdlib_dir()) / "prelude.pcs", "std/prelude.pcs", SourcePos{"std/prelude.pcs", 0, 0, 1});
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".pcs") files.push_back(entry.path());
  if (const SourceOverlay* overlay = SourceOverlay::active()) {  // a new file of the folder not saved yet
    const auto here_dir = fs::weakly_canonical(dir, ec);
    for (const auto& [path, text] : overlay->texts()) {
      const fs::path p(path);
      if (p.parent_path() == here_dir && p.extension() == ".pcs" && !fs::exists(p, ec)) files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    out.error("io", here, "the folder '" + dir + "' has no .pcs rule files");
    return nullptr;
  }
  for (const auto& f : files) loader.load(f, f.filename().string(), here);
  if (loader.ok) loader.load_versions();
  if (!loader.ok) return nullptr;
  return ruleset;
}

}  // namespace pcs
