// smugsim calibrate: fits the free parameters of a calibration set-up to its targets (ABC).
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "app/progress.hpp"
#include "calibration/calibration_driver.hpp"
#include "calibration/distributed_calibration.hpp"
#include "core/durable_write.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "output/calibfile.hpp"
#include "runner/distributed.hpp"
#include "runner/executor.hpp"
#include "runner/interrupt.hpp"
#include "runner/io/inputs.hpp"
#include "runner/io/output_path.hpp"
#include "runner/io/scenario_files.hpp"
#include "runner/run_record.hpp"

namespace po = boost::program_options;

namespace smug {

namespace {

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
  write_durably(path, text->substr(0, b) + block + text->substr(e), "scenario");
}

po::options_description calibrate_options() {
  po::options_description opts = command_options();
  opts.add_options()(
      "output,o", po::value<std::string>()->default_value("calibration.h5"),
      "calibration file (every evaluation and the posterior; rewritten after each generation)")(
      "threads,t", po::value<std::string>(), "worker threads (default: all cores)")(
      "resume", "continue from the output file's last complete generation")(
      "max-generations", po::value<std::string>(),
      "stop after this many generations instead of the set-up's max_generations (with --resume "
      "and the number already complete: only write the posterior and the baseline)")(
      "posterior-csv", po::value<std::string>(), "also write the posterior sample as CSV")(
      "write-baseline", po::value<std::string>(),
      "write the best accepted parameter set into this scenario's calibrated block")(
      "check", po::value<std::string>()->default_value("0"),
      "re-run the N closest accepted sets on --check-replicates replicates of another seed and "
      "write the one closest there (0: the ABC's closest)")(
      "check-replicates",
      po::value<std::string>()->default_value(std::to_string(CheckSettings{}.replicates)),
      "replicates per checked set")(
      "check-seed", po::value<std::string>(),
      "seed of the check's replicates, 0 to 4294967295 (default: the set-up's seed plus one)")(
      "check-screen", po::value<std::string>()->default_value("0"),
      "choose the check's N sets from the M closest accepted sets (M > N; 0: no screen) by "
      "their distance on --check-screen-replicates other replicates of the check's seed")(
      "check-screen-replicates",
      po::value<std::string>()->default_value(std::to_string(CheckSettings{}.screen_replicates)),
      "replicates per screened set")("quiet,q", "no progress bar");
  return opts;
}

void print_help(const po::options_description& opts) {
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
}

// Checked before the ABC runs, not after an hour of it.
CheckSettings check_settings(const po::variables_map& vm, const CalibrationSetup& setup) {
  CheckSettings check;
  check.candidates = count_option(vm, "check", 0);
  check.replicates = count_option(vm, "check-replicates", 1);
  check.seed = vm.count("check-seed") ? seed_option(vm, "check-seed") : setup.abc.seed + 1;
  check.screen = count_option(vm, "check-screen", 0);
  check.screen_replicates = count_option(vm, "check-screen-replicates", 1);
  if (check.screen != 0 &&
      (check.candidates < 1 || check.screen <= check.candidates || check.screen_replicates < 1))
    throw UsageError(
        "calibrate: --check-screen M needs --check N with M > N, and --check-screen-replicates at "
        "least 1");
  return check;
}

// The base scenario at the set-up's horizon and scale, its inputs and the targets.
CalibrationContext make_context(const std::string& setup_path, const CalibrationSetup& setup) {
  const std::string scenario_path = relative_to(setup_path, setup.scenario);
  Scenario s = load_scenario(scenario_path);
  const Origin origin{setup_path, 0};
  if (setup.end) s.set("run.end", format_date(*setup.end), origin);
  char scale[32];
  std::snprintf(scale, sizeof scale, "%.17g", setup.scale);
  s.set("run.scale", scale, origin);
  return CalibrationContext{s, load_inputs(s, scenario_path),
                            out::read_targets(relative_to(setup_path, setup.targets)), setup};
}

CalibrationOptions calibration_options(const po::variables_map& vm, const std::string& setup_path,
                                       const std::string& setup_text) {
  CalibrationOptions o;
  o.output = vm["output"].as<std::string>();
  o.resume = vm.count("resume") > 0;
  o.threads = vm.count("threads") ? count_option(vm, "threads", 1) : default_thread_count();
  o.provenance = base_provenance();
  o.provenance["setup_text"] = setup_text;
  o.provenance["setup_path"] = setup_path;
  o.provenance["started_at"] = now_iso8601();
  return o;
}

// The calibration file and the posterior CSV: writable, and none of the files calibrate reads
// (--write-baseline is meant to edit its scenario, so it is not checked against it).
void check_outputs(const po::variables_map& vm, const std::string& setup_path,
                   const CalibrationSetup& setup, const CalibrationContext& ctx) {
  std::vector<std::string> inputs =
      input_files(ctx.scenario, relative_to(setup_path, setup.scenario));
  inputs.push_back(setup_path);
  inputs.push_back(relative_to(setup_path, setup.targets));
  check_output_path(vm["output"].as<std::string>(), inputs);
  if (vm.count("posterior-csv"))
    check_output_path(vm["posterior-csv"].as<std::string>(), inputs, "--posterior-csv");
}

// Runs the ABC with a progress bar, stopped by SIGINT/SIGTERM; *interrupted tells.
Abc run_with_progress(const CalibrationContext& ctx, CalibrationOptions o, bool quiet,
                      bool* interrupted) {
  Progress bar("generation", !quiet);
  o.on_progress = [&](const Abc&, size_t d, size_t n) { bar.update(d, n); };
  o.on_generation = [&](const Abc& abc) {
    if (quiet) return;
    std::fprintf(stderr, "generation %d: tolerance %.4g, new proposals kept %.0f%%\n",
                 abc.generation(), abc.tolerance(), 100 * abc.acceptance());
    bar = Progress("generation", true);
  };
  const InterruptScope interrupt;
  o.stop = &interrupt.stop();
  Abc abc = run_calibration(ctx, o);
  dist::finish();
  *interrupted = interrupt.interrupted();
  return abc;
}

// The posterior's quantiles and the best accepted set.
void print_posterior(const Abc& abc) {
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
}

void write_posterior_csv(const std::string& path, const Abc& abc) {
  const auto& pop = abc.population();
  std::ostringstream csv;
  csv.precision(17);  // full precision: runs drawing from the posterior use these values
  for (const auto& p : abc.priors()) csv << p.name << ",";
  csv << "weight,distance\n";
  for (const auto& p : pop) {
    for (double x : p.eval.theta) csv << x << ",";
    csv << p.weight << "," << p.eval.distance << "\n";
  }
  write_durably(path, csv.str(), "posterior CSV");
}

// The check's table: each checked set's distances (ABC, screen, check) and summaries. Returns the
// index among the checked of the closest on the check.
size_t print_check(const CalibrationContext& ctx, const Abc& abc, const CheckSettings& check,
                   const CheckResult& result) {
  const auto& pop = abc.population();
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
  return k;
}

// How the written set was chosen, for the note above the calibrated block.
std::string check_note(const CheckSettings& check, const CheckResult& result) {
  char buf[240];
  if (result.screened.empty())
    std::snprintf(buf, sizeof buf,
                  "of the %zu accepted sets closest to the targets, the one closest on %d "
                  "replicates of seed %llu",
                  result.checked.size(), check.replicates,
                  static_cast<unsigned long long>(check.seed));
  else
    std::snprintf(buf, sizeof buf,
                  "of the %zu accepted sets closest on %d other replicates among the %zu closest "
                  "to the targets, the one closest on %d replicates of seed %llu",
                  result.checked.size(), check.screen_replicates, result.screened.size(),
                  check.replicates, static_cast<unsigned long long>(check.seed));
  return buf;
}

struct Chosen {
  std::vector<double> theta;
  std::string note;
};

// The check of the closest accepted sets, printed and added to the calibration file; the set it
// chooses.
Chosen check_and_choose(const CalibrationContext& ctx, const Abc& abc, const CheckSettings& check,
                        const CalibrationOptions& o, bool quiet) {
  const auto& pop = abc.population();
  Chosen chosen{pop.front().eval.theta, "the accepted set closest to the targets"};
  if (check.candidates <= 0 || pop.empty()) return chosen;
  Progress cbar("check", !quiet);
  const CheckResult result =
      check_closest(ctx, abc, check, o.threads, [&](size_t d, size_t n) { cbar.update(d, n); });
  const size_t k = print_check(ctx, abc, check, result);
  chosen = {result.checked[k].theta, check_note(check, result)};
  out::CalibrationRecord rec = out::read_calibration_file(o.output);
  record_check(rec, check, result);
  out::write_calibration_file(o.output, rec);
  return chosen;
}

}  // namespace

