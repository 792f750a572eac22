// The model's hot paths on a full-scale world of the baseline scenario (scenarios/baseline.ini,
// about 865,000 agents) in the busy 2022 phase: one day's step, the day's background
// reconsiderations, news along ties, boat launches and UK processing; plus world set-up and one
// whole replicate (which also reports the model's own state_bytes).
//
// The world is built as Model::run builds it (replicate 0 of the scenario's seed) and stepped once
// to 2022-07-01; each benchmark works on its own copy. Benchmarks that change the world time a
// window of successive days and restore the copy (untimed) when the window is used up, so every
// timed day is a day of the same phase.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "measures/assemble.hpp"
#include "measures/measure.hpp"
#include "model/crossing.hpp"
#include "model/decision.hpp"
#include "model/journey.hpp"
#include "model/model_params.hpp"
#include "model/news.hpp"
#include "model/simulation.hpp"
#include "model/uk_processing.hpp"
#include "model/weather.hpp"
#include "model/world.hpp"
#include "runner/io/inputs.hpp"
#include "runner/io/scenario_files.hpp"

namespace smug {
namespace {

const std::string kScenario = std::string(SMUG_SOURCE_DIR) + "/scenarios/baseline.ini";

// Everything a World refers to, and snapshots of the world at chosen dates.
struct Baseline {
  Scenario scen;
  ModelParams params;
  ModelInputs inputs;
  MeasureSet measures;
  std::optional<World> mid2022;  // at the start of 2022-07-01 (step() not yet run for that day)

