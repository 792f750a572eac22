#include "app/commands.hpp"

#include <H5Cpp.h>

#include <boost/version.hpp>

#include "output/runfile.hpp"
#include "runner/build_info.hpp"

namespace smug {

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {"run", "run a scenario's replicates and write the run file (HDF5)", cmd_run},
      {"check", "validate a scenario file and print it resolved, with origins", cmd_check},
      {"params", "list every parameter (unit, default, range, doc, source)", cmd_params},
      {"summarize", "summarise a run file by day, month, quarter, year or window", cmd_summarize},
      {"sweep", "run every row of a design with the same replicates (one run file)", cmd_sweep},
      {"design", "write a design (grid or Latin hypercube) for sweep", cmd_design},
      {"compare", "paired differences between two runs of the same replicates", cmd_compare},
      {"targets", "check a run against the calibration targets (exit 1 if any fails)", cmd_targets},
      {"calibrate", "fit the free parameters to the targets (ABC); resumable", cmd_calibrate},
      {"merge", "combine the shards of a job array (run|sweep --shard) into one run file",
       cmd_merge},
      {"study", "a baseline and its what-ifs, paired, with tables of their effects", cmd_study},
      {"sensitivity", "Morris or Sobol indices of outputs over parameter ranges (HDF5)",
       cmd_sensitivity},
  };
  return list;
}

std::string version_text() {
  const BuildInfo& b = build_info();
  const int boost_major = BOOST_VERSION / 100000, boost_minor = BOOST_VERSION / 100 % 1000;
  return "smugsim " + b.version + "\n" + "git commit: " + b.git_commit +
         (b.git_dirty ? " (dirty)" : "") + "\n" + "compiler: " + b.compiler + " (" + b.build_type +
         ")\n" + "boost: " + std::to_string(boost_major) + "." + std::to_string(boost_minor) +
         "\n" + "hdf5: " + out::hdf5_version() + "\n" +
         "rng: Philox4x32-10 keyed by (seed, replicate, purpose, entity, day)\n";
}

}  // namespace smug
