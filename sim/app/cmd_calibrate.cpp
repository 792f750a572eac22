// smugsim calibrate: fits the free parameters of a calibration set-up to its targets (ABC).
#include <boost/program_options.hpp>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "app/calibration_driver.hpp"
#include "app/commands.hpp"
#include "app/distributed.hpp"
#include "app/distributed_calibration.hpp"
#include "app/inputs.hpp"
#include "app/progress.hpp"
#include "app/run_record.hpp"
#include "app/scenario_files.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "output/calibfile.hpp"

namespace po = boost::program_options;

namespace smug {

namespace {

std::atomic<bool> g_stop{false};
extern "C" void on_calibrate_signal(int) {
  g_stop.store(true);
}

std::string relative_to(const std::string& file, const std::string& path) {
  if (std::filesystem::path(path).is_absolute()) return path;
  return (std::filesystem::path(file).parent_path() / path).lexically_normal().string();
}

// Replaces the block between the calibration markers of a scenario file with the given values.
void write_calibrated_block(const std::string& path, const std::vector<Prior>& priors,
                            const std::vector<double>& theta, const std::string& note) {
  const auto text = load_file_from_disk(path);
  if (!text) throw RuntimeFailure("cannot read '" + path + "'");
  const std::string begin = "; BEGIN CALIBRATED", end = "; END CALIBRATED";
  const auto b = text->find(begin), e = text->find(end);
  if (b == std::string::npos || e == std::string::npos || e < b)
    throw RuntimeFailure("'" + path + "' has no '" + begin + "' ... '" + end + "' block");
  std::map<std::string, std::vector<std::pair<std::string, double>>> by_section;
  for (size_t j = 0; j < priors.size(); ++j) {
    const auto dot = priors[j].name.find('.');
    by_section[priors[j].name.substr(0, dot)].push_back({priors[j].name.substr(dot + 1), theta[j]});
  }
  std::string block = begin + "\n; " + note + "\n";
  for (const auto& [section, keys] : by_section) {
    block += "[" + section + "]\n";
    for (const auto& [key, v] : keys) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.9g", v);  // the evaluated value, not a rounding of it
      block += key + " = " + buf + "\n";
    }
  }
  const std::string out = text->substr(0, b) + block + text->substr(e);
  const std::string tmp = path + ".tmp";
  std::ofstream(tmp) << out;
  std::filesystem::rename(tmp, path);
}

}  // namespace

