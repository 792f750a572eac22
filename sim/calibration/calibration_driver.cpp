#include "calibration/calibration_driver.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <memory>
#include <mutex>

#include "calibration/distributed_calibration.hpp"
#include "engine/ensemble.hpp"
#include "measures/assemble.hpp"
#include "model/simulation.hpp"
#include "output/runfile.hpp"
#include "runner/distributed.hpp"
#include "runner/run_record.hpp"

namespace smug {

double target_distance(const std::vector<out::TargetResult>& results) {
  double sum = 0;
  for (const auto& r : results) {
    const double lo = r.target.lower, hi = r.target.upper;
    double z;
    if (!std::isfinite(r.mean)) {
      z = 1000;
    } else if (lo > 0) {
      // Counts and prices span orders of magnitude: distance on the log scale, from the band's
      // geometric centre, in units of its log half-width (a miss by a factor counts the same
      // whether the run is too high or too low).
      const double centre = std::sqrt(lo * hi);
      const double half = std::max(1e-12, std::log(hi / centre));
      z = std::log(std::max(r.mean, lo / 1000) / centre) / half;
    } else {
      const double half = std::max(1e-12, (hi - lo) / 2);
      z = (r.mean - (lo + hi) / 2) / half;
    }
    sum += z * z;
  }
  return results.empty() ? 0 : std::sqrt(sum / results.size());
}

namespace {

Scenario scenario_at(const CalibrationContext& ctx, const std::vector<double>& theta) {
  Scenario s = ctx.scenario;
  const Origin origin{"calibration", 0};
  for (size_t j = 0; j < theta.size(); ++j) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", theta[j]);
    s.set(ctx.setup.priors[j].name, buf, origin);
  }
  return s;
}

// A proposal selling five times the largest target's upper bound is hopeless: stop it early.
RunLimits limits_for(const CalibrationContext& ctx) {
  RunLimits limits;
  double largest = 0;
  for (const auto& t : ctx.targets)
    if (!t.yoy) largest = std::max(largest, t.upper);
  if (largest > 0) limits.max_boat_sales = 5 * largest;
  return limits;
}

Evaluation score(const CalibrationContext& ctx, const Scenario& s, const Model& model,
                 const std::vector<ReplicateResult>& results, const std::vector<double>& theta) {
  const out::RunData data = make_run_data(s, model, results, {});
  const auto scored = out::evaluate_targets(data, ctx.targets);
  Evaluation e;
  e.theta = theta;
  e.distance = target_distance(scored);
  for (const auto& r : scored) e.summaries.push_back(r.mean);
  return e;
}

}  // namespace

Evaluation evaluate_parameters(const CalibrationContext& ctx, const std::vector<double>& theta,
                               uint64_t seed, int replicates) {
  const Scenario s = scenario_at(ctx, theta);
  const Model model = build_model(s, ctx.inputs);
  const RunLimits limits = limits_for(ctx);
  std::vector<ReplicateResult> results;
  for (int r = 0; r < replicates; ++r)
    results.push_back(model.run(seed, static_cast<uint64_t>(r), limits));
  return score(ctx, s, model, results, theta);
}

Evaluation evaluate_parameters(const CalibrationContext& ctx, const std::vector<double>& theta) {
  return evaluate_parameters(ctx, theta, ctx.setup.abc.seed, ctx.setup.replicates);
}

namespace {

// The sets `which` of the population on replicates first..first+reps-1 of `seed`, as one ensemble
// of every (set, replicate), so that a few sets still keep every thread busy. No early stop: the
// sets were accepted, and the check runs them whole.
std::vector<Evaluation> evaluate_sets(const CalibrationContext& ctx, const Abc& abc,
                                      const std::vector<size_t>& which, uint64_t seed, size_t first,
                                      size_t reps, int threads,
                                      const std::function<void(size_t)>& on_done) {
  const auto& pop = abc.population();
  std::vector<Scenario> scenarios;
  std::vector<std::unique_ptr<Model>> models;
  for (size_t c : which) {
    scenarios.push_back(scenario_at(ctx, pop[c].eval.theta));
    models.push_back(std::make_unique<Model>(build_model(scenarios.back(), ctx.inputs)));
  }
  std::vector<const Model*> per_run;
  EnsembleOptions o;
  o.seed = seed;
  o.threads = threads;
  for (size_t c = 0; c < which.size(); ++c)
    for (size_t r = 0; r < reps; ++r) {
      per_run.push_back(models[c].get());
      o.replicates.push_back(first + r);
    }
  if (on_done) o.on_done = [&](const ReplicateResult&, size_t d, size_t) { on_done(d); };
  std::vector<ReplicateResult> runs = run_ensemble(per_run, o);
  std::vector<Evaluation> out;
  for (size_t c = 0; c < which.size(); ++c) {
    std::vector<ReplicateResult> mine(std::make_move_iterator(runs.begin() + c * reps),
                                      std::make_move_iterator(runs.begin() + (c + 1) * reps));
    out.push_back(score(ctx, scenarios[c], *models[c], mine, pop[which[c]].eval.theta));
    out.back().generation = pop[which[c]].eval.generation;
  }
  return out;
}

}  // namespace

