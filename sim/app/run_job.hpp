// What `smugsim run` and `smugsim sweep` share: the options that set a run up, an ensemble whose
// replicates may run different parameter sets (posterior draws, design rows), checkpoints and
// --resume, SIGINT/SIGTERM, and the run file.
#pragma once
#include <boost/program_options.hpp>
#include <map>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "app/param_table.hpp"
#include "app/shard.hpp"
#include "params/scenario.hpp"

namespace smug {

// --output, --seed, --replicates, --threads, --scale, --start, --end, --set, --resume, --shard,
// --quiet.
boost::program_options::options_description run_options();

struct RunSetup {
  Scenario scenario;  // the scenario file with the command line's overrides
  std::string scenario_path;
  std::string output;
  int threads = 1;
  bool quiet = false;
  bool resume = false;
  std::vector<std::string> set_names;  // parameters given with --set
  Shard shard;                         // --shard: the slice of the replicates to run
};

// Loads the scenario named by the positional "scenario" option and applies the run options.
// output_suffix names the default output: SCENARIO-STEM + suffix, in the working folder.
RunSetup make_run_setup(const boost::program_options::variables_map& vm,
                        const std::string& output_suffix);

struct RunJob {
  std::string command;  // "run" or "sweep": the subcommand, for provenance and messages
  Args args;            // its arguments as given
  const RunSetup* setup = nullptr;
  // Replicate i ("slot") runs with key slot_key[i]; with a table, the parameters of its row
  // slot_row[i]. Without a table every slot runs the scenario's own values.
  std::vector<uint64_t> slot_key;
  const ParamTable* table = nullptr;
  std::vector<size_t> slot_row;
  bool rows_are_design = false;  // record slot_row as design_row, else as posterior_row
  std::map<std::string, std::string> provenance;  // extra entries for the run file
};

// Runs the job's missing replicates (all, unless resuming; only the setup's shard of them with
// --shard), checkpointing each as it finishes, and writes the run file. In an MPI job
// (distributed.hpp) the replicates are spread over the ranks and only rank 0 writes; the other
// ranks return 0. Returns the exit code: 0 written, 1 interrupted (the finished
// replicates are kept and a line says how to resume).
int execute(const RunJob& job);

}  // namespace smug
