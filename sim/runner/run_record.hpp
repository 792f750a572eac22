// Turns a finished ensemble into the run file's contents: the series, the parameter record and
// the provenance. The one place that knows both the model's outputs and the run-file layout.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/simulation.hpp"
#include "output/runfile.hpp"
#include "params/scenario.hpp"

namespace smug {

out::RunData make_run_data(const Scenario& s, const Model& model,
                           const std::vector<ReplicateResult>& results,
                           std::map<std::string, std::string> provenance);

// Provenance every run file carries whatever the command: version, commit, compiler, libraries,
// host, random generator.
std::map<std::string, std::string> base_provenance();

std::string now_iso8601();

}  // namespace smug
