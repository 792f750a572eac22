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

// The same without replicates: the series are named but empty, and seeds, replicate_ids and
// wall_seconds are for the caller to fill. With replicate_rows, for writers that stream the
// replicates one at a time (out::write_run_file with rows).
out::RunData make_run_header(const Scenario& s, const Model& model,
                             std::map<std::string, std::string> provenance);

// One replicate's series in the order of the header's: values[k] is series k's days.
void replicate_rows(const ReplicateResult& r, std::vector<std::vector<double>>& values);

// Provenance every run file carries whatever the command: version, commit, compiler, libraries,
// host, random generator.
std::map<std::string, std::string> base_provenance();

std::string now_iso8601();

// Whether a run file has a series of this name: the model's series and each measure's
// ("measure_NAME_SERIES"), as make_run_header names them.
bool is_metric(const std::string& name);

}  // namespace smug
