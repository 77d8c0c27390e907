// Where a ruleset's imports may reach. Rule files are edited by many people
// and, through `pcs serve`, from a browser: an import must never read a file
// of the machine (`import "/etc/passwd"` would print its first line under a
// syntax error's caret) or hang on a device (`import "/dev/zero"`).
//
// The rule: an import reads a regular file inside the ruleset root or the
// standard library, and nothing else. The root is the folder of versions
// when the ruleset folder is one of its versions (so rulesets/2025-01 may
// read ../2023-06/azure-common.pcs), else the ruleset folder itself.
// Symbolic links are followed before the check, so a link cannot lead out.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace pcs {

class ImportConfinement {
 public:
  explicit ImportConfinement(const std::string& ruleset_dir);

  /// Why `target` (written as `written` in the rule file) may not be read,
  /// in words; empty when it may. `folder`: a program version is imported,
  /// so a folder is expected instead of a file.
  std::string refusal(const std::filesystem::path& target, std::string_view written, bool folder) const;

  const std::filesystem::path& root() const { return root_; }

  /// Rule files larger than this are refused: no rule file comes near it.
  static constexpr std::uintmax_t max_file_bytes = 4u << 20;

 private:
  std::filesystem::path root_, stdlib_;
};

}  // namespace pcs