  Baseline()
      : scen(load_scenario(kScenario)),
        params(ModelParams::from(scen)),
        inputs(load_inputs(scen, kScenario)),
        measures(make_measures(scen)) {
    mid2022.emplace(make_world());
    advance(*mid2022, day_of(2022, 7, 1));
  }
  World make_world() const {
    const RunParams& r = params.run;
    return World(params, inputs, measures.view(), StreamKey::make(r.seed, 0), r.start, r.ndays(),
                 r.scale);
  }
  int day_of(int y, int m, int d) const { return from_ymd(y, m, d) - params.run.start; }
  // Runs step() for days [w.day, end).
  static void advance(World& w, int end) {
    for (; w.day < end; ++w.day) step(w);
  }
};

const Baseline& baseline() {
  static const Baseline b;
  return b;
}

// What step() sets before any mechanism runs: day, date, levers, media.
void prepare_day(World& w, int day) {
  w.day = day;
  w.date = w.start + day;
  w.levers = Levers{};
  for (const auto& m : w.measures)
    if (m->active(w.date)) m->apply(w.date, w.levers);
  w.orgs.media(w.pop, w.date, w.media.advert);
  w.media.campaign = std::min(1.0, w.levers.campaign_pressure());
  w.beliefs.set_media(w.media);
}

// Restores the parts of the world that launches and UK processing change and that decide how much
// work the next call does (queues, trips, the UK's state). Beliefs and ties in the UK, which news
// nudges, are left as they are: they do not change the cost.
void restore_flows(World& w, const World& snap) {
  w.orgs = snap.orgs;
  w.trips = snap.trips;
  w.uk = snap.uk;
  w.coast = snap.coast;
  w.prompted.clear();
}

double waiting_in_france(const World& w) {
  double n = 0;
  for (const auto& o : w.orgs.all()) n += static_cast<double>(o.queue.size());
  return n;
}

void agent_counters(benchmark::State& st, const World& w, double days_per_iteration) {
  const double n = w.pop.size();
  st.counters["agents"] = n;
  st.counters["agent_days_per_s"] = benchmark::Counter(
      static_cast<double>(st.iterations()) * days_per_iteration * n, benchmark::Counter::kIsRate);
}

// --- set-up and a whole replicate

// Building a full-scale world: population, beliefs, organisations, calendars.
void BM_WorldSetup(benchmark::State& st) {
  const Baseline& b = baseline();
  size_t agents = 0;
  for (auto _ : st) {
    World w = b.make_world();
    agents = w.pop.size();
    benchmark::DoNotOptimize(w.pop.hot.data());
  }
  st.counters["agents"] = static_cast<double>(agents);
}
BENCHMARK(BM_WorldSetup)->Unit(benchmark::kMillisecond);

// One whole full-scale replicate (2020-01-01 to 2025-12-31 in the baseline), as `smugsim run`
// runs it. Reports the model's own state_bytes (memory held by the state at the end) per agent.
void BM_Replicate(benchmark::State& st) {
  const Baseline& b = baseline();
  const Model model = build_model(b.scen, b.inputs);
  const RunParams& r = model.params().run;
  std::optional<ReplicateResult> last;
  for (auto _ : st) last.emplace(model.run(r.seed, 0));
  const double agents = b.mid2022->pop.size();
  st.counters["agents"] = agents;
  st.counters["days"] = r.ndays();
  st.counters["state_bytes"] = static_cast<double>(last->state_bytes);
  st.counters["state_bytes_per_agent"] = static_cast<double>(last->state_bytes) / agents;
  st.counters["agent_days_per_s"] = benchmark::Counter(
      static_cast<double>(st.iterations()) * r.ndays() * agents, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Replicate)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

// --- one day in mid-2022

// step() for successive days from 2022-07-01, restarting from the snapshot every four weeks.
void BM_StepDay2022(benchmark::State& st) {
  const Baseline& b = baseline();
  constexpr int kWindow = 28;
  std::optional<World> w;
  int k = kWindow;
  for (auto _ : st) {
    if (k == kWindow) {
      st.PauseTiming();
      w.reset();
      w.emplace(*b.mid2022);
      k = 0;
      st.ResumeTiming();
    }
    step(*w);
    ++w->day;
    ++k;
  }
  agent_counters(st, *b.mid2022, 1);
}
BENCHMARK(BM_StepDay2022)->Unit(benchmark::kMillisecond);

// The day's background reconsiderations alone (a binomial number of random people, most of whom
// stop at the offer check): the loop the model's cost is dominated by.
void BM_BackgroundConsiderations2022(benchmark::State& st) {
  const Baseline& b = baseline();
  constexpr int kWindow = 28;
  World w(*b.mid2022);
  const int first = b.mid2022->day;
  int k = 0;
  double considered = 0;
  for (auto _ : st) {
    st.PauseTiming();
    if (k == kWindow) {
      restore_flows(w, *b.mid2022);
      k = 0;
    }
    prepare_day(w, first + k);
    const double before = w.rec.series(kConsidering)[static_cast<size_t>(w.day)];
    st.ResumeTiming();
    background_considerations(w);
    st.PauseTiming();
    considered += w.rec.series(kConsidering)[static_cast<size_t>(w.day)] - before;
    w.prompted.clear();
    ++k;
    st.ResumeTiming();
  }
  st.counters["considered_per_day"] = considered / static_cast<double>(st.iterations());
  st.counters["considerations_per_s"] = benchmark::Counter(considered, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BackgroundConsiderations2022)->Unit(benchmark::kMillisecond);

// --- mechanisms

// News along ties: tell() for random people (as arrivals in the UK do: "crossed").
void BM_TellCrossed(benchmark::State& st) {
  const Baseline& b = baseline();
  World w(*b.mid2022);
  prepare_day(w, w.day);
  const uint64_t n = w.pop.size();
  uint64_t x = 12345;
  for (auto _ : st) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    tell(w, static_cast<uint32_t>((x >> 33) % n), NewsType::kCrossed);
    if (w.prompted.size() > (1u << 16)) w.prompted.clear();
  }
  st.SetItemsProcessed(st.iterations());
  st.counters["ties_per_s"] = benchmark::Counter(
      static_cast<double>(st.iterations()) * w.net.degree(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TellCrossed);

// The viable crossing day of July to October 2022 with the most people waiting on the coast at
// its start.
int fullest_viable_day(const Baseline& b) {
  World w(*b.mid2022);
  int best = w.day;
  double most = -1;
  for (; w.day < b.day_of(2022, 11, 1); ++w.day) {
    if (viable_day(w.p.weather, w.key, w.start + w.day) && waiting_in_france(w) > most) {
      most = waiting_in_france(w);
      best = w.day;
    }
    step(w);
  }
  return best;
}

// launch_boats() on the viable day of mid-2022 with the fullest queues, restored each time.
void BM_LaunchBoats(benchmark::State& st) {
  const Baseline& b = baseline();
  World snap(*b.mid2022);
  Baseline::advance(snap, fullest_viable_day(b));
  // Today's arrivals at the coast join the queues, as in step() before the launches.
  prepare_day(snap, snap.day);
  other_nationalities_arrive(snap);
  reach_coast(snap);
  World w(snap);
  double attempts = 0;
  for (auto _ : st) {
    st.PauseTiming();
    restore_flows(w, snap);
    const double before = w.rec.series(kAttempts)[static_cast<size_t>(w.day)];
    st.ResumeTiming();
    launch_boats(w);
    st.PauseTiming();
    attempts += w.rec.series(kAttempts)[static_cast<size_t>(w.day)] - before;
    st.ResumeTiming();
  }
  st.counters["day"] = snap.day;
  st.counters["queued"] = waiting_in_france(snap);
  st.counters["attempts"] = attempts / static_cast<double>(st.iterations());
  st.counters["attempts_per_s"] = benchmark::Counter(attempts, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LaunchBoats)->Unit(benchmark::kMicrosecond);

// uk_processing_day() for the 30 days from the Joint Communique (2022-12-13), when the decision
// rate jumps and the backlog of claims built up in 2022 is decided; restored every 30 days.
void BM_UkProcessingDay(benchmark::State& st) {
  const Baseline& b = baseline();
  World snap(*b.mid2022);
  Baseline::advance(snap, b.day_of(2022, 12, 13));
  constexpr int kWindow = 30;
  const int first = snap.day;
  World w(snap);
  int k = 0;
  for (auto _ : st) {
    st.PauseTiming();
    if (k == kWindow) {
      restore_flows(w, snap);
      k = 0;
    }
    prepare_day(w, first + k);
    st.ResumeTiming();
    uk_processing_day(w);
    st.PauseTiming();
    w.prompted.clear();
    ++k;
    st.ResumeTiming();
  }
  st.counters["pending"] = static_cast<double>(snap.uk.pending.size());
  st.counters["in_uk"] = snap.uk.in_uk;
}
BENCHMARK(BM_UkProcessingDay)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace smug

BENCHMARK_MAIN();
