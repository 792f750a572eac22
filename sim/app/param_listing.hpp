// The two views of `smugsim params` beyond the reference: search hits (registry defaults, best
// first) and a scenario's resolved values with their origin and whether calibrated.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "params/param_search.hpp"
#include "params/scenario.hpp"

namespace smug {

// One hit a line pair: "section.key = default  (type, range)" then its doc.
void print_search_hits(std::ostream& out, const std::vector<SearchHit>& hits,
                       const std::string& words);

// A table of parameter, value, origin and calibrated (yes/no) for each spec, in the scenario.
void print_resolved_values(std::ostream& out, const Scenario& scenario,
                           const std::vector<const ParamSpec*>& specs);

}  // namespace smug