int cmd_calibrate(const Args& args) {
  po::options_description opts("options");
  opts.add_options()("help,h", "this help")(
      "output,o", po::value<std::string>()->default_value("calibration.h5"),
      "calibration file (every evaluation and the posterior; rewritten after each generation)")(
      "threads,t", po::value<int>(), "worker threads (default: all cores)")(
      "resume", "continue from the output file's last complete generation")(
      "max-generations", po::value<int>(),
      "stop after this many generations instead of the set-up's max_generations (with --resume "
      "and the number already complete: only write the posterior and the baseline)")(
      "posterior-csv", po::value<std::string>(), "also write the posterior sample as CSV")(
      "write-baseline", po::value<std::string>(),
      "write the best accepted parameter set into this scenario's calibrated block")(
      "check", po::value<int>()->default_value(0),
      "re-run the N closest accepted sets on --check-replicates replicates of another seed and "
      "write the one closest there (0: the ABC's closest)")(
      "check-replicates", po::value<int>()->default_value(CheckSettings{}.replicates),
      "replicates per checked set")(
      "check-seed", po::value<uint64_t>(),
      "seed of the check's replicates (default: the set-up's seed plus one)")(
      "check-screen", po::value<int>()->default_value(0),
      "choose the check's N sets from the M closest accepted sets (M > N; 0: no screen) by "
      "their distance on --check-screen-replicates other replicates of the check's seed")(
      "check-screen-replicates", po::value<int>()->default_value(CheckSettings{}.screen_replicates),
      "replicates per screened set")("quiet,q", "no progress bar");
  po::options_description all;
  all.add(opts).add_options()("setup", po::value<std::string>());
  po::positional_options_description pos;
  pos.add("setup", 1);
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << "usage: smugsim calibrate SETUP.ini [options]\n\n"
                 "Fits the free parameters listed in SETUP.ini to its targets by approximate\n"
                 "Bayesian computation (adaptive population Monte Carlo, Lenormand et al. 2013).\n"
                 "Every proposal runs the same seeds (common random numbers). Interrupt with\n"
                 "Ctrl-C and continue with --resume: completed generations are kept.\n"
                 "With --check N the N closest accepted sets are re-run on more replicates of\n"
                 "seeds the ABC never saw, and --write-baseline takes the closest there: a few\n"
                 "replicates per proposal carry their luck into the ABC's distances.\n"
                 "With --check-screen M the N are the closest of M accepted sets on other\n"
                 "fresh replicates (for example all of them: --check-screen PARTICLES).\n\n"
              << opts << "\n";
    return 0;
  }
  if (!vm.count("setup")) throw UsageError("calibrate: a set-up file is required (see --help)");
  const std::string setup_path = vm["setup"].as<std::string>();
  const auto setup_text = load_file_from_disk(setup_path);
  if (!setup_text) throw InputError(setup_path, 0, "", "cannot read the calibration set-up");
  CalibrationSetup setup = parse_calibration_setup(setup_path, *setup_text, model_registry());
  if (vm.count("max-generations")) {
    const int n = vm["max-generations"].as<int>();
    if (n < 1) throw UsageError("calibrate: --max-generations must be at least 1");
    setup.abc.max_generations = n;
  }
  // Checked before the ABC runs, not after an hour of it.
  CheckSettings check;
  check.candidates = vm["check"].as<int>();
  check.replicates = vm["check-replicates"].as<int>();
  check.seed = vm.count("check-seed") ? vm["check-seed"].as<uint64_t>() : setup.abc.seed + 1;
  check.screen = vm["check-screen"].as<int>();
  check.screen_replicates = vm["check-screen-replicates"].as<int>();
  if (check.candidates < 0 || check.replicates < 1)
    throw UsageError("calibrate: --check must be 0 or more and --check-replicates at least 1");
  if (check.screen != 0 &&
      (check.candidates < 1 || check.screen <= check.candidates || check.screen_replicates < 1))
    throw UsageError(
        "calibrate: --check-screen M needs --check N with M > N, and --check-screen-replicates at "
        "least 1");
  const std::string scenario_path = relative_to(setup_path, setup.scenario);
  Scenario s = load_scenario(scenario_path);
  const Origin origin{setup_path, 0};
  if (setup.end) s.set("run.end", format_date(*setup.end), origin);
  char scale[32];
  std::snprintf(scale, sizeof scale, "%.17g", setup.scale);
  s.set("run.scale", scale, origin);
  CalibrationContext ctx{s, load_inputs(s, scenario_path),
                         out::read_targets(relative_to(setup_path, setup.targets)), setup};

  if (dist::is_worker()) {  // MPI: evaluate what rank 0 hands out; rank 0 runs the ABC
    std::signal(SIGINT, on_calibrate_signal);
    std::signal(SIGTERM, on_calibrate_signal);
    evaluate_for_rank0(ctx, &g_stop);
    return 0;
  }

  CalibrationOptions o;
  o.output = vm["output"].as<std::string>();
  o.resume = vm.count("resume") > 0;
  o.threads = vm.count("threads")
                  ? vm["threads"].as<int>()
                  : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.provenance = base_provenance();
  o.provenance["setup_text"] = *setup_text;
  o.provenance["setup_path"] = setup_path;
  o.provenance["started_at"] = now_iso8601();
  const bool quiet = vm.count("quiet") > 0;
  Progress bar("generation", !quiet);
  o.on_progress = [&](const Abc&, size_t d, size_t n) { bar.update(d, n); };
  o.on_generation = [&](const Abc& abc) {
    if (quiet) return;
    std::fprintf(stderr, "generation %d: tolerance %.4g, new proposals kept %.0f%%\n",
                 abc.generation(), abc.tolerance(), 100 * abc.acceptance());
    bar = Progress("generation", true);
  };
  o.stop = &g_stop;
  std::signal(SIGINT, on_calibrate_signal);
  std::signal(SIGTERM, on_calibrate_signal);
  const Abc abc = run_calibration(ctx, o);
  dist::finish();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (g_stop.load()) {
    std::cerr << "smugsim: interrupted; " << abc.generation() << " complete generations are in "
              << o.output << " (continue with --resume)\n";
    return 1;
  }

  // Posterior summary and the best accepted set.
  const auto& pop = abc.population();
  std::vector<double> w;
  for (const auto& p : pop) w.push_back(p.weight);
  std::printf("%d generations, tolerance %.4g; posterior of %zu particles\n\n", abc.generation(),
              abc.tolerance(), pop.size());
  std::printf("%-44s %10s %10s %10s %10s\n", "parameter", "p05", "median", "p95", "best");
  for (size_t j = 0; j < abc.priors().size(); ++j) {
    std::vector<double> v;
    for (const auto& p : pop) v.push_back(p.eval.theta[j]);
    std::printf("%-44s %10.4g %10.4g %10.4g %10.4g\n", abc.priors()[j].name.c_str(),
                weighted_quantile(v, w, 0.05), weighted_quantile(v, w, 0.5),
                weighted_quantile(v, w, 0.95), pop.front().eval.theta[j]);
  }
  if (vm.count("posterior-csv")) {
    std::ofstream csv(vm["posterior-csv"].as<std::string>());
    csv.precision(17);  // full precision: runs drawing from the posterior use these values
    for (const auto& p : abc.priors()) csv << p.name << ",";
    csv << "weight,distance\n";
    for (const auto& p : pop) {
      for (double x : p.eval.theta) csv << x << ",";
      csv << p.weight << "," << p.eval.distance << "\n";
    }
  }
  std::vector<double> best = pop.front().eval.theta;
  std::string chosen = "the accepted set closest to the targets";
  if (check.candidates > 0 && !pop.empty()) {
    Progress cbar("check", !quiet);
    const CheckResult result =
        check_closest(ctx, abc, check, o.threads, [&](size_t d, size_t n) { cbar.update(d, n); });
    const auto& checked = result.checked;
    if (!result.screened.empty())
      std::printf(
          "\nscreen: the %zu closest accepted sets on replicates %d-%d of seed %llu; the "
          "%zu closest there are checked\n",
          result.screened.size(), check.replicates, check.replicates + check.screen_replicates - 1,
          static_cast<unsigned long long>(check.seed), checked.size());
    size_t k = 0;
    std::printf("\ncheck: %zu accepted sets on %d replicates of seed %llu\n%-9s %9s %9s %9s",
                checked.size(), check.replicates, static_cast<unsigned long long>(check.seed),
                "particle", "abc", "screen", "check");
    for (const auto& id : ctx.targets) std::printf(" %9s", id.id.c_str());
    std::printf("\n");
    for (size_t c = 0; c < checked.size(); ++c) {
      const size_t i = result.candidates[c];
      if (checked[c].distance < checked[k].distance) k = c;
      std::printf("%-9zu %9.4g %9.4g %9.4g", i, pop[i].eval.distance,
                  result.screened.empty() ? std::nan("") : result.screened[i].distance,
                  checked[c].distance);
      for (double v : checked[c].summaries) std::printf(" %9.4g", v);
      std::printf("\n");
    }
    std::printf("written: particle %zu\n", result.candidates[k]);
    best = checked[k].theta;
    char buf[240];
    if (result.screened.empty())
      std::snprintf(buf, sizeof buf,
                    "of the %zu accepted sets closest to the targets, the one closest on %d "
                    "replicates of seed %llu",
                    checked.size(), check.replicates, static_cast<unsigned long long>(check.seed));
    else
      std::snprintf(buf, sizeof buf,
                    "of the %zu accepted sets closest on %d other replicates among the %zu closest "
                    "to the targets, the one closest on %d replicates of seed %llu",
                    checked.size(), check.screen_replicates, result.screened.size(),
                    check.replicates, static_cast<unsigned long long>(check.seed));
    chosen = buf;
    out::CalibrationRecord rec = out::read_calibration_file(o.output);
    auto keep = [](const std::vector<Evaluation>& evals, std::vector<double>& theta,
                   std::vector<double>& summaries, std::vector<double>& distance) {
      theta.clear();
      summaries.clear();
      distance.clear();
      for (const auto& e : evals) {
        theta.insert(theta.end(), e.theta.begin(), e.theta.end());
        summaries.insert(summaries.end(), e.summaries.begin(), e.summaries.end());
        distance.push_back(e.distance);
      }
    };
    keep(checked, rec.check_theta, rec.check_summaries, rec.check_distance);
    rec.check_replicates = check.replicates;
    rec.check_seed = check.seed;
    keep(result.screened, rec.screen_theta, rec.screen_summaries, rec.screen_distance);
    rec.screen_replicates = result.screened.empty() ? 0 : check.screen_replicates;
    rec.screen_first_replicate = result.screened.empty() ? 0 : check.replicates;
    out::write_calibration_file(o.output, rec);
  }
  if (vm.count("write-baseline"))
    write_calibrated_block(vm["write-baseline"].as<std::string>(), abc.priors(), best,
                           "Written by 'smugsim calibrate " + setup_path + "' on " + now_iso8601() +
                               ": " + chosen + ".");
  std::cout << "wrote " << o.output << "\n";
  return 0;
}

}  // namespace smug
