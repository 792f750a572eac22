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
  for (const auto& name : setup.set_names) {
    for (const auto& varied : table.names)
      if (name == varied) throw UsageError("--set " + name + ": the design sets it in every row");
  }
  RunPlan& job = setup.plan;
  const long replicates = job.scenario.integer("run.replicates");
  job.table = &table;
  job.rows_are_design = true;
  for (size_t row = 0; row < table.rows.size(); ++row) {
    for (long r = 0; r < replicates; ++r) {
      job.slot_key.push_back(static_cast<uint64_t>(r));
      job.slot_row.push_back(row);
    }
  }
  job.provenance = {{"design_file", table.path},
                    {"design_sha256", table.sha256},
                    {"design_rows", std::to_string(table.rows.size())},
                    {"replicates_per_row", std::to_string(replicates)}};
  return run_and_report(setup);
}

}  // namespace smug
