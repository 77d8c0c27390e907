// Exit codes of `pcs`, documented in README.md and docs/guide.md.
#pragma once

namespace pcs::cli {

enum ExitCode : int {
  exit_ok = 0,             // done; results printed (attained or not)
  exit_eval_failed = 1,    // a designation could not be evaluated; the others are printed
  exit_usage = 2,          // the command line is wrong
  exit_rules_invalid = 3,  // a rule file does not parse or check
  exit_data_invalid = 4,   // a partner file is missing or breaks the data contract; with --partners: the
                           // population cannot be read at all (no folder, partners.csv unreadable or its header broken)
  exit_partners_failed = 5,  // --partners: some partners were not scored (bad rows, no as-of month); their
                             // output lines carry an `error`, every other partner is scored
  exit_internal = 70,      // a bug in pcs itself; please report it
};
// `pcs serve` exits exit_ok once stopped (Ctrl-C, SIGTERM), exit_usage when the
// ruleset folder holds no rule file or the port cannot be listened on, and
// exit_data_invalid when the --partners folder cannot be read.

}  // namespace pcs::cli