int cmd_calibrate(const Args& args) {
  const po::options_description opts = calibrate_options();
  const auto parsed = parse_command(args, opts, {{"setup", po::value<std::string>(), 1}},
                                    [&] { print_help(opts); });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  if (!vm.count("setup")) throw UsageError("calibrate: a set-up file is required (see --help)");
  const std::string setup_path = vm["setup"].as<std::string>();
  const auto setup_text = load_file_from_disk(setup_path);
  if (!setup_text) throw InputError(setup_path, 0, "", "cannot read the calibration set-up");
  CalibrationSetup setup = parse_calibration_setup(setup_path, *setup_text, model_registry());
  if (vm.count("max-generations")) {
    setup.abc.max_generations = count_option(vm, "max-generations", 1);
  }
  const CheckSettings check = check_settings(vm, setup);
  const CalibrationContext ctx = make_context(setup_path, setup);
  check_outputs(vm, setup_path, setup, ctx);
  if (dist::is_worker()) {  // MPI: evaluate what rank 0 hands out; rank 0 runs the ABC
    const InterruptScope interrupt;
    evaluate_for_rank0(ctx, &interrupt.stop());
    return 0;
  }
  const CalibrationOptions o = calibration_options(vm, setup_path, *setup_text);
  const bool quiet = vm.count("quiet") > 0;
  bool interrupted = false;
  const Abc abc = run_with_progress(ctx, o, quiet, &interrupted);
  if (interrupted) {
    std::cerr << "smugsim: interrupted; " << abc.generation() << " complete generations are in "
              << o.output << " (continue with --resume)\n";
    return 1;
  }
  print_posterior(abc);
  if (vm.count("posterior-csv")) write_posterior_csv(vm["posterior-csv"].as<std::string>(), abc);
  const Chosen chosen = check_and_choose(ctx, abc, check, o, quiet);
  if (vm.count("write-baseline"))
    write_calibrated_block(vm["write-baseline"].as<std::string>(), abc.priors(), chosen.theta,
                           "Written by 'smugsim calibrate " + setup_path + "' on " + now_iso8601() +
                               ": " + chosen.note + ".");
  std::cout << "wrote " << o.output << "\n";
  return 0;
}

}  // namespace smug
