// The rule files `pcs serve` may show and save: the .pcs files of the ruleset
// root (a version folder, or a folder of versions and their version folders),
// listed once when the server starts. A path coming from the browser is only
// ever looked up in that list, never joined to the root, so "../x.pcs",
// "/etc/passwd" or a symbolic link out of the root cannot name a file to
// write: Save may overwrite an existing rule file inside the root and nothing
// else.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace pcs::serve {

struct RuleFile {
  std::string path;                 // relative to the root, with '/': "2023-06/program.pcs"
  std::filesystem::path location;   // where it is on disk (canonical)
  std::string version;              // its version folder ("2023-06"), or "" for a single version
};

class Workspace {
 public:
  /// Lists the rule files of `root`. Returns nullopt with `why` when `root`
  /// is not a folder or holds no rule file.
  static std::optional<Workspace> open(const std::string& root, std::string& why);

  const std::string& root() const { return root_; }
  /// True when the root is a folder of versions (rulesets/), false for one version folder.
  bool is_library() const { return library_; }
  const std::vector<RuleFile>& files() const { return files_; }
  /// The version folders, in name order (empty for a single version).
  const std::vector<std::string>& versions() const { return versions_; }

  /// The listed rule file `path` (exactly as listed), or nullptr.
  const RuleFile* find(const std::string& path) const;
  /// The file a diagnostic names (as the loader wrote it), as listed; "" when it is not one of ours (the stdlib).
  std::string relative(const std::string& diagnostic_file) const;
  /// The folder to compile for a version ("" = the root).
  std::string version_dir(const std::string& version) const;

 private:
  std::string root_;
  std::filesystem::path canonical_root_;
  bool library_ = false;
  std::vector<RuleFile> files_;
  std::vector<std::string> versions_;
};

/// Why `path` may not be edited or saved ("" when it is a listed rule file).
/// The message is the same for a traversal and for an unknown name: the
/// list is the only authority.
std::string refusal(const Workspace& ws, const std::string& path);

}  // namespace pcs::serve
