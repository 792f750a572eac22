// smugsim sweep: runs every row of a design with the same replicates and writes one run file.
#include <iostream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "app/run_setup.hpp"
#include "core/errors.hpp"

namespace po = boost::program_options;

namespace smug {

int cmd_sweep(const Args& args) {
  po::options_description opts = command_options();
  opts.add_options()("design", po::value<std::string>(),
                     "design CSV: a header of parameter names (section.key), "
                     "one row per parameter set (see 'smugsim design')");
  opts.add(run_options());
  const auto parsed = parse_command(args, opts, {{"scenario", po::value<std::string>(), 1}}, [&] {
    std::cout
        << "usage: smugsim sweep SCENARIO.ini --design DESIGN.csv [options]\n\n"
           "Runs the scenario once per design row, each row with the same replicates (the same\n"
           "seed and replicate keys: common random numbers, so rows differ only by what their\n"
           "parameters change), and writes one run file. Its replicate axis enumerates (row,\n"
           "replicate) pairs, row-major: entry i is design row i / N, replicate key i mod N,\n"
           "for N replicates; the datasets design_row and varied_value [replicate, varied_param]\n"
           "tell them apart (output/SCHEMA.md). Interrupted sweeps continue with --resume.\n\n"
        << opts << "\n";
  });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  if (!vm.count("scenario")) throw UsageError("sweep: a scenario file is required (see --help)");
  if (!vm.count("design")) throw UsageError("sweep: --design DESIGN.csv is required (see --help)");
  RunSetup setup = make_run_setup(vm, "_sweep.h5", "sweep", args);
  const ParamTable table = read_param_table(vm["design"].as<std::string>(), TableKind::kDesign);
  add_design_slots(setup, table);
  return run_and_report(setup);
}

}  // namespace smug