CheckResult check_closest(const CalibrationContext& ctx, const Abc& abc, const CheckSettings& check,
                          int threads, const std::function<void(size_t, size_t)>& on_progress) {
  const size_t size = abc.population().size();
  const size_t n = std::min(size, static_cast<size_t>(std::max(0, check.candidates)));
  const size_t reps = static_cast<size_t>(std::max(1, check.replicates));
  const size_t m = std::min(size, static_cast<size_t>(std::max(0, check.screen)));
  const size_t screen_reps = static_cast<size_t>(std::max(1, check.screen_replicates));
  const bool screening = m > n;
  const size_t total = n * reps + (screening ? m * screen_reps : 0);
  size_t before = 0;
  auto progress = [&](size_t d) {
    if (on_progress) on_progress(before + d, total);
  };
  CheckResult result;
  for (size_t c = 0; c < (screening ? m : n); ++c) result.candidates.push_back(c);
  if (screening) {
    result.screened = evaluate_sets(ctx, abc, result.candidates, check.seed, reps, screen_reps,
                                    threads, progress);
    before = m * screen_reps;
    std::stable_sort(result.candidates.begin(), result.candidates.end(), [&](size_t a, size_t b) {
      return result.screened[a].distance < result.screened[b].distance;
    });
    result.candidates.resize(n);
  }
  result.checked =
      evaluate_sets(ctx, abc, result.candidates, check.seed, 0, reps, threads, progress);
  return result;
}

namespace {

void keep(const std::vector<Evaluation>& evals, std::vector<double>& theta,
          std::vector<double>& summaries, std::vector<double>& distance) {
  theta.clear();
  summaries.clear();
  distance.clear();
  for (const auto& e : evals) {
    theta.insert(theta.end(), e.theta.begin(), e.theta.end());
    summaries.insert(summaries.end(), e.summaries.begin(), e.summaries.end());
    distance.push_back(e.distance);
  }
}

}  // namespace

void record_check(out::CalibrationRecord& rec, const CheckSettings& check,
                  const CheckResult& result) {
  keep(result.checked, rec.check_theta, rec.check_summaries, rec.check_distance);
  rec.check_replicates = check.replicates;
  rec.check_seed = check.seed;
  keep(result.screened, rec.screen_theta, rec.screen_summaries, rec.screen_distance);
  rec.screen_replicates = result.screened.empty() ? 0 : check.screen_replicates;
  rec.screen_first_replicate = result.screened.empty() ? 0 : check.replicates;
}

out::CalibrationRecord make_record(const Abc& abc, const CalibrationContext& ctx,
                                   const std::vector<Evaluation>& history) {
  out::CalibrationRecord r;
  for (const Prior& p : abc.priors()) {
    r.param_names.push_back(p.name);
    r.prior_shapes.push_back(p.shape == Prior::Shape::kLogUniform ? "loguniform" : "uniform");
    r.prior_low.push_back(p.low);
    r.prior_high.push_back(p.high);
    r.prior_reasons.push_back(p.reason);
  }
  for (const auto& t : ctx.targets) r.target_ids.push_back(t.id);
  for (const auto& e : history) {
    r.eval_theta.insert(r.eval_theta.end(), e.theta.begin(), e.theta.end());
    r.eval_summaries.insert(r.eval_summaries.end(), e.summaries.begin(), e.summaries.end());
    r.eval_distance.push_back(e.distance);
    r.eval_generation.push_back(e.generation);
  }
  for (const auto& p : abc.population()) {
    r.pop_theta.insert(r.pop_theta.end(), p.eval.theta.begin(), p.eval.theta.end());
    r.pop_summaries.insert(r.pop_summaries.end(), p.eval.summaries.begin(), p.eval.summaries.end());
    r.pop_distance.push_back(p.eval.distance);
    r.pop_weight.push_back(p.weight);
    r.pop_generation.push_back(p.eval.generation);
  }
  return r;
}

