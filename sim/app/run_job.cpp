#include "app/run_job.hpp"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include "app/checkpoint.hpp"
#include "app/distributed.hpp"
#include "app/distributed_run.hpp"
#include "app/inputs.hpp"
#include "app/progress.hpp"
#include "app/run_record.hpp"
#include "app/scenario_files.hpp"
#include "app/sha256.hpp"
#include "app/summary_table.hpp"
#include "app/text_table.hpp"
#include "core/errors.hpp"
#include "engine/ensemble.hpp"
#include "measures/assemble.hpp"
#include "output/merge.hpp"
#include "output/summary.hpp"
#include "params/value_text.hpp"

namespace po = boost::program_options;

namespace smug {

namespace {

std::atomic<bool> g_stop{false};  // SIGINT/SIGTERM: finish the replicates under way, then stop
extern "C" void on_signal(int sig) {
  g_stop.store(true);
  std::signal(sig, SIG_DFL);  // a second signal ends the process at once; checkpoints are whole
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  // Appends rather than operator+ chains: GCC 12 warns falsely (-Wrestrict) on those.
  for (size_t i = 0; i < v.size(); ++i) s.append(i ? sep : "").append(v[i]);
  return s;
}

std::string quoted(const std::string& a) {
  if (!a.empty() && a.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                        "0123456789-_./=:,+@") == std::string::npos)
    return a;
  std::string q = "'";
  for (char c : a) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string resume_command(const RunJob& job) {
  std::string c = "smugsim " + job.command;
  bool has = false;
  for (const auto& a : job.args) {
    c.append(" ").append(quoted(a));
    has = has || a == "--resume";
  }
  return has ? c : c + " --resume";
}

// Everything that decides the numbers of the run: resuming is refused if any of it changed.
Manifest make_manifest(const RunJob& job, const RunParams& run) {
  const auto prov = base_provenance();
  std::vector<std::string> keys, slots;
  for (auto k : job.slot_key) keys.push_back(std::to_string(k));
  if (job.table) {
    for (size_t i = 0; i < job.slot_row.size(); ++i)
      slots.push_back(std::to_string(job.slot_row[i]) + ": " +
                      join(job.table->rows[job.slot_row[i]].texts, ","));
  }
  // Values only: the comments name the files, which may be given by another path on resume.
  std::string values;
  std::istringstream lines(job.setup->scenario.resolved_ini(false));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line[0] != ';') values += line + "\n";
  // The fields users change most come first, so the refusal names them rather than the scenario.
  return {{"kind", job.command},
          {"seed", std::to_string(run.seed)},
          {"replicate_keys", join(keys, ",")},
          {"start", format_date(run.start)},
          {"end", format_date(run.end)},
          {"scale", detail::format_number(run.scale)},
          {"varied_parameters", job.table ? join(job.table->names, ",") : ""},
          {"parameter_set_of_each_replicate", join(slots, "\n")},
          {"resolved_scenario", values},
          {"software_version", prov.at("software_version")},
          {"git_commit", prov.at("git_commit")},
          {"git_dirty", prov.at("git_dirty")},
          {"started_at", now_iso8601()},
          {"command", resume_command(job)}};
}

// The parameters each replicate ran, and where they came from, in the run file.
void record_varied(const RunJob& job, out::RunData& d) {
  const ParamTable& t = *job.table;
  d.varied_names = t.names;
  for (size_t row : job.slot_row) {
    const auto& v = t.rows[row].values;
    d.varied_values.insert(d.varied_values.end(), v.begin(), v.end());
    (job.rows_are_design ? d.design_rows : d.posterior_rows).push_back(static_cast<int32_t>(row));
  }
  const std::set<std::string> varied(t.names.begin(), t.names.end());
  for (auto& p : d.params) {
    if (!varied.count(p.name)) continue;
    p.value = "(varies by replicate: see varied_value)";
    p.origin = t.path;
  }
}

void print_sweep_summary(std::ostream& os, const RunJob& job, const out::RunData& d) {
  const auto* arrivals = d.find("arrivals");
  const auto* returns = d.find("returns");
  if (!arrivals || !returns || !job.table) return;
  const auto a = out::aggregate(d, *arrivals, out::Period::kWindow);
  const auto r = out::aggregate(d, *returns, out::Period::kWindow);
  const size_t nrows = job.table->rows.size();
  std::vector<double> sa(nrows), sr(nrows), n(nrows);
  for (size_t i = 0; i < job.slot_row.size(); ++i) {
    sa[job.slot_row[i]] += a[0].values[i];
    sr[job.slot_row[i]] += r[0].values[i];
    n[job.slot_row[i]] += 1;
  }
  std::vector<std::vector<std::string>> cells;
  cells.push_back({"row"});
  for (const auto& name : job.table->names) cells[0].push_back(name);
  cells[0].insert(cells[0].end(), {"arrivals", "returns"});
  char buf[64];
  for (size_t row = 0; row < nrows; ++row) {
    if (n[row] == 0) continue;
    cells.push_back({std::to_string(row)});
    for (const auto& t : job.table->rows[row].texts) cells.back().push_back(t);
    for (double x : {sa[row] / n[row], sr[row] / n[row]}) {
      std::snprintf(buf, sizeof buf, "%.0f", x);
      cells.back().push_back(buf);
    }
  }
  os << "mean over " << d.nreplicates() / std::max<size_t>(1, nrows)
     << " replicates per design row, " << a[0].label << "\n";
  print_columns(os, cells, [](size_t) { return false; });
}

}  // namespace

