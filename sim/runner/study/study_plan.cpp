#include "runner/study/study_plan.hpp"

#include <filesystem>

#include "core/errors.hpp"
#include "params/value_text.hpp"
#include "runner/execute.hpp"
#include "runner/io/drawn_values.hpp"
#include "runner/io/inputs.hpp"
#include "runner/io/output_path.hpp"
#include "runner/io/scenario_files.hpp"
#include "runner/replicate_slots.hpp"
#include "runner/run_record.hpp"

namespace smug {

namespace {

const char* const kRunKeys[] = {"run.seed", "run.replicates", "run.scale", "run.start", "run.end"};
const char* const kDigestKey = "study_plan_sha256";

std::string read_text(const std::string& path) {
  auto text = load_file_from_disk(path);
  if (!text) throw InputError(path, 0, "", "cannot read the study file");
  return *text;
}

void apply_settings(Scenario& s, const std::vector<SetupEntry>& entries) {
  for (const SetupEntry& e : entries) {
    if (!s.registry().find(e.key)) e.fail("not a parameter of the model (see 'smugsim params')");
    s.set(e.key, e.value, Origin{e.path, e.line});
  }
}

void apply_overrides(Scenario& s, const StudyOverrides& o) {
  const Origin cli{"command line", 0};
  if (o.replicates) s.set("run.replicates", *o.replicates, cli);
  if (o.scale) s.set("run.scale", detail::format_number(*o.scale), cli);
}

// A what-if runs the baseline's run whatever its own file says: pairing needs the same run.
void pair_with(Scenario& s, const Scenario& baseline) {
  for (const char* key : kRunKeys) s.set(key, baseline.value(key).text, baseline.value(key).origin);
}

void refuse_drawn(const StudyScenario& s, const ParamTable& posterior) {
  for (const SetupEntry& e : s.settings)
    for (const auto& drawn : posterior.names)
      if (e.key == drawn) e.fail("the posterior draws it in every replicate");
}

}  // namespace

Study::Study(const std::string& path, const std::string& dir, const StudyOverrides& overrides,
             const Shard& shard, const std::vector<std::string>& command, std::ostream* log)
    : spec_(parse_study(path, read_text(path))), dir_(dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir_, ec) && !std::filesystem::create_directories(dir_, ec))
    throw UsageError("-o " + dir_ + ": cannot make the folder (" + ec.message() + ")");
  if (!spec_.posterior.empty()) {
    posterior_ = read_param_table(spec_.posterior, TableKind::kPosterior);
    draws_ = overrides.draws ? *overrides.draws : spec_.draws.value_or(0);
  } else if (overrides.draws) {
    throw UsageError("--draws needs a posterior in the study's [study] section");
  }
  plan(spec_.baseline, overrides, shard, command, log);
  for (const StudyScenario& s : spec_.whatifs) plan(s, overrides, shard, command, log);
}

void Study::plan(StudyScenario s, const StudyOverrides& overrides, const Shard& shard,
                 const std::vector<std::string>& command, std::ostream* log) {
  const bool inline_one = s.file.empty();
  const std::string file = inline_one ? spec_.baseline.file : s.file;
  Scenario scenario = load_scenario(file);
  // As run --posterior: an absolute value on a drawn parameter in a what-if file would be
  // replaced by each draw, a silent no-op; refused with the relative form to write.
  if (has_posterior()) {
    refuse_absolute_draws(scenario, posterior_);
    refuse_drawn(s, posterior_);
  }
  apply_settings(scenario, s.settings);
  if (inline_one) scenario.add_file({spec_.path, read_text(spec_.path)});
  apply_settings(scenario, spec_.design);
  apply_overrides(scenario, overrides);
  if (!runs_.empty()) pair_with(scenario, runs_.front().plan.scenario);
  RunPlan p(std::move(scenario));
  p.command = command.front();
  p.args.assign(command.begin() + 1, command.end());
  p.scenario_path = file;
  p.seed = RunParams::from(p.scenario).seed;
  const long replicates = p.scenario.integer("run.replicates");
  add_replicate_slots(p, has_posterior() ? &posterior_ : nullptr,
                      draws_ > 0 ? draws_ : static_cast<int>(replicates), log);
  p.provenance["study_file"] = spec_.path;
  p.provenance["study_question"] = spec_.question;
  p.provenance["study_scenario"] = s.name;
  p.provenance["study_description"] = s.description;
  p.provenance[kDigestKey] = plan_digest(p);
  p.output = (std::filesystem::path(dir_) / (s.name + ".h5")).string();
  std::vector<std::string> inputs = input_files(p.scenario, file);
  inputs.push_back(spec_.path);
  if (has_posterior()) inputs.push_back(posterior_.path);
  check_output_path(p.output, inputs);
  p.shard = shard;
  if (shard.active()) p.output = shard_output(p.output, shard);
  runs_.push_back({s.name, s.description, std::move(p)});
}

namespace {

// Whether the run file of the scenario is there from this very plan (resume only).
bool finished_before(const StudyRun& run, bool resume) {
  std::error_code ec;
  if (!resume || !std::filesystem::exists(run.plan.output, ec)) return false;
  const out::RunData header = out::read_run_header(run.plan.output);
  const auto it = header.provenance.find(kDigestKey);
  if (it != header.provenance.end() && it->second == run.plan.provenance.at(kDigestKey))
    return true;
  const auto commit = header.provenance.find("git_commit");
  const std::string now = base_provenance().at("git_commit");
  const std::string why =
      commit != header.provenance.end() && commit->second != now
          ? "another build ran it (commit " + commit->second + ", this is " + now + ")"
          : "its study file, scenario files or design changed";
  throw UsageError(run.plan.output + " is not the run of scenario '" + run.name +
                   "' this study now makes: " + why + "; run without --resume to replace it");
}

}  // namespace

StudyOutcome run_study(const Study& study, const StudyOptions& options) {
  StudyOutcome outcome;
  const size_t n = study.runs().size();
  for (size_t i = 0; i < n; ++i) {
    const StudyRun& run = study.runs()[i];
    StudyProgress progress{i, n, &run.name, 0, run.plan.slot_key.size(), false};
    if (finished_before(run, options.resume)) {
      progress.skipped = true;
      progress.done = progress.total;
      if (options.on_progress) options.on_progress(progress);
      continue;
    }
    RunOptions ro;
    ro.threads = options.threads;
    ro.resume = options.resume;
    ro.stop = options.stop;
    ro.log = options.log;
    ro.on_progress = [&](size_t done, size_t total) {
      progress.done = done;
      progress.total = total;
      if (options.on_progress) options.on_progress(progress);
    };
    const RunOutcome r = execute(run.plan, ro);
    outcome.kept = r.kept;
    if (r.kept && !r.finished) return outcome;
  }
  outcome.finished = true;
  return outcome;
}

}  // namespace smug
