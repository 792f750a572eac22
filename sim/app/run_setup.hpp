// What `smugsim run` and `smugsim sweep` share on the command line: the options that set a run up,
// the plan they make (runner/run_plan.hpp) before each command adds its slots, and the call of the
// runner with a progress bar, Ctrl-C and the printed summary.
#pragma once
#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "runner/io/param_table.hpp"
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

// The same for a scenario and an output the command names itself; other_inputs are files the
// plan reads besides the scenario's (the output may not overwrite any of them).
RunSetup make_run_setup(const boost::program_options::variables_map& vm,
                        const std::string& scenario_path, const std::string& output,
                        const std::string& command, const Args& args,
                        const std::vector<std::string>& other_inputs);

// Makes the plan run every row of a design table with the scenario's run.replicates replicate
// keys (the same keys in every row: common random numbers), rows in order; refuses a --set of a
// parameter the table varies. The table must outlive the plan.
void add_design_slots(RunSetup& setup, const ParamTable& table);

// Runs the plan with a progress bar (unless quiet), stopped by SIGINT/SIGTERM; the outcome holds
// the values of keep_series.
RunOutcome run_with_progress(const RunSetup& setup, std::vector<std::string> keep_series);

// Runs the plan (stopped by SIGINT/SIGTERM), then prints the summary and the file written.
// Returns the exit code: 0 written (or an MPI worker's part done), 1 interrupted.
int run_and_report(const RunSetup& setup);

}  // namespace smug