po::options_description run_options() {
  po::options_description opts("run options");
  opts.add_options()("output,o", po::value<std::string>(),
                     "run file to write (default: named after the scenario, in this folder)")(
      "seed", po::value<uint64_t>(), "seed of every random stream")(
      "replicates,n", po::value<int>(), "number of replicates")(
      "threads,t", po::value<int>(),
      "worker threads (default: all cores; results do not depend on it)")(
      "scale", po::value<double>(),
      "share of the population simulated, e.g. 0.1 (counts are reported at full scale)")(
      "start", po::value<std::string>(), "first day, YYYY-MM-DD")("end", po::value<std::string>(),
                                                                  "last day, YYYY-MM-DD")(
      "set", po::value<std::vector<std::string>>()->composing(),
      "SECTION.KEY=VALUE: override a parameter (repeatable)")(
      "resume",
      "complete an interrupted run of the same command from the replicates it finished "
      "(kept in OUTPUT.partial/); refused if anything that decides the numbers changed")(
      "shard", po::value<std::string>(),
      "I/N: run only slice I (0-based) of N of the replicates, for job arrays ('slurm': this "
      "array task's slice); writes OUTPUT's NAME.shard-I-of-N.h5, and 'smugsim merge OUTPUT "
      "NAME.shard-*' combines the shards")("quiet,q", "no progress bar and no summary");
  return opts;
}

RunSetup make_run_setup(const po::variables_map& vm, const std::string& output_suffix) {
  const std::string path = vm["scenario"].as<std::string>();
  RunSetup r{load_scenario(path),    path, "", 1, vm.count("quiet") > 0,
             vm.count("resume") > 0, {},   {}};
  Scenario& s = r.scenario;
  const Origin cli{"command line", 0};
  auto override_with = [&](const char* opt, const char* key) {
    if (!vm.count(opt)) return;
    const auto& v = vm[opt];
    std::string text;
    if (v.value().type() == typeid(std::string))
      text = v.as<std::string>();
    else if (v.value().type() == typeid(int))
      text = std::to_string(v.as<int>());
    else if (v.value().type() == typeid(uint64_t))
      text = std::to_string(v.as<uint64_t>());
    else
      text = std::to_string(v.as<double>());
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
      if (eq == std::string::npos)
        throw UsageError("--set expects SECTION.KEY=VALUE, got '" + kv + "'");
      if (!s.registry().find(kv.substr(0, eq)))
        throw UsageError("--set: unknown parameter '" + kv.substr(0, eq) +
                         "' (see 'smugsim params')");
      s.set(kv.substr(0, eq), kv.substr(eq + 1), cli);
      r.set_names.push_back(kv.substr(0, eq));
    }
  }
  r.output = vm.count("output") ? vm["output"].as<std::string>()
                                : std::filesystem::path(path).stem().string() + output_suffix;
  r.threads = vm.count("threads")
                  ? vm["threads"].as<int>()
                  : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (r.threads < 1) throw UsageError("--threads must be at least 1");
  if (vm.count("shard")) {
    r.shard = parse_shard(vm["shard"].as<std::string>());
    r.output = shard_output(r.output, r.shard);  // every task of an array gives the same -o
  }
  return r;
}

namespace {

int execute_slots(const RunJob& job);

// The job restricted to its shard's slots, with attributes naming the slice and the whole run.
RunJob shard_of(const RunJob& job) {
  const Shard& shard = job.setup->shard;
  const size_t n = job.slot_key.size();
  if (shard.count > n)
    throw UsageError("--shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) +
                     ": more shards than the run's " + std::to_string(n) + " replicates");
  std::string whole;  // what decides the whole run's numbers: equal in every shard of it
  for (const auto& [k, v] : make_manifest(job, RunParams::from(job.setup->scenario)))
    if (std::find(kInformationalFields.begin(), kInformationalFields.end(), k) ==
        kInformationalFields.end())
      whole += k + "=" + v + "\n";
  const size_t begin = shard_begin(shard, n), end = shard_end(shard, n);
  RunJob part = job;
  part.slot_key.assign(job.slot_key.begin() + begin, job.slot_key.begin() + end);
  if (!job.slot_row.empty())
    part.slot_row.assign(job.slot_row.begin() + begin, job.slot_row.begin() + end);
  for (auto& [k, v] :
       out::shard_attributes({shard.index, shard.count, begin, n, sha256_hex(whole)}))
    part.provenance[k] = v;
  return part;
}

}  // namespace

int execute(const RunJob& job) {
  return job.setup->shard.active() ? execute_slots(shard_of(job)) : execute_slots(job);
}

