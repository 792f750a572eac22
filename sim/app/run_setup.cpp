#include "app/run_setup.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "app/options.hpp"
#include "app/progress.hpp"
#include "app/summary_table.hpp"
#include "app/text_table.hpp"
#include "core/errors.hpp"
#include "output/summary.hpp"
#include "params/value_text.hpp"
#include "runner/execute.hpp"
#include "runner/executor.hpp"
#include "runner/interrupt.hpp"
#include "runner/io/inputs.hpp"
#include "runner/io/output_path.hpp"
#include "runner/io/scenario_files.hpp"

namespace po = boost::program_options;

namespace smug {

namespace {

// The run options that set a parameter, and the parameter each sets.
constexpr std::pair<const char*, const char*> kRunOptionKeys[] = {{"seed", "run.seed"},
                                                                  {"replicates", "run.replicates"},
                                                                  {"scale", "run.scale"},
                                                                  {"start", "run.start"},
                                                                  {"end", "run.end"}};

void print_sweep_summary(std::ostream& os, const RunPlan& plan, const out::RunData& d) {
  const auto* arrivals = d.find("arrivals");
  const auto* returns = d.find("returns");
  if (!arrivals || !returns || !plan.table) return;
  const auto a = out::aggregate(d, *arrivals, out::Period::kWindow);
  const auto r = out::aggregate(d, *returns, out::Period::kWindow);
  const size_t nrows = plan.table->rows.size();
  std::vector<double> sa(nrows), sr(nrows), n(nrows);
  for (size_t i = 0; i < plan.slot_row.size(); ++i) {
    sa[plan.slot_row[i]] += a[0].values[i];
    sr[plan.slot_row[i]] += r[0].values[i];
    n[plan.slot_row[i]] += 1;
  }
  std::vector<std::vector<std::string>> cells;
  cells.push_back({"row"});
  for (const auto& name : plan.table->names) cells[0].push_back(name);
  cells[0].insert(cells[0].end(), {"arrivals", "returns"});
  char buf[64];
  for (size_t row = 0; row < nrows; ++row) {
    if (n[row] == 0) continue;
    cells.push_back({std::to_string(row)});
    for (const auto& t : plan.table->rows[row].texts) cells.back().push_back(t);
    for (double x : {sa[row] / n[row], sr[row] / n[row]}) {
      std::snprintf(buf, sizeof buf, "%.0f", x);
      cells.back().push_back(buf);
    }
  }
  os << "mean over " << d.nreplicates() / std::max<size_t>(1, nrows)
     << " replicates per design row, " << a[0].label << "\n";
  print_columns(os, cells, [](size_t) { return false; });
}

// The option's value as the scenario would read it: a real in the shortest text that reads back
// exactly (std::to_string would round --scale to 6 decimals).
// A whole number (--seed, --replicates) is read by whole_number within the parameter's range, so
// that "-1" or "5x" is refused as the option, not as the parameter.
std::string option_text(const Scenario& s, const char* opt, const char* key,
                        const po::variable_value& v) {
  if (v.value().type() == typeid(double)) return detail::format_number(v.as<double>());
  const ParamSpec& spec = *s.registry().find(key);
  if (spec.type != ParamType::kInteger) return v.as<std::string>();
  return std::to_string(whole_number(std::string("--") + opt, v.as<std::string>(),
                                     static_cast<uint64_t>(spec.min),
                                     static_cast<uint64_t>(spec.max)));
}

// An option and a --set of the same parameter: which one wins would be a guess.
void refuse_conflicts(const po::variables_map& vm, const std::string& set_key) {
  for (const auto& [opt, key] : kRunOptionKeys)
    if (vm.count(opt) && set_key == key)
      throw UsageError("--" + std::string(opt) + " and --set " + set_key +
                       " both set the parameter; give one of them");
}

// --seed, --replicates, --scale, --start, --end and every --set onto the scenario.
void apply_overrides(const po::variables_map& vm, Scenario& s,
                     std::vector<std::string>& set_names) {
  const Origin cli{"command line", 0};
  for (const auto& [opt, key] : kRunOptionKeys) {
    if (!vm.count(opt)) continue;
    s.set(key, option_text(s, opt, key, vm[opt]), cli);
  }
  if (!vm.count("set")) return;
  for (const auto& kv : vm["set"].as<std::vector<std::string>>()) {
    const auto eq = kv.find('=');
    if (eq == std::string::npos)
      throw UsageError("--set expects SECTION.KEY=VALUE or SECTION.KEY*=FACTOR, got '" + kv + "'");
    // "name*=1.5" is relative, as in a scenario file.
    const bool relative = eq > 0 && kv[eq - 1] == '*';
    const std::string name = kv.substr(0, relative ? eq - 1 : eq);
    if (!s.registry().find(name))
      throw UsageError("--set: unknown parameter '" + name + "' (see 'smugsim params')");
    refuse_conflicts(vm, name);
    s.set(name, (relative ? "*= " : "") + kv.substr(eq + 1), cli);
    set_names.push_back(name);
  }
}

}  // namespace

po::options_description run_options() {
  po::options_description opts("run options");
  opts.add_options()("output,o", po::value<std::string>(),
                     "run file to write (default: named after the scenario, in this folder)")(
      "seed", po::value<std::string>(), "seed of every random stream, 0 to 4294967295")(
      "replicates,n", po::value<std::string>(), "number of replicates")(
      "threads,t", po::value<std::string>(),
      "worker threads (default: all cores; results do not depend on it)")(
      "scale", po::value<double>(),
      "share of the population simulated, e.g. 0.1 (counts are reported at full scale)")(
      "start", po::value<std::string>(), "first day, YYYY-MM-DD")("end", po::value<std::string>(),
                                                                  "last day, YYYY-MM-DD")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "SECTION.KEY=VALUE: override a parameter, or SECTION.KEY*=FACTOR: scale it (repeatable)")(
      "resume",
      "complete an interrupted run of the same command from the replicates it finished "
      "(kept in OUTPUT.partial/); refused if anything that decides the numbers changed")(
      "shard", po::value<std::string>(),
      "I/N: run only slice I (0-based) of N of the replicates, for job arrays ('slurm': this "
      "array task's slice); writes OUTPUT's NAME.shard-I-of-N.h5, and 'smugsim merge OUTPUT "
      "NAME.shard-*' combines the shards")("quiet,q", "no progress bar and no summary");
  return opts;
}

