// smugsim sensitivity: runs a scenario (and, paired, a second one) at the points of a Morris or
// Saltelli design, as sweep runs design rows, and writes the indices of each output to an HDF5
// file; --report prints them from that file.
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "app/posterior_ranges.hpp"
#include "app/run_setup.hpp"
#include "app/sensitivity_points.hpp"
#include "app/sensitivity_setup.hpp"
#include "app/text_table.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "model/model_params.hpp"
#include "output/sensfile.hpp"
#include "params/value_text.hpp"
#include "runner/build_info.hpp"
#include "runner/io/output_path.hpp"
#include "runner/io/scenario_files.hpp"
#include "runner/io/sha256.hpp"
#include "runner/run_record.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace smug {

namespace {

constexpr const char* kUsage =
    "usage: smugsim sensitivity SETUP.ini -o FILE.h5 [--method morris|sobol]\n"
    "           [--trajectories N | --samples N] [--replicates R] [--threads T] [--seed S]\n"
    "           [--resume] [--shard I/N] [-q]\n"
    "       smugsim sensitivity --report FILE.h5 [--csv]\n\n"
    "Global sensitivity analysis (docs/sensitivity.md). Builds a Morris trajectory design (r\n"
    "trajectories of k + 1 points) or a Saltelli design (N (k + 2) points) over the set-up's\n"
    "parameter ranges, runs the scenario at every point with the same R replicates (the same\n"
    "seed and replicate keys: common random numbers), takes each output per point as the mean\n"
    "over its replicates, and writes FILE.h5: the design, the outputs per point, the indices\n"
    "with 90% bootstrap intervals, the set-up and the provenance. The runs go to FILE.runs/\n"
    "(design.csv, scenario.h5 and, paired, compare.h5): an interrupted analysis continues with\n"
    "--resume; with --shard I/N each job array task runs its slice of each run file, which\n"
    "'smugsim merge' combines, and a last call with --resume then computes the indices.\n\n"
    "The set-up file:\n\n"
    "  [sensitivity]\n"
    "  scenario = ../whatifs/no_communique.ini ; relative to this file\n"
    "  compare = ../baseline.ini     ; optional: outputs are compare's minus scenario's\n"
    "  method = morris               ; or sobol\n"
    "  trajectories = 10             ; morris: r (at least 2); levels = 4 (p, even)\n"
    "  samples = 64                  ; sobol: N base samples (a power of two)\n"
    "  replicates = 2                ; per point (default: the scenario's run.replicates)\n"
    "  seed = 1                      ; run.seed, the Morris design's and the bootstrap's\n"
    "  resamples = 1000              ; bootstrap resamples\n"
    "  posterior = ../calibration/hm/posterior.csv ; optional: its numeric columns vary\n"
    "  posterior_range = 0.05 0.95   ; over these quantiles of its draws ([parameters] win)\n"
    "  ; registry parameters: section.key = LOW HIGH (reals; integers; dates), LOW HIGH log\n"
    "  ; (a real spread evenly over log(value)), or the choices of a text; integers, dates\n"
    "  ; and choices take the design's values rounded\n"
    "  [parameters]\n"
    "  joint_communique.campaign = 0.2 0.9\n"
    "  organisations.credit_from = 2022-03-01 2022-07-01\n"
    "  organisations.entry_form = coin rate\n"
    "  ; NAME = METRIC FROM TO: a run-file series, summed if a flow, averaged if a level\n"
    "  [outputs]\n"
    "  arrivals_2023 = arrivals 2023-01-01 2023-12-31\n\n"
    "Command-line options override the set-up's; the run options apply to both scenarios, and\n"
    "their -o names the sensitivity file FILE.h5.\n\n";

// FILE.h5's runs: FILE.runs, beside it.
std::string runs_folder(const std::string& output) {
  return fs::path(output).replace_extension(".runs").string();
}

// --method, --trajectories, --samples over the set-up's own.
void apply_method_options(const po::variables_map& vm, SensitivitySetup& s) {
  if (vm.count("method")) {
    s.method = vm["method"].as<std::string>();
    if (s.method != "morris" && s.method != "sobol")
      throw UsageError("--method '" + s.method + "': expected morris or sobol");
  }
  if (vm.count("trajectories")) s.trajectories = count_option(vm, "trajectories", 2);
  if (vm.count("samples")) s.samples = count_option(vm, "samples", 2);
}

bool set_on_command_line(const RunSetup& r, const std::string& key) {
  return std::count(r.set_names.begin(), r.set_names.end(), key) > 0;
}

// The set-up's seed and replicates, unless the command line sets them.
void apply_setup_run_keys(const po::variables_map& vm, const SensitivitySetup& s, RunSetup& r) {
  Scenario& sc = r.plan.scenario;
  if (s.seed && !vm.count("seed") && !set_on_command_line(r, "run.seed"))
    sc.set("run.seed", std::to_string(*s.seed), Origin{s.path, s.seed_line});
  if (s.replicates && !vm.count("replicates") && !set_on_command_line(r, "run.replicates"))
    sc.set("run.replicates", std::to_string(*s.replicates), Origin{s.path, s.replicates_line});
  r.plan.seed = RunParams::from(sc).seed;
}

// Common random numbers: a paired effect compares the two scenarios on the same seeds,
// replicate keys, horizon and scale, or it measures their noise as well.
void check_paired(const SensitivitySetup& s, const RunPlan& a, const RunPlan& b) {
  for (const char* key : {"run.seed", "run.replicates", "run.start", "run.end", "run.scale"}) {
    const std::string& x = a.scenario.value(key).text;
    const std::string& y = b.scenario.value(key).text;
    if (x == y) continue;
    std::string why = key;
    why.append(" is ").append(y).append(" in ").append(b.scenario_path).append(" but ").append(x);
    why.append(" in ").append(a.scenario_path).append("; paired effects need the same runs");
    throw InputError(s.path, s.compare_line, "compare", why);
  }
}

// What decides a run file's numbers, recorded in it: --resume reuses only a file of this plan.
std::string plan_digest(const RunPlan& p) {
  std::string keys;
  for (auto k : p.slot_key) keys += std::to_string(k) + ",";
  const BuildInfo& b = build_info();
  return sha256_hex(p.table->sha256 + "\n" + p.scenario.resolved_ini(false) + "\n" +
                    std::to_string(p.seed) + "\n" + keys + "\n" + b.version + " " + b.git_commit +
                    (b.git_dirty ? " dirty" : ""));
}

// A run file of this very plan, left complete by an earlier call (--resume after an interrupt
// in the second scenario, or after merging shards).
std::optional<out::RunData> finished_run(const RunSetup& r) {
  if (!r.options.resume || r.plan.shard.active() || !fs::exists(r.plan.output)) return {};
  try {
    out::RunData d = out::read_run_file(r.plan.output);
    const auto it = d.provenance.find("sensitivity_plan");
    if (it != d.provenance.end() && it->second == r.plan.provenance.at("sensitivity_plan")) {
      if (!r.quiet) std::cerr << "smugsim: reusing " << r.plan.output << ", finished before\n";
      return d;
    }
  } catch (const out::RunFileError&) {
  }
  return {};
}

struct ScenarioRuns {
  int code = 0;                      // non-zero: stop with it (interrupted)
  std::optional<out::RunData> data;  // none: nothing to analyse here (an MPI worker)
};

ScenarioRuns run_scenario(const RunSetup& r, const SensitivitySetup& s) {
  if (auto d = finished_run(r)) return {0, std::move(d)};
  std::vector<std::string> metrics;
  for (const auto& o : s.outputs) metrics.push_back(o.metric);
  RunOutcome outcome = run_with_progress(r, metrics);
  if (!outcome.kept) return {};
  if (!outcome.finished) return {1, {}};
  return {0, std::move(outcome.data)};
}

// The design, the set-up and the provenance; the outputs and indices come after the runs.
out::SensitivityRecord make_record(const SensitivitySetup& s, const std::string& setup_text,
                                   const PointDesign& d, const RunPlan& plan) {
  out::SensitivityRecord rec;
  rec.method = s.method;
  for (const auto& r : s.parameters) {
    rec.param_names.push_back(r.name);
    rec.param_low.push_back(r.low);
    rec.param_high.push_back(r.high);
  }
  for (const auto& o : s.outputs) rec.output_names.push_back(o.name);
  for (const auto& u : d.unit()) rec.design_unit.insert(rec.design_unit.end(), u.begin(), u.end());
  for (const auto& p : d.points())
    rec.design_points.insert(rec.design_points.end(), p.begin(), p.end());
  rec.attributes = base_provenance();
  rec.attributes["setup_file"] = s.path;
  rec.attributes["setup_text"] = setup_text;
  rec.attributes["seed"] = std::to_string(plan.seed);
  rec.attributes["replicates_per_point"] = std::to_string(plan.scenario.integer("run.replicates"));
  rec.attributes["bootstrap_resamples"] = std::to_string(s.resamples);
  rec.attributes[s.method == "morris" ? "trajectories" : "samples"] =
      std::to_string(s.method == "morris" ? s.trajectories : s.samples);
  if (s.method == "morris") rec.attributes["levels"] = std::to_string(s.levels);
  rec.attributes["point_output"] = s.compare.empty()
                                       ? "mean over the point's replicates"
                                       : "paired effect: compare's mean minus scenario's";
  return rec;
}

// rec.point_outputs [point][output] from outputs[output][point].
void set_point_outputs(const std::vector<std::vector<double>>& outputs, size_t points,
                       out::SensitivityRecord& rec) {
  rec.point_outputs.assign(points * outputs.size(), 0);
  for (size_t o = 0; o < outputs.size(); ++o)
    for (size_t p = 0; p < points; ++p) rec.point_outputs[p * outputs.size() + o] = outputs[o][p];
}

void print_indices(std::ostream& os, const out::SensitivityRecord& rec) {
  std::vector<std::vector<std::string>> cells{{"parameter", "output"}};
  for (const auto& c : rec.index_columns) cells[0].push_back(c);
  for (size_t o = 0; o < rec.output_names.size(); ++o) {
    for (size_t p = 0; p < rec.param_names.size(); ++p) {
      cells.push_back({rec.param_names[p], rec.output_names[o]});
      for (size_t c = 0; c < rec.index_columns.size(); ++c)
        cells.back().push_back(readable(rec.index(o, p, c), 3));
    }
  }
  os << rec.method << ": " << rec.points() << " points, " << rec.param_names.size()
     << " parameters, " << rec.output_names.size() << " outputs; intervals are 90% (bootstrap)\n";
  print_columns(os, cells, [](size_t c) { return c < 2; });
}

int report(const po::variables_map& vm) {
  const out::SensitivityRecord rec = out::read_sensitivity_file(vm["report"].as<std::string>());
  if (vm.count("csv"))
    std::cout << report_csv(rec);
  else
    print_indices(std::cout, rec);
  return 0;
}

// The analysis once the runs exist: each output per point, paired if there is a second scenario.
int analyse(const SensitivitySetup& s, const std::string& setup_text, const PointDesign& d,
            const RunPlan& plan, const std::vector<out::RunData>& runs, bool quiet,
            const std::string& output) {
  const size_t n = d.points().size();
  std::vector<std::vector<double>> y = point_outputs(s, runs[0], n);
  if (runs.size() == 2) {
    const auto other = point_outputs(s, runs[1], n);
    for (size_t o = 0; o < y.size(); ++o)
      for (size_t p = 0; p < n; ++p) y[o][p] = other[o][p] - y[o][p];
  }
  out::SensitivityRecord rec = make_record(s, setup_text, d, plan);
  set_point_outputs(y, n, rec);
  compute_indices(d, y, BootstrapOptions{static_cast<uint32_t>(s.resamples), plan.seed}, rec);
  rec.attributes["finished_at"] = now_iso8601();
  out::write_sensitivity_file(output, rec);
  if (!quiet) {
    print_indices(std::cout, rec);
    std::cout << "wrote " << output << "\n";
  }
  return 0;
}

po::options_description sensitivity_options() {
  po::options_description opts = command_options();
  opts.add_options()("method", po::value<std::string>(), "morris or sobol (default: the set-up's)")(
      "trajectories", po::value<std::string>(), "morris: the number of trajectories r")(
      "samples", po::value<std::string>(), "sobol: the number of base samples N")(
      "report", po::value<std::string>(), "print the indices of a sensitivity file")(
      "csv", "with --report: CSV, one row per parameter and output");
  opts.add(run_options());
  return opts;
}

// posterior = FILE.csv: its real and integer columns over their central intervals, after the
// set-up's own [parameters] (which take precedence for the parameters they name).
void add_posterior_ranges(SensitivitySetup& s) {
  if (s.posterior.empty()) return;
  const std::string path = relative_to(s.path, s.posterior);
  const ParamTable table = read_param_table(path, TableKind::kPosterior);
  std::vector<std::string> named;
  for (const ParameterRange& r : s.parameters) named.push_back(r.name);
  const PosteriorRanges p =
      posterior_ranges(table, model_registry(), s.posterior_lo, s.posterior_hi, named);
  for (const ParameterRange& r : p.ranges) s.add_parameter(r, s.posterior_line);
  std::cout << "posterior " << path << ": " << p.ranges.size() << " parameters over their "
            << s.posterior_lo << "-" << s.posterior_hi << " quantiles";
  if (!p.skipped.empty()) {
    std::cout << "; kept at the scenario's values (flags, or no spread):";
    for (const std::string& n : p.skipped) std::cout << " " << n;
  }
  std::cout << "\n";
  if (s.parameters.empty())
    throw InputError(s.path, s.posterior_line, "posterior", "no parameter of it can vary");
}

SensitivitySetup read_setup(const std::string& path, std::string& text) {
  const auto loaded = load_file_from_disk(path);
  if (!loaded) throw InputError(path, 0, "", "cannot read the set-up file");
  text = *loaded;
  SensitivitySetup s = parse_sensitivity_setup(path, text, model_registry());
  add_posterior_ranges(s);
  return s;
}

// The plans of the scenario and, paired, the compare scenario: the same design rows and keys.
std::vector<RunSetup> make_plans(const po::variables_map& vm, const SensitivitySetup& s,
                                 const std::string& runs, const Args& args) {
  std::vector<RunSetup> plans;
  const std::vector<std::pair<std::string, std::string>> which = {{"scenario", s.scenario},
                                                                  {"compare", s.compare}};
  for (const auto& [name, file] : which) {
    if (file.empty()) continue;
    std::string output = runs;
    output.append("/").append(name).append(".h5");
    plans.push_back(make_run_setup(vm, relative_to(s.path, file), output, "sensitivity", args,
                                   {s.path, runs + "/design.csv"}));
    apply_setup_run_keys(vm, s, plans.back());
  }
  if (plans.size() == 2) check_paired(s, plans[0].plan, plans[1].plan);
  for (const RunSetup& r : plans) check_against_scenario(s, r.plan.scenario);
  return plans;
}

}  // namespace