namespace {

int execute_slots(const RunJob& job) {
  const RunSetup& setup = *job.setup;
  const size_t nslots = job.slot_key.size();
  // One model per parameter set in use; without a table, the scenario's own.
  std::map<size_t, std::unique_ptr<Model>> by_row;
  std::unique_ptr<Model> own;
  if (job.table) {
    for (const auto& name : job.table->names) {
      if (!setup.scenario.schedule(name).changes.empty()) {
        std::cerr << "smugsim: warning: the scenario gives " << name << " dated changes; each of "
                  << job.table->path << "'s rows replaces them with its one value\n";
      }
    }
    for (size_t row : job.slot_row) {
      if (by_row.count(row)) continue;
      const Scenario s = with_row(setup.scenario, *job.table, row);
      by_row[row] = std::make_unique<Model>(build_model(s, load_inputs(s, setup.scenario_path)));
    }
  } else {
    own = std::make_unique<Model>(
        build_model(setup.scenario, load_inputs(setup.scenario, setup.scenario_path)));
  }
  auto model_of = [&](size_t slot) -> const Model* {
    return job.table ? by_row.at(job.slot_row[slot]).get() : own.get();
  };
  const Model& first = *model_of(0);
  const RunParams& run = first.params().run;
  const SlotRunner run_slot = [&](size_t slot) {
    return model_of(slot)->run(run.seed, job.slot_key[slot]);
  };
  if (dist::is_worker()) {  // MPI: run what rank 0 hands out; rank 0 keeps the files
    g_stop.store(false);
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    run_slots_for_rank0(run_slot, &g_stop);
    return 0;
  }

  CheckpointStore store(setup.output, make_manifest(job, run), setup.resume);
  if (store.replaced()) {
    std::cerr << "smugsim: replacing the unfinished run in " << store.dir()
              << " (use --resume to continue it instead)\n";
  }
  std::map<size_t, ReplicateResult> done;
  if (store.resumed()) {
    std::vector<std::string> ignored;
    done = store.load(run.seed, job.slot_key, run.ndays(), first.measures().size(), &ignored);
    for (const auto& why : ignored) std::cerr << "smugsim: ignoring " << why << "\n";
    std::cerr << "smugsim: resuming: " << done.size() << " of " << nslots
              << " replicates finished in " << store.dir() << "\n";
  } else if (setup.resume) {
    std::cerr << "smugsim: no unfinished run in " << store.dir()
              << "; starting from the beginning\n";
  }

  EnsembleOptions eo;
  eo.seed = run.seed;
  eo.threads = setup.threads;
  std::vector<size_t> todo;
  std::vector<const Model*> models;
  for (size_t i = 0; i < nslots; ++i) {
    if (done.count(i)) continue;
    todo.push_back(i);
    eo.replicates.push_back(job.slot_key[i]);
    models.push_back(model_of(i));
  }
  Progress progress(job.command, !setup.quiet);
  eo.on_result = [&](size_t i, const ReplicateResult& r) { store.save(todo[i], r); };
  eo.on_done = [&](const ReplicateResult&, size_t d, size_t) {
    progress.update(done.size() + d, nslots);
  };
  g_stop.store(false);
  eo.stop = &g_stop;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  std::vector<ReplicateResult> fresh =
      dist::active() ? run_slots_over_ranks(todo, run_slot, eo) : run_ensemble(models, eo);
  dist::finish();
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (fresh.size() < todo.size()) {
    // Results come back in order with the unrun ones missing; which ran is in the checkpoints.
    std::cerr << "\nsmugsim: interrupted: " << done.size() + fresh.size() << " of " << nslots
              << " replicates are finished and kept in " << store.dir() << "; nothing written to "
              << setup.output << ". Continue with:\n  " << resume_command(job) << "\n";
    return 1;
  }
  for (size_t k = 0; k < todo.size(); ++k) done.emplace(todo[k], std::move(fresh[k]));
  std::vector<ReplicateResult> results;
  for (auto& [slot, r] : done) results.push_back(std::move(r));

  auto prov = base_provenance();
  prov["started_at"] = store.field("started_at");
  prov["finished_at"] = now_iso8601();
  std::string command = "smugsim " + job.command;
  for (const auto& a : job.args) command += " " + a;
  prov["command"] = command;
  prov["scenario"] = setup.scenario_path;
  prov["threads"] = std::to_string(setup.threads);
  if (dist::active()) prov["mpi_ranks"] = std::to_string(dist::ranks());
  prov["scale"] = std::to_string(run.scale);
  if (store.resumed())
    prov["resumed_from"] = store.dir() + " (" + std::to_string(nslots - todo.size()) + " of " +
                           std::to_string(nslots) + " replicates)";
  for (const auto& [k, v] : job.provenance) prov[k] = v;
  out::RunData data = make_run_data(setup.scenario, first, results, prov);
  if (job.table) record_varied(job, data);
  out::write_run_file(setup.output, data);
  store.remove();
  if (!setup.quiet) {
    if (job.rows_are_design)
      print_sweep_summary(std::cout, job, data);
    else
      print_summary_table(std::cout, data);
    std::cout << "wrote " << setup.output << "\n";
  }
  return 0;
}

}  // namespace

}  // namespace smug