RunSetup make_run_setup(const po::variables_map& vm, const std::string& scenario_path,
                        const std::string& output, const std::string& command, const Args& args,
                        const std::vector<std::string>& other_inputs) {
  RunSetup r(RunPlan(load_scenario(scenario_path)));
  RunPlan& p = r.plan;
  p.command = command;
  p.args = args;
  p.scenario_path = scenario_path;
  r.quiet = vm.count("quiet") > 0;
  r.options.resume = vm.count("resume") > 0;
  apply_overrides(vm, p.scenario, r.set_names);
  p.seed = RunParams::from(p.scenario).seed;
  p.output = output;
  r.options.threads = vm.count("threads") ? count_option(vm, "threads", 1) : default_thread_count();
  if (vm.count("shard")) {
    p.shard = parse_shard(vm["shard"].as<std::string>());
    p.output = shard_output(p.output, p.shard);  // every task of an array gives the same -o
  }
  std::vector<std::string> inputs = input_files(p.scenario, scenario_path);
  inputs.insert(inputs.end(), other_inputs.begin(), other_inputs.end());
  check_output_path(p.output, inputs);
  return r;
}

RunSetup make_run_setup(const po::variables_map& vm, const std::string& output_suffix,
                        const std::string& command, const Args& args) {
  const std::string path = vm["scenario"].as<std::string>();
  const std::string output = vm.count("output")
                                 ? vm["output"].as<std::string>()
                                 : std::filesystem::path(path).stem().string() + output_suffix;
  std::vector<std::string> tables;
  for (const char* table : {"posterior", "design"})
    if (vm.count(table)) tables.push_back(vm[table].as<std::string>());
  return make_run_setup(vm, path, output, command, args, tables);
}

void add_design_slots(RunSetup& setup, const ParamTable& table) {
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
}

RunOutcome run_with_progress(const RunSetup& setup, std::vector<std::string> keep_series) {
  Progress progress(setup.plan.command, !setup.quiet);
  RunOptions options = setup.options;
  options.on_progress = [&](size_t done, size_t total) { progress.update(done, total); };
  options.log = &std::cerr;
  options.keep_series = std::move(keep_series);
  const InterruptScope interrupt;
  options.stop = &interrupt.stop();
  return execute(setup.plan, options);
}

int run_and_report(const RunSetup& setup) {
  const RunOutcome outcome =
      run_with_progress(setup, setup.quiet ? std::vector<std::string>{} : summary_metrics());
  if (!outcome.kept) return 0;
  if (!outcome.finished) return 1;
  if (!setup.quiet) {
    if (setup.plan.rows_are_design)
      print_sweep_summary(std::cout, setup.plan, outcome.data);
    else
      print_summary_table(std::cout, outcome.data);
    std::cout << "wrote " << setup.plan.output << "\n";
  }
  return 0;
}

}  // namespace smug
