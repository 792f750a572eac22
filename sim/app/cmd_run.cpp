// smugsim run: runs a scenario's replicates and writes the run file.
#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

#include <boost/program_options.hpp>

#include "app/commands.hpp"
#include "app/inputs.hpp"
#include "app/progress.hpp"
#include "app/run_record.hpp"
#include "app/scenario_files.hpp"
#include "app/summary_table.hpp"
#include "core/errors.hpp"
#include "engine/ensemble.hpp"

namespace po = boost::program_options;

namespace smug {

namespace {

std::atomic<bool> g_stop{false};  // set by SIGINT/SIGTERM: finish the replicates under way, stop
extern "C" void on_signal(int) { g_stop.store(true); }

const char* kUsage =
    "usage: smugsim run SCENARIO.ini [options]\n\n"
    "Runs the scenario's replicates and writes one HDF5 run file (schema: output/SCHEMA.md).\n"
    "Options override the scenario's [run] section; --set overrides any parameter.\n\n";

}  // namespace

int cmd_run(const Args& args) {
  po::options_description opts("options");
  opts.add_options()("help,h", "this help")(
      "output,o", po::value<std::string>(), "run file to write (default: SCENARIO-NAME.h5 here)")(
      "seed", po::value<uint64_t>(), "seed of every random stream")(
      "replicates,n", po::value<int>(), "number of replicates")(
      "threads,t", po::value<int>(), "worker threads (default: all cores; results do not depend on it)")(
      "scale", po::value<double>(), "share of the population simulated, e.g. 0.1 (counts are reported at full scale)")(
      "start", po::value<std::string>(), "first day, YYYY-MM-DD")(
      "end", po::value<std::string>(), "last day, YYYY-MM-DD")(
      "set", po::value<std::vector<std::string>>()->composing(), "SECTION.KEY=VALUE: override a parameter (repeatable)")(
      "quiet,q", "no progress bar and no summary");
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::string>());
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("scenario", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << kUsage << opts << "\n";
    return 0;
  }
  if (!vm.count("scenario")) throw UsageError("run: a scenario file is required (see 'smugsim run --help')");
  const std::string path = vm["scenario"].as<std::string>();
  Scenario s = load_scenario(path);
  const Origin cli{"command line", 0};
  auto override_with = [&](const char* opt, const char* key) {
    if (!vm.count(opt)) return;
    const auto& v = vm[opt];
    std::string text;
    if (v.value().type() == typeid(std::string)) text = v.as<std::string>();
    else if (v.value().type() == typeid(int)) text = std::to_string(v.as<int>());
    else if (v.value().type() == typeid(uint64_t)) text = std::to_string(v.as<uint64_t>());
    else text = std::to_string(v.as<double>());
    s.set(key, text, cli);
  };
  override_with("seed", "run.seed");
  override_with("replicates", "run.replicates");
  override_with("scale", "run.scale");
  override_with("start", "run.start");
  override_with("end", "run.end");
  if (vm.count("set")) {
    for (const auto& kv : vm["set"].as<std::vector<std::string>>()) {
      const auto eq = kv.find('=');
      if (eq == std::string::npos) throw UsageError("--set expects SECTION.KEY=VALUE, got '" + kv + "'");
      if (!s.registry().find(kv.substr(0, eq)))
        throw UsageError("--set: unknown parameter '" + kv.substr(0, eq) + "' (see 'smugsim params')");
      s.set(kv.substr(0, eq), kv.substr(eq + 1), cli);
    }
  }
  const bool quiet = vm.count("quiet") > 0;
  const std::string out_path = vm.count("output") ? vm["output"].as<std::string>()
                                                  : std::filesystem::path(path).stem().string() + ".h5";
  const int threads = vm.count("threads") ? vm["threads"].as<int>()
                                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (threads < 1) throw UsageError("--threads must be at least 1");

  const Model model(s, load_inputs(s, path));
  const RunParams& run = model.params().run;
  EnsembleOptions eo;
  eo.seed = run.seed;
  for (int r = 0; r < run.replicates; ++r) eo.replicates.push_back(static_cast<uint64_t>(r));
  eo.threads = threads;
  Progress progress("run", !quiet);
  eo.on_done = [&](const ReplicateResult&, size_t done, size_t total) { progress.update(done, total); };
  eo.stop = &g_stop;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);

  auto prov = base_provenance();
  prov["started_at"] = now_iso8601();
  std::string command = "smugsim run";
  for (const auto& a : args) command += " " + a;
  prov["command"] = command;
  prov["scenario"] = path;
  prov["threads"] = std::to_string(threads);
  prov["scale"] = std::to_string(run.scale);
  std::vector<ReplicateResult> results = run_ensemble(model, eo);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (results.size() < eo.replicates.size()) {
    std::cerr << "smugsim: interrupted after " << results.size() << " of " << eo.replicates.size()
              << " replicates; nothing written to " << out_path << "\n";
    return 1;
  }
  prov["finished_at"] = now_iso8601();
  const out::RunData data = make_run_data(s, model, results, prov);
  out::write_run_file(out_path, data);
  if (!quiet) {
    print_summary_table(std::cout, data);
    std::cout << "wrote " << out_path << "\n";
  }
  return 0;
}

}  // namespace smug
