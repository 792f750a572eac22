// A study's runs (runner/study/study_file.hpp): one run plan per scenario, all paired with the
// baseline (the same seed, horizon, scale, replicate keys and posterior draws: common random
// numbers, so each what-if's difference from the baseline is its effect and not noise), each
// written to DIR/NAME.h5 by the runner that `smugsim run` uses. Finished scenarios are known by
// the digest of their plan kept in their run file, so a resumed study reruns none of them.
#pragma once
#include <atomic>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "runner/io/param_table.hpp"
#include "runner/run_plan.hpp"
#include "runner/study/study_file.hpp"

namespace smug {

// The command line's quick-look overrides of the study's design.
struct StudyOverrides {
  std::optional<std::string> replicates;
  std::optional<double> scale;
  std::optional<int> draws;
};

struct StudyRun {
  std::string name;
  std::string description;
  RunPlan plan;
};

// Holds the plans and the posterior table they point at, so it neither copies nor moves.
class Study {
 public:
  // Reads the study file and every scenario it names, and plans the runs into dir. The command
  // (name and arguments) goes into each run file and the line that says how to resume. Throws
  // InputError naming file:line:key for a bad study or scenario, UsageError for outputs that
  // cannot be written.
  Study(const std::string& path, const std::string& dir, const StudyOverrides& overrides,
        const Shard& shard, const std::vector<std::string>& command, std::ostream* log);
  Study(const Study&) = delete;
  Study& operator=(const Study&) = delete;

  const StudySpec& spec() const { return spec_; }
  const std::string& dir() const { return dir_; }
  const std::vector<StudyRun>& runs() const { return runs_; }  // the baseline first
  bool has_posterior() const { return !posterior_.names.empty(); }

 private:
  void plan(StudyScenario s, const StudyOverrides& overrides, const Shard& shard,
            const std::vector<std::string>& command, std::ostream* log);

  StudySpec spec_;
  std::string dir_;
  ParamTable posterior_;
  int draws_ = 0;
  std::vector<StudyRun> runs_;
};

struct StudyProgress {
  size_t scenario = 0, scenarios = 0;  // 0-based index of the one running, of how many
  const std::string* name = nullptr;
  size_t done = 0, total = 0;  // its replicates
  bool skipped = false;        // finished before: nothing to run
};

struct StudyOptions {
  int threads = 1;
  bool resume = false;
  const std::atomic<bool>* stop = nullptr;
  std::ostream* log = nullptr;
  std::function<void(const StudyProgress&)> on_progress;
};

struct StudyOutcome {
  bool kept = true;       // false on MPI ranks that only compute
  bool finished = false;  // every scenario's run file is written
};

// Runs each scenario in turn: with resume, skips those finished and continues the partial ones
// as `run --resume` does (a finished file of another plan is refused: UsageError).
StudyOutcome run_study(const Study& study, const StudyOptions& options);

}  // namespace smug
