#include "runner/run_record.hpp"

#include <unistd.h>

#include <boost/version.hpp>
#include <ctime>
#include <stdexcept>

#include "params/relative.hpp"
#include "params/value_text.hpp"
#include "runner/build_info.hpp"

namespace smug {

namespace {

out::Series describe(const SeriesInfo& info, const std::string& name,
                     const std::string& long_name) {
  out::Series s;
  s.name = name;
  s.units = info.units;
  s.long_name = long_name;
  s.kind = info.level ? out::SeriesKind::kLevel : out::SeriesKind::kFlow;
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

out::RunData make_run_header(const Scenario& s, const Model& model,
                             std::map<std::string, std::string> provenance) {
  const RunParams& run = model.params().run;
  out::RunData d;
  d.start_date = format_date(run.start);
  d.ndays = run.ndays();
  for (const SeriesInfo& info : series_info())
    d.series.push_back(describe(info, info.name, info.long_name));
  for (const Measure* m : model.measures()) {
    for (const SeriesInfo& info : measure_series_info()) {
      d.series.push_back(describe(info, "measure_" + m->name() + "_" + info.name,
                                  std::string(info.long_name) + " (" + m->name() + ")"));
    }
  }
  for (const auto& [name, v] : s.values()) {
    // A relative value is recorded as the number it came to, with its factor.
    const std::string text = v.relative ? detail::canonical_text(v) + " (" +
                                              detail::factor_text(v.relative->factor) + ")"
                                        : v.text;
    d.params.push_back(out::ParamRecord{
        name, text, v.spec->unit,
        v.origin.file.empty() ? "default" : v.origin.file + ":" + std::to_string(v.origin.line)});
  }
  for (const auto& f : s.files()) d.scenario_files.push_back(out::ScenarioText{f.path, f.text});
  d.resolved_scenario = s.resolved_ini(true);
  d.provenance = std::move(provenance);
  return d;
}

void replicate_rows(const ReplicateResult& r, std::vector<std::vector<double>>& values) {
  size_t k = 0;
  values.resize(kNumSeries + r.rec.nmeasures() * kNumMeasureSeries);
  for (int i = 0; i < kNumSeries; ++i) values[k++] = r.rec.series(static_cast<SeriesId>(i));
  for (size_t m = 0; m < r.rec.nmeasures(); ++m)
    for (int i = 0; i < kNumMeasureSeries; ++i)
      values[k++] = r.rec.measure_series(m, static_cast<MeasureSeriesId>(i));
}

out::RunData make_run_data(const Scenario& s, const Model& model,
                           const std::vector<ReplicateResult>& results,
                           std::map<std::string, std::string> provenance) {
  out::RunData d = make_run_header(s, model, std::move(provenance));
  std::vector<std::vector<double>> values;
  for (const auto& r : results) {
    d.seeds.push_back(r.seed);
    d.replicate_ids.push_back(r.replicate);
    d.wall_seconds.push_back(r.wall_seconds);
    replicate_rows(r, values);
    if (values.size() != d.series.size())
      throw std::logic_error("make_run_data: a replicate of another model");
    for (size_t k = 0; k < values.size(); ++k)
      d.series[k].values.insert(d.series[k].values.end(), values[k].begin(), values[k].end());
  }
  return d;
}

bool is_metric(const std::string& name) {
  for (const SeriesInfo& s : series_info())
    if (name == s.name) return true;
  if (name.rfind("measure_", 0) != 0) return false;
  for (const SeriesInfo& s : measure_series_info()) {
    const std::string tail = std::string("_") + s.name;
    if (name.size() > 8 + tail.size() &&
        name.compare(name.size() - tail.size(), tail.size(), tail) == 0)
      return true;
  }
  return false;
}

}  // namespace smug
