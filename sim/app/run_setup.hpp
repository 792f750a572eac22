// What `smugsim run` and `smugsim sweep` share on the command line: the options that set a run up,
// the plan they make (runner/run_plan.hpp) before each command adds its slots, and the call of the
// runner with a progress bar, Ctrl-C and the printed summary.
#pragma once
#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "runner/run_plan.hpp"

namespace smug {

// --output, --seed, --replicates, --threads, --scale, --start, --end, --set, --resume, --shard,
// --quiet.
boost::program_options::options_description run_options();

struct RunSetup {
  explicit RunSetup(RunPlan p) : plan(std::move(p)) {}
  RunPlan plan;  // without slots: the command adds them
  RunOptions options;
  bool quiet = false;
  std::vector<std::string> set_names;  // parameters given with --set
};

// Loads the scenario named by the positional "scenario" option and applies the run options.
// output_suffix names the default output: SCENARIO-STEM + suffix, in the working folder.
RunSetup make_run_setup(const boost::program_options::variables_map& vm,
                        const std::string& output_suffix, const std::string& command,
                        const Args& args);

// Runs the plan (stopped by SIGINT/SIGTERM), then prints the summary and the file written.
// Returns the exit code: 0 written (or an MPI worker's part done), 1 interrupted.
int run_and_report(const RunSetup& setup);

}  // namespace smug