int cmd_sensitivity(const Args& args) {
  const po::options_description opts = sensitivity_options();
  const auto parsed = parse_command(args, opts, {{"setup", po::value<std::string>(), 1}},
                                    [&] { std::cout << kUsage << opts << "\n"; });
  if (!parsed) return 0;
  const po::variables_map& vm = *parsed;
  if (vm.count("report")) return report(vm);
  if (vm.count("csv")) throw UsageError("sensitivity: --csv goes with --report FILE.h5");
  if (!vm.count("setup")) throw UsageError("sensitivity: a set-up file is required (see --help)");
  if (!vm.count("output")) throw UsageError("sensitivity: -o FILE.h5 is required (see --help)");
  std::string text;
  SensitivitySetup s = read_setup(vm["setup"].as<std::string>(), text);
  apply_method_options(vm, s);
  const std::string output = vm["output"].as<std::string>(), runs = runs_folder(output);
  check_output_path(output, {s.path}, "sensitivity file");
  fs::create_directories(runs);
  std::vector<RunSetup> plans = make_plans(vm, s, runs, args);
  const PointDesign design = make_point_design(s, plans[0].plan.seed);
  const ParamTable table = write_design_table(s, design, runs + "/design.csv");
  std::vector<out::RunData> data;
  for (RunSetup& r : plans) {
    add_design_slots(r, table);
    r.plan.provenance["sensitivity_plan"] = plan_digest(r.plan);
    ScenarioRuns done = run_scenario(r, s);
    if (done.code != 0) return done.code;
    if (done.data) data.push_back(std::move(*done.data));
  }
  if (plans[0].plan.shard.active()) {
    if (!plans[0].quiet)
      std::cout << "wrote this shard's runs in " << runs << "; merge each run file's shards with "
                << "'smugsim merge', then run again with --resume for the indices\n";
    return 0;
  }
  if (data.size() != plans.size()) return 0;  // an MPI worker: rank 0 analyses
  return analyse(s, text, design, plans[0].plan, data, plans[0].quiet, output);
}

}  // namespace smug
