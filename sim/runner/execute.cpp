#include "runner/execute.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/durable_write.hpp"
#include "core/errors.hpp"
#include "engine/replicate_codec.hpp"
#include "measures/assemble.hpp"
#include "output/merge.hpp"
#include "params/relative.hpp"
#include "params/value_text.hpp"
#include "runner/checkpoint.hpp"
#include "runner/executor.hpp"
#include "runner/io/inputs.hpp"
#include "runner/io/sha256.hpp"
#include "runner/resources.hpp"
#include "runner/run_record.hpp"

namespace smug {

namespace {

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

// Everything that decides the numbers of the run: resuming is refused if any of it changed.
Manifest make_manifest(const RunPlan& plan, const RunParams& run) {
  const auto prov = base_provenance();
  std::vector<std::string> keys, slots;
  for (auto k : plan.slot_key) keys.push_back(std::to_string(k));
  if (plan.table) {
    for (size_t i = 0; i < plan.slot_row.size(); ++i)
      slots.push_back(std::to_string(plan.slot_row[i]) + ": " +
                      join(plan.table->rows[plan.slot_row[i]].texts, ","));
  }
  // Values only: the comments name the files, which may be given by another path on resume.
  std::string values;
  std::istringstream lines(plan.scenario.resolved_ini(false));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line[0] != ';') values += line + "\n";
  // The fields users change most come first, so the refusal names them rather than the scenario.
  return {{"kind", plan.command},
          {"seed", std::to_string(run.seed)},
          {"replicate_keys", join(keys, ",")},
          {"start", format_date(run.start)},
          {"end", format_date(run.end)},
          {"scale", detail::format_number(run.scale)},
          {"varied_parameters", plan.table ? join(plan.table->names, ",") : ""},
          {"parameter_set_of_each_replicate", join(slots, "\n")},
          {"resolved_scenario", values},
          {"software_version", prov.at("software_version")},
          {"git_commit", prov.at("git_commit")},
          {"git_dirty", prov.at("git_dirty")},
          {"started_at", now_iso8601()},
          {"command", resume_command(plan)}};
}

// The parameters each replicate ran, and where they came from, in the run file.
void record_varied(const RunPlan& plan, out::RunData& d) {
  const ParamTable& t = *plan.table;
  d.varied_names = t.names;
  for (size_t row : plan.slot_row) {
    const auto& v = t.rows[row].values;
    d.varied_values.insert(d.varied_values.end(), v.begin(), v.end());
    (plan.rows_are_design ? d.design_rows : d.posterior_rows).push_back(static_cast<int32_t>(row));
  }
  const std::set<std::string> varied(t.names.begin(), t.names.end());
  for (auto& p : d.params) {
    if (!varied.count(p.name)) continue;
    // varied_value holds the rows as drawn: a relative value's factor applies on top of them.
    const auto& rel = plan.scenario.value(p.name).relative;
    p.value = rel ? "(varies by replicate: varied_value " + detail::factor_text(rel->factor) + ")"
                  : "(varies by replicate: see varied_value)";
    p.origin = t.path;
  }
}

// The plan restricted to its shard's slots, with attributes naming the slice and the whole run.
RunPlan shard_of(const RunPlan& plan) {
  const Shard& shard = plan.shard;
  const size_t n = plan.slot_key.size();
  if (shard.count > n)
    throw UsageError("--shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) +
                     ": more shards than the run's " + std::to_string(n) + " replicates");
  const size_t begin = shard_begin(shard, n), end = shard_end(shard, n);
  RunPlan part = plan;
  part.slot_key.assign(plan.slot_key.begin() + begin, plan.slot_key.begin() + end);
  if (!plan.slot_row.empty())
    part.slot_row.assign(plan.slot_row.begin() + begin, plan.slot_row.begin() + end);
  for (auto& [k, v] :
       out::shard_attributes({shard.index, shard.count, begin, n, plan_digest(plan)}))
    part.provenance[k] = v;
  return part;
}

// One model per parameter set in use; without a table, the scenario's own.
class SlotModels {
 public:
  SlotModels(const RunPlan& plan, std::ostream* log) : plan_(plan) {
    if (!plan.table) {
      own_ = std::make_unique<Model>(
          build_model(plan.scenario, load_inputs(plan.scenario, plan.scenario_path)));
      return;
    }
    for (const auto& name : plan.table->names) {
      if (log && !plan.scenario.value(name).relative &&
          !plan.scenario.value(name).schedule.changes.empty()) {
        *log << "smugsim: warning: the scenario gives " << name << " dated changes; each of "
             << plan.table->path << "'s rows replaces them with its one value\n";
      }
    }
    for (size_t row : plan.slot_row) {
      if (by_row_.count(row)) continue;
      const Scenario s = with_row(plan.scenario, *plan.table, row);
      by_row_[row] = std::make_unique<Model>(build_model(s, load_inputs(s, plan.scenario_path)));
    }
  }
  const Model& of(size_t slot) const {
    return plan_.table ? *by_row_.at(plan_.slot_row[slot]) : *own_;
  }