namespace {

// Restores the ABC and its history from a calibration file of the same set-up.
std::vector<Evaluation> resume_from(const std::string& path, const CalibrationContext& ctx,
                                    Abc& abc, out::CalibrationRecord& kept) {
  out::CalibrationRecord r = out::read_calibration_file(path);
  const size_t k = abc.priors().size(), t = ctx.targets.size();
  bool same = r.param_names.size() == k && r.target_ids.size() == t &&
              r.attributes["setup_text"] == kept.attributes["setup_text"];
  for (size_t j = 0; same && j < k; ++j) same = r.param_names[j] == abc.priors()[j].name;
  if (!same)
    throw out::RunFileError(path + ": made by a different calibration set-up; cannot resume");
  auto evaluation = [&](const std::vector<double>& theta, const std::vector<double>& sums,
                        const std::vector<double>& dist, const std::vector<int>& gen, size_t i) {
    Evaluation e;
    e.theta.assign(theta.begin() + i * k, theta.begin() + (i + 1) * k);
    e.summaries.assign(sums.begin() + i * t, sums.begin() + (i + 1) * t);
    e.distance = dist[i];
    e.generation = gen[i];
    return e;
  };
  std::vector<Evaluation> history;
  for (size_t i = 0; i < r.eval_distance.size(); ++i)
    history.push_back(
        evaluation(r.eval_theta, r.eval_summaries, r.eval_distance, r.eval_generation, i));
  std::vector<Particle> pop;
  for (size_t i = 0; i < r.pop_distance.size(); ++i)
    pop.push_back(
        Particle{evaluation(r.pop_theta, r.pop_summaries, r.pop_distance, r.pop_generation, i),
                 r.pop_weight[i]});
  abc.restore(r.generations(), r.tolerance.empty() ? 0 : r.tolerance.back(),
              r.acceptance.empty() ? 1 : r.acceptance.back(), std::move(pop));
  kept.tolerance = r.tolerance;
  kept.acceptance = r.acceptance;
  return history;
}

}  // namespace

Abc run_calibration(const CalibrationContext& ctx, const CalibrationOptions& o) {
  Abc abc(ctx.setup.priors, ctx.setup.abc);
  out::CalibrationRecord base;
  base.attributes = o.provenance;
  std::vector<Evaluation> history;
  if (o.resume && std::filesystem::exists(o.output))
    history = resume_from(o.output, ctx, abc, base);
  while (!abc.finished()) {
    if (o.stop && o.stop->load()) break;
    const auto proposals = abc.proposals();
    std::vector<Evaluation> evaluated(proposals.size());
    std::atomic<size_t> next{0}, done{0};
    std::mutex m;
    std::exception_ptr failure;
    auto worker = [&] {
      for (size_t i; (i = next.fetch_add(1)) < proposals.size();) {
        if (o.stop && o.stop->load()) return;
        try {
          evaluated[i] = evaluate_parameters(ctx, proposals[i]);
        } catch (...) {
          std::lock_guard<std::mutex> lock(m);
          if (!failure) failure = std::current_exception();
          next.store(proposals.size());
          return;
        }
        std::lock_guard<std::mutex> lock(m);
        const size_t d = ++done;
        if (o.on_progress) o.on_progress(abc, d, proposals.size());
      }
    };
    if (dist::active()) {  // MPI: the proposals over every rank (distributed_calibration.cpp)
      done.store(evaluate_over_ranks(
          ctx, proposals, evaluated,
          [&](size_t d) {
            if (o.on_progress) o.on_progress(abc, d, proposals.size());
          },
          o.stop));
    } else {
      run_workers(o.threads, worker, {}, {});  // a thread refused: the others evaluate
    }
    if (failure) std::rethrow_exception(failure);
    if (done.load() < proposals.size()) break;  // stopped: the generation is dropped whole
    for (auto& e : evaluated) e.generation = abc.generation();
    history.insert(history.end(), evaluated.begin(), evaluated.end());
    abc.update(std::move(evaluated));
    base.tolerance.push_back(abc.tolerance());
    base.acceptance.push_back(abc.acceptance());
    if (!o.output.empty()) {
      out::CalibrationRecord rec = make_record(abc, ctx, history);
      rec.tolerance = base.tolerance;
      rec.acceptance = base.acceptance;
      rec.attributes = base.attributes;
      out::write_calibration_file(o.output, rec);
    }
    if (o.on_generation) o.on_generation(abc);
  }
  return abc;
}

}  // namespace smug
