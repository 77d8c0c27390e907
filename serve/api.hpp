// The handlers behind the routes of playground.hpp, one file per idea:
// api_rules.cpp (files, check, save), api_score.cpp (eval, plan),
// api_diff.cpp (diff).
#pragma once

#include <mutex>

#include "serve/api_common.hpp"

namespace pcs::serve {

Response list_files(const Workspace& ws, const Partners& partners);
Response check_rules(const Workspace& ws, const Json& body);
Response save_rule_file(const Workspace& ws, const Json& body, std::mutex& one_at_a_time);
Response eval_partner(const Workspace& ws, const Partners& partners, const Json& body);
Response plan_partner(const Workspace& ws, const Partners& partners, const Json& body);
Response diff_versions(const Workspace& ws, const Partners& partners, const Json& body);

}  // namespace pcs::serve
