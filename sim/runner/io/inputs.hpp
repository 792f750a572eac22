// Reads the model's exogenous data files named by the scenario (the model library reads none).
#pragma once
#include <string_view>

#include "model/world.hpp"
#include "params/scenario.hpp"

namespace smug {

// The other-nationalities monthly series, from other_nationalities.series_file resolved relative
// to the scenario file that set it (or to the top scenario file for the default). Throws
// InputError naming the file and line of a malformed row.
ModelInputs load_inputs(const Scenario& s, const std::string& top_scenario_path);

// The series CSV's text, parsed and checked against the scenario's run (load_inputs without the
// file): what the fuzzer and the tests feed directly. `path` names the file in messages.
ModelInputs parse_series(std::string_view text, const std::string& path, const Scenario& s);

// Every file a run of the scenario reads: the scenario files (the top one and those it extends)
// and the data files load_inputs reads. An output must be none of them.
std::vector<std::string> input_files(const Scenario& s, const std::string& top_scenario_path);

}  // namespace smug
