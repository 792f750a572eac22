// smugsim check FILE: validates a scenario and prints it resolved, so a user can see exactly which
// file and line every value came from before spending hours on a run.
#include <boost/program_options.hpp>
#include <iostream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "runner/io/inputs.hpp"
#include "runner/io/scenario_files.hpp"

namespace po = boost::program_options;

namespace smug {

int cmd_check(const Args& args) {
  po::options_description opts = command_options("show this help");
  opts.add_options()("quiet,q",
                     "print nothing; only the exit code (0 valid, 2 invalid) tells the result");
  const auto parsed =
      parse_command(args, opts, {{"file", po::value<std::vector<std::string>>(), -1}}, [&] {
        std::cout
            << "usage: smugsim check FILE [--quiet]\n\n"
               "Validates a scenario file, the chain of files it extends and the data files it\n"
               "reads, as 'smugsim run' would before its first replicate, then prints the\n"
               "resolved scenario: every parameter with its value and, as a comment, the file\n"
               "and line it came from or 'default'; a relative value ('key *= 1.5') shows its\n"
               "factor, its line and where the value it multiplies came from. Errors name the\n"
               "file, line and key.\n\n"
            << opts << "\nexit codes: 0 valid, 2 bad usage or invalid scenario\n";
      });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  const auto files =
      vm.count("file") ? vm["file"].as<std::vector<std::string>>() : std::vector<std::string>{};
  if (files.size() != 1) {
    throw UsageError("check takes exactly one scenario file (see 'smugsim check --help')");
  }
  const Scenario scenario = load_scenario(files[0]);
  // The validation `run` does before its first replicate: the parameters bound (dates in range,
  // end after start, measure schedules) and the data files read.
  (void)build_model(scenario, load_inputs(scenario, files[0]));
  if (!vm.count("quiet")) std::cout << scenario.resolved_ini(true);
  return 0;
}

}  // namespace smug