 private:
  const RunPlan& plan_;
  std::map<size_t, std::unique_ptr<Model>> by_row_;
  std::unique_ptr<Model> own_;
};

// The checkpoints of a resumed run that still hold, with the notes a user needs.
std::map<size_t, FinishedReplicate> finished_before(const CheckpointStore& store,
                                                    const CheckpointShape& shape,
                                                    const RunOptions& options) {
  std::ostream* log = options.log;
  if (store.replaced() && log) {
    *log << "smugsim: replacing the unfinished run in " << store.dir()
         << " (use --resume to continue it instead)\n";
  }
  std::map<size_t, FinishedReplicate> done;
  if (store.resumed()) {
    std::vector<std::string> ignored;
    done = store.scan(shape, &ignored);
    if (log) {
      for (const auto& why : ignored) *log << "smugsim: ignoring " << why << "\n";
      *log << "smugsim: resuming: " << done.size() << " of " << shape.keys.size()
           << " replicates finished in " << store.dir() << "\n";
    }
  } else if (options.resume && log) {
    *log << "smugsim: no unfinished run in " << store.dir() << "; starting from the beginning\n";
  }
  return done;
}

// Runs the slots not in `done`, checkpointing each and adding it to `done` (results are not held:
// they are read back from the checkpoints when the file is written). False if stopped.
bool run_missing(Executor& executor, const SlotRunner& run_slot, const CheckpointStore& store,
                 const RunOptions& options, size_t nslots,
                 std::map<size_t, FinishedReplicate>& done, size_t& ran) {
  EnsembleOptions eo;
  eo.threads = options.threads;
  eo.keep_results = false;
  warn_of_thread_shortfall(eo, options.log);
  std::vector<size_t> todo;
  for (size_t i = 0; i < nslots; ++i)
    if (!done.count(i)) todo.push_back(i);
  const size_t before = done.size();
  ran = 0;
  eo.on_result = [&](size_t i, const ReplicateResult& r) {
    store.save(todo[i], r);
    done[todo[i]] = {r.seed, r.replicate, r.wall_seconds};
    ++ran;
  };
  eo.on_done = [&](const ReplicateResult&, size_t d, size_t) {
    if (options.on_progress) options.on_progress(before + d, nslots);
  };
  eo.stop = options.stop;
  executor.run(todo, run_slot, eo);
  executor.finish();
  return ran == todo.size();
}

// Writes the run file from the checkpoints, one replicate at a time in slot order; returns its
// contents with the values of options.keep_series only.
out::RunData write_from_checkpoints(const RunPlan& plan, const RunOptions& options,
                                    const Model& model, const CheckpointStore& store,
                                    const CheckpointShape& shape,
                                    const std::map<size_t, FinishedReplicate>& done,
                                    std::map<std::string, std::string> provenance) {
  out::RunData d = make_run_header(plan.scenario, model, std::move(provenance));
  for (const auto& [slot, f] : done) {
    d.seeds.push_back(f.seed);
    d.replicate_ids.push_back(f.replicate);
    d.wall_seconds.push_back(f.wall_seconds);
  }
  if (plan.table) record_varied(plan, d);
  std::vector<size_t> kept;
  for (size_t k = 0; k < d.series.size(); ++k)
    if (std::count(options.keep_series.begin(), options.keep_series.end(), d.series[k].name))
      kept.push_back(k);
  std::vector<std::vector<double>> kept_values(kept.size());
  out::write_run_file(plan.output, d, [&](size_t slot, std::vector<std::vector<double>>& values) {
    replicate_rows(store.load(slot, shape), values);
    for (size_t i = 0; i < kept.size(); ++i)
      kept_values[i].insert(kept_values[i].end(), values[kept[i]].begin(), values[kept[i]].end());
  });
  for (size_t i = 0; i < kept.size(); ++i) d.series[kept[i]].values = std::move(kept_values[i]);
  return d;
}

// What the run will hold in memory, for the check before it starts.
RunSize run_size(const RunPlan& plan, const RunOptions& options, const Model& model) {
  const RunParams& run = model.params().run;
  const size_t nmeasures = model.measures().size();
  RunSize size;
  size.replicates = plan.slot_key.size();
  size.threads = options.threads;
  size.people = people_at_scale(model.params().population, run.scale);
  size.series_bytes = encoded_replicate_size(run.ndays(), nmeasures);
  size.kept_series_bytes =
      options.keep_series.size() * sizeof(double) * static_cast<uint64_t>(run.ndays());
  return size;
}

std::map<std::string, std::string> provenance_of(const RunPlan& plan, const RunOptions& options,
                                                 const RunParams& run, const Executor& executor,
                                                 const CheckpointStore& store, size_t ran) {
  const size_t nslots = plan.slot_key.size();
  auto prov = base_provenance();
  prov["started_at"] = store.field("started_at");
  prov["finished_at"] = now_iso8601();
  std::string command = "smugsim " + plan.command;
  for (const auto& a : plan.args) command += " " + a;
  prov["command"] = command;
  prov["scenario"] = plan.scenario_path;
  prov["threads"] = std::to_string(options.threads);
  for (const auto& [k, v] : executor.provenance()) prov[k] = v;
  prov["scale"] = detail::format_number(run.scale);  // exact: std::to_string keeps 6 decimals
  if (store.resumed())
    prov["resumed_from"] = store.dir() + " (" + std::to_string(nslots - ran) + " of " +
                           std::to_string(nslots) + " replicates)";
  for (const auto& [k, v] : plan.provenance) prov[k] = v;
  return prov;
}

RunOutcome execute_slots(const RunPlan& plan, const RunOptions& options) {
  const SlotModels models(plan, options.log);
  const Model& first = models.of(0);
  const RunParams& run = first.params().run;
  if (plan.seed != run.seed)
    throw std::logic_error("execute: the plan's seed is not its scenario's");
  const SlotRunner run_slot = [&](size_t slot) {
    return models.of(slot).run(plan.seed, plan.slot_key[slot]);
  };
  const auto executor = make_executor();
  RunOutcome outcome;
  if (!executor->keeps_results()) {  // MPI: run what rank 0 hands out; rank 0 keeps the files
    EnsembleOptions eo;
    eo.stop = options.stop;
    executor->run({}, run_slot, eo);
    outcome.kept = false;
    return outcome;
  }
  check_memory(estimate_memory(run_size(plan, options, first)), available_memory());
  const size_t nslots = plan.slot_key.size();
  const CheckpointStore store(plan.output, make_manifest(plan, run), options.resume);
  // Under the store's lock no other run writes plan.output: a temporary file is a killed write's.
  for (const auto& left : remove_leftover_temporaries(plan.output))
    if (options.log)
      *options.log << "smugsim: removed " << left << ", left by an interrupted write\n";
  const CheckpointShape shape{run.seed, plan.slot_key, run.ndays(), first.measures().size()};
  auto done = finished_before(store, shape, options);
  const size_t before = done.size();
  size_t ran = 0;
  if (!run_missing(*executor, run_slot, store, options, nslots, done, ran)) {
    if (options.log) {
      *options.log << "\nsmugsim: interrupted: " << before + ran << " of " << nslots
                   << " replicates are finished and kept in " << store.dir()
                   << "; nothing written to " << plan.output << ". Continue with:\n  "
                   << resume_command(plan) << "\n";
    }
    return outcome;
  }
  outcome.data = write_from_checkpoints(plan, options, first, store, shape, done,
                                        provenance_of(plan, options, run, *executor, store, ran));
  store.remove();
  outcome.finished = true;
  return outcome;
}

}  // namespace

std::string plan_digest(const RunPlan& plan) {
  std::string whole;
  for (const auto& [k, v] : make_manifest(plan, RunParams::from(plan.scenario)))
    if (std::find(kInformationalFields.begin(), kInformationalFields.end(), k) ==
        kInformationalFields.end())
      whole += k + "=" + v + "\n";
  return sha256_hex(whole);
}

std::string resume_command(const RunPlan& plan) {
  std::string c = "smugsim " + plan.command;
  bool has = false;
  for (const auto& a : plan.args) {
    c.append(" ").append(quoted(a));
    has = has || a == "--resume";
  }
  return has ? c : c + " --resume";
}

RunOutcome execute(const RunPlan& plan, const RunOptions& options) {
  return plan.shard.active() ? execute_slots(shard_of(plan), options)
                             : execute_slots(plan, options);
}

}  // namespace smug
