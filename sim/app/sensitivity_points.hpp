// What `smugsim sensitivity` computes around the runs: the design (sim/analysis) as a parameter
// table the runner reads like a sweep's, each output per design point from a run file, the
// indices as named columns for the sensitivity file (output/sensfile.hpp), and the report back
// from that file with sim/analysis's CSV headers.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/bootstrap.hpp"
#include "analysis/morris_design.hpp"
#include "analysis/saltelli_design.hpp"
#include "app/sensitivity_setup.hpp"
#include "output/runfile.hpp"
#include "output/sensfile.hpp"
#include "runner/io/param_table.hpp"

namespace smug {

// A design's points, whichever method built them.
struct PointDesign {
  std::string method;
  std::optional<MorrisDesign> morris;
  std::optional<SaltelliDesign> sobol;

  const std::vector<std::vector<double>>& points() const {
    return morris ? morris->points : sobol->points;
  }
  const std::vector<std::vector<double>>& unit() const {
    return morris ? morris->unit : sobol->unit;
  }
};

// The setup's design: Morris from the seed, Saltelli (deterministic) otherwise. Points are
// clamped into their ranges, so that low + 1 (high - low) cannot round past a registry bound.
PointDesign make_point_design(const SensitivitySetup& setup, uint64_t seed);

// The value x of a point as the scenario takes it: a number in the shortest exact form, a whole
// number, a date YYYY-MM-DD (x in days) or a choice's text (x its index).
std::string point_text(const ParameterRange& range, double x);

// Writes the points as a design CSV at path and reads it back as the runner's table, so the
// runner sees (and checks) exactly what a sweep of that file would.
ParamTable write_design_table(const SensitivitySetup& setup, const PointDesign& design,
                              const std::string& path);

// outputs[o][point]: output o of the setup at each design row of the run, the mean over the
// row's replicates of the metric aggregated over the output's window. Throws InputError naming
// the set-up's line for a metric the run file lacks or a window outside the run's horizon.
std::vector<std::vector<double>> point_outputs(const SensitivitySetup& setup,
                                               const out::RunData& run, size_t points);

// Fills the record's index columns and indices, one output at a time.
void compute_indices(const PointDesign& design, const std::vector<std::vector<double>>& outputs,
                     const BootstrapOptions& bootstrap, out::SensitivityRecord& rec);

// The report's CSV, with the headers of analysis/report_csv.hpp.
std::string report_csv(const out::SensitivityRecord& rec);

}  // namespace smug
