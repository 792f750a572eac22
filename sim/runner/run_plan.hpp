// What a run is and how to carry it out, as the runner takes it from a command (`smugsim run`,
// `smugsim sweep`) or a program: a plan of replicates whose parameters may differ (posterior
// draws, design rows), the options that change how it runs but never its numbers, and what comes
// back. runner/execute.hpp carries a plan out.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "output/runfile.hpp"
#include "params/scenario.hpp"
#include "runner/io/param_table.hpp"
#include "runner/shard.hpp"

namespace smug {

struct RunPlan {
  explicit RunPlan(Scenario s) : scenario(std::move(s)) {}

  // How the run was asked for: the subcommand ("run", "sweep") and its arguments, for the
  // provenance, the manifest and the line that says how to resume.
  std::string command;
  std::vector<std::string> args;

  Scenario scenario;  // the scenario file with the command line's overrides
  std::string scenario_path;
  std::string output;  // the run file to write (a shard's own name with --shard)
  Shard shard;         // the slice of the slots to run; inactive: all of them

  uint64_t seed = 0;  // of every replicate (the scenario's run.seed)
  // Slot i runs replicate key slot_key[i]; with a table, the parameters of its row slot_row[i].
  // Without a table every slot runs the scenario's own values.
  std::vector<uint64_t> slot_key;
  const ParamTable* table = nullptr;
  std::vector<size_t> slot_row;
  bool rows_are_design = false;  // record slot_row as design_row, else as posterior_row
  std::map<std::string, std::string> provenance;  // extra entries for the run file
};

struct RunOptions {
  int threads = 1;      // of the threads executor; results do not depend on it
  bool resume = false;  // continue the partial run of the same plan
  // Set (by an InterruptScope, runner/interrupt.hpp) to start no new replicate.
  const std::atomic<bool>* stop = nullptr;
  std::function<void(size_t done, size_t total)> on_progress;  // after each replicate
  std::ostream* log = nullptr;  // warnings and notes ("smugsim: ..." lines); null: none
  // The series whose values RunOutcome::data keeps (for a printed summary). The others go to the
  // file one replicate at a time and are not held: memory does not grow with them.
  std::vector<std::string> keep_series;
};

struct RunOutcome {
  bool kept = true;       // false on the MPI ranks that only compute: nothing else is set
  bool finished = false;  // false: interrupted, the finished replicates are checkpointed
  // What was written to plan.output, when finished: everything but the series' values, which
  // it holds only for RunOptions::keep_series (the other series are named and empty).
  out::RunData data;
};

}  // namespace smug
