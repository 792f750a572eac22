// smugsim run: runs a scenario's replicates and writes the run file; optionally over draws from a
// calibration posterior (parameter uncertainty next to stochastic uncertainty).
#include <iostream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "app/run_setup.hpp"
#include "core/errors.hpp"
#include "runner/io/drawn_values.hpp"
#include "runner/replicate_slots.hpp"

namespace po = boost::program_options;

namespace smug {

namespace {

const char* kUsage =
    "usage: smugsim run SCENARIO.ini [options]\n\n"
    "Runs the scenario's replicates and writes one HDF5 run file (schema: output/SCHEMA.md).\n"
    "Options override the scenario's [run] section; --set overrides any parameter.\n\n"
    "Each finished replicate is kept in OUTPUT.partial/ until the run file is written. After\n"
    "Ctrl-C, SIGTERM (the batch system's warning before a time limit) or a kill, run the same\n"
    "command with --resume: only the missing replicates run, and the file holds the same data\n"
    "as a run that never stopped. Without --resume an unfinished run is replaced.\n\n"
    "Parameter uncertainty: --posterior FILE.csv (as written by 'smugsim calibrate\n"
    "--posterior-csv': a header of parameter names, optional weight and distance columns, one\n"
    "row per particle) draws K parameter sets by weight, the same K for every scenario run with\n"
    "the same seed, so scenarios stay paired for 'smugsim compare'. Replicate r runs draw\n"
    "r mod K: make --replicates a multiple of --draws so each draw gets as many replicates.\n"
    "The run file records each replicate's values (varied_value) and the posterior row.\n"
    "A what-if on a drawn parameter must be relative ('campaign *= 1.5', dated\n"
    "'removal_capacity_per_day *= 2, 2024-01-01: *= 1'): the factor scales each draw. An\n"
    "absolute value on one (outside the baseline's CALIBRATED block) is refused (exit 2).\n\n"
    "Clusters (docs/cluster.md): --shard I/N runs one slice of the replicates (job arrays;\n"
    "'smugsim merge' joins the slices); an MPI build under 'mpirun -n K' spreads the\n"
    "replicates over K processes and writes the same file.\n\n";

}  // namespace

int cmd_run(const Args& args) {
  po::options_description opts = command_options();
  opts.add(run_options());
  po::options_description uncertainty("parameter uncertainty");
  uncertainty.add_options()("posterior", po::value<std::string>(),
                            "posterior sample (CSV) to draw the parameters from")(
      "draws", po::value<std::string>(),
      "number K of parameter sets drawn (default: one per replicate)");
  po::options_description shown;
  shown.add(opts).add(uncertainty);
  const auto parsed = parse_command(args, shown, {{"scenario", po::value<std::string>(), 1}}, [&] {
    std::cout << kUsage << opts << "\n" << uncertainty << "\n";
  });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  if (!vm.count("scenario"))
    throw UsageError("run: a scenario file is required (see 'smugsim run --help')");
  if (vm.count("draws") && !vm.count("posterior")) throw UsageError("--draws needs --posterior");
  RunSetup setup = make_run_setup(vm, ".h5", "run", args);
  RunPlan& job = setup.plan;
  ParamTable table;
  const ParamTable* posterior = nullptr;
  int k = 0;
  if (vm.count("posterior")) {
    table = read_param_table(vm["posterior"].as<std::string>(), TableKind::kPosterior);
    for (const auto& name : setup.set_names) {
      for (const auto& varied : table.names)
        if (name == varied && !job.scenario.value(name).relative)
          throw UsageError("--set " + name +
                           ": the posterior draws it; scale each draw with --set " + name +
                           "*=FACTOR");
    }
    refuse_absolute_draws(job.scenario, table);
    k = vm.count("draws") ? count_option(vm, "draws", 1)
                          : static_cast<int>(job.scenario.integer("run.replicates"));
    posterior = &table;
  }
  add_replicate_slots(job, posterior, k, &std::cerr);
  return run_and_report(setup);
}

}  // namespace smug
