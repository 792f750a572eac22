#include "runner/run_record.hpp"

#include <unistd.h>

#include <boost/version.hpp>
#include <ctime>

#include "runner/build_info.hpp"

namespace smug {

namespace {

out::Series make_series(const SeriesInfo& info, const std::string& name,
                        const std::vector<ReplicateResult>& results, int ndays,
                        const std::vector<double>& (*get)(const ReplicateResult&, const void*),
                        const void* ctx) {
  out::Series s;
  s.name = name;
  s.units = info.units;
  s.long_name = info.long_name;
  s.kind = info.level ? out::SeriesKind::kLevel : out::SeriesKind::kFlow;
  s.values.reserve(results.size() * static_cast<size_t>(ndays));
  for (const auto& r : results) {
    const auto& v = get(r, ctx);
    s.values.insert(s.values.end(), v.begin(), v.end());
  }
  return s;
}

}  // namespace

std::string now_iso8601() {
  const std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

std::map<std::string, std::string> base_provenance() {
  const BuildInfo& b = build_info();
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  return {{"software", "smugsim"},
          {"software_version", b.version},
          {"git_commit", b.git_commit},
          {"git_dirty", b.git_dirty ? "true" : "false"},
          {"compiler", b.compiler},
          {"build_type", b.build_type},
          {"boost_version", std::to_string(BOOST_VERSION / 100000) + "." +
                                std::to_string(BOOST_VERSION / 100 % 1000) + "." +
                                std::to_string(BOOST_VERSION % 100)},
          {"rng", "Philox4x32-10 keyed by (seed, replicate, purpose, entity, day)"},
          {"host", host}};
}

out::RunData make_run_data(const Scenario& s, const Model& model,
                           const std::vector<ReplicateResult>& results,
                           std::map<std::string, std::string> provenance) {
  const RunParams& run = model.params().run;
  out::RunData d;
  d.start_date = format_date(run.start);
  d.ndays = run.ndays();
  for (const auto& r : results) {
    d.seeds.push_back(r.seed);
    d.replicate_ids.push_back(r.replicate);
    d.wall_seconds.push_back(r.wall_seconds);
  }
  for (int k = 0; k < kNumSeries; ++k) {
    const SeriesInfo& info = series_info()[k];
    d.series.push_back(make_series(
        info, info.name, results, d.ndays,
        [](const ReplicateResult& r, const void* c) -> const std::vector<double>& {
          return r.rec.series(static_cast<SeriesId>(*static_cast<const int*>(c)));
        },
        &k));
  }
  for (size_t m = 0; m < model.measures().size(); ++m) {
    for (int k = 0; k < kNumMeasureSeries; ++k) {
      const SeriesInfo& info = measure_series_info()[k];
      SeriesInfo named = info;
      const std::string name = "measure_" + model.measures()[m]->name() + "_" + info.name;
      const std::string long_name =
          std::string(info.long_name) + " (" + model.measures()[m]->name() + ")";
      named.long_name = long_name.c_str();
      const std::pair<size_t, int> ctx{m, k};
      d.series.push_back(make_series(
          named, name, results, d.ndays,
          [](const ReplicateResult& r, const void* c) -> const std::vector<double>& {
            const auto* p = static_cast<const std::pair<size_t, int>*>(c);
            return r.rec.measure_series(p->first, static_cast<MeasureSeriesId>(p->second));
          },
          &ctx));
    }
  }
  for (const auto& [name, v] : s.values()) {
    d.params.push_back(out::ParamRecord{
        name, v.text, v.spec->unit,
        v.origin.file.empty() ? "default" : v.origin.file + ":" + std::to_string(v.origin.line)});
  }
  for (const auto& f : s.files()) d.scenario_files.push_back(out::ScenarioText{f.path, f.text});
  d.resolved_scenario = s.resolved_ini(true);
  d.provenance = std::move(provenance);
  return d;
}

}  // namespace smug
