// smugsim study: a baseline and its what-ifs, run paired into one folder with the tables of
// their effects. The study and its runs are the runner's (runner/study/); this reads the options,
// shows progress and says what was written.
#include <cstdint>
#include <functional>
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "app/progress.hpp"
#include "core/errors.hpp"
#include "runner/executor.hpp"
#include "runner/interrupt.hpp"
#include "runner/study/study_plan.hpp"
#include "runner/study/study_tables.hpp"

namespace po = boost::program_options;

namespace smug {

namespace {

const char* kUsage =
    "usage: smugsim study STUDY.ini -o DIR [options]\n\n"
    "Runs a study (docs/study.md): the baseline and every what-if of STUDY.ini with the same\n"
    "seed, horizon, scale, replicate keys and posterior draws, so that each what-if differs\n"
    "from the baseline replicate by replicate only by what it changes. Writes DIR/NAME.h5 per\n"
    "scenario (baseline.h5 for the baseline), then DIR/summary.csv (scenario,period,metric,mean,\n"
    "sd,p05,p50,p95,replicates) and DIR/effects.csv (scenario,period,metric,diff_mean,diff_p05,\n"
    "diff_p95,rel_change,p_negative,sd_parameter,sd_chance). scripts/study-report DIR makes\n"
    "DIR/report.html of them.\n\n"
    "After an interruption the same command with --resume skips the scenarios finished and\n"
    "continues the one that was running from its finished replicates. --replicates, --scale and\n"
    "--draws override the study's [design] for a quick look.\n\n";

po::options_description study_options() {
  po::options_description opts = command_options();
  opts.add_options()("output,o", po::value<std::string>(), "folder of the study's files")(
      "threads,t", po::value<std::string>(),
      "worker threads (default: all cores; results do not depend on it)")(
      "resume", "skip finished scenarios and complete the interrupted one")(
      "shard", po::value<std::string>(),
      "I/N: run only slice I of N of every scenario's replicates (job arrays; 'smugsim merge' "
      "joins them, then the study with --resume writes the tables)")(
      "replicates,n", po::value<std::string>(), "replicates of every scenario")(
      "scale", po::value<double>(), "share of the population simulated, e.g. 0.1")(
      "draws", po::value<std::string>(), "posterior draws (the study must name a posterior)")(
      "quiet,q", "no progress");
  return opts;
}

StudyOverrides overrides_of(const po::variables_map& vm) {
  StudyOverrides o;
  if (vm.count("replicates")) o.replicates = vm["replicates"].as<std::string>();
  if (vm.count("scale")) o.scale = vm["scale"].as<double>();
  if (vm.count("draws")) o.draws = count_option(vm, "draws", 1);
  return o;
}

// One line per scenario as it starts (kept in logs), and a bar while it runs on a terminal.
std::function<void(const StudyProgress&)> progress_line(bool quiet) {
  auto bar = std::make_shared<std::unique_ptr<Progress>>();
  auto last = std::make_shared<size_t>(SIZE_MAX);
  return [=](const StudyProgress& p) {
    if (quiet) return;
    if (*last != p.scenario) {
      *last = p.scenario;
      std::cerr << "smugsim: study: scenario " << p.scenario + 1 << "/" << p.scenarios << " "
                << *p.name << (p.skipped ? ": finished before, skipped\n" : "\n");
      *bar = std::make_unique<Progress>("  " + *p.name, true);
    }
    if (!p.skipped) (*bar)->update(p.done, p.total);
  };
}

}  // namespace

int cmd_study(const Args& args) {
  const po::options_description opts = study_options();
  const auto parsed = parse_command(args, opts, {{"study", po::value<std::string>(), 1}},
                                    [&] { std::cout << kUsage << opts << "\n"; });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  if (!vm.count("study")) throw UsageError("study: a study file is required (see --help)");
  if (!vm.count("output")) throw UsageError("study: -o DIR is required");
  std::vector<std::string> command = {"study"};
  command.insert(command.end(), args.begin(), args.end());
  const Shard shard = vm.count("shard") ? parse_shard(vm["shard"].as<std::string>()) : Shard{};
  const Study study(vm["study"].as<std::string>(), vm["output"].as<std::string>(), overrides_of(vm),
                    shard, command, &std::cerr);
  StudyOptions options;
  options.threads = vm.count("threads") ? count_option(vm, "threads", 1) : default_thread_count();
  options.resume = vm.count("resume") > 0;
  options.log = &std::cerr;
  options.on_progress = progress_line(vm.count("quiet") > 0);
  const InterruptScope interrupt;
  options.stop = &interrupt.stop();
  const StudyOutcome outcome = run_study(study, options);
  if (!outcome.kept) return 0;
  if (!outcome.finished) return 1;
  if (shard.active()) {
    std::cout << "wrote this shard of every scenario in " << study.dir()
              << "; merge each scenario's shards, then run the study with --resume for the "
                 "tables\n";
    return 0;
  }
  std::vector<std::string> names, files;
  for (const StudyRun& r : study.runs()) {
    names.push_back(r.name);
    files.push_back(r.plan.output);
  }
  write_study_tables(study.spec(), names, files, study.dir());
  std::cout << "wrote " << files.size() << " run files, summary.csv and effects.csv in "
            << study.dir() << "\nreport: scripts/study-report " << study.dir() << "\n";
  return 0;
}

}  // namespace smug
