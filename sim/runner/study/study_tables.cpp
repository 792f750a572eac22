#include "runner/study/study_tables.hpp"

#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <sstream>

#include "core/durable_write.hpp"
#include "core/errors.hpp"
#include "output/compare.hpp"
#include "params/value_text.hpp"

namespace smug {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string cell(double x) {
  return std::isnan(x) ? "NA" : detail::format_number(x);
}

// Flows summed and levels averaged over each period of each of the spec's divisions: calendar
// periods first, then the windows.
struct Division {
  out::Period period;
  std::optional<Date> from, to;
};

std::vector<Division> divisions(const StudySpec& spec) {
  std::vector<Division> out;
  for (out::Period p : spec.periods) out.push_back({p, std::nullopt, std::nullopt});
  for (const StudyWindow& w : spec.windows) out.push_back({out::Period::kWindow, w.from, w.to});
  return out;
}

std::vector<out::PeriodValues> aggregated(const out::RunData& run, const std::string& metric,
                                          const Division& d) {
  const out::Series* s = run.find(metric);
  if (!s) throw UsageError("metric '" + metric + "' is not a series of the study's run files");
  return out::aggregate(run, *s, d.period, d.from, d.to);
}

void summary_rows(std::ostream& os, const StudySpec& spec, const std::string& name,
                  const out::RunData& run) {
  for (const Division& d : divisions(spec)) {
    for (const out::SummaryRow& r : out::summarize(run, spec.metrics, d.period, d.from, d.to)) {
      const out::Stats& s = r.stats;
      os << name << ',' << r.period << ',' << r.metric << ',' << cell(s.mean) << ',' << cell(s.sd)
         << ',' << cell(s.p05) << ',' << cell(s.p50) << ',' << cell(s.p95) << ',' << s.replicates
         << '\n';
    }
  }
}

void effect_row(std::ostream& os, const std::string& name, const std::string& metric,
                const out::PeriodValues& base, const out::PeriodValues& other,
                const std::vector<int32_t>& draws) {
  const out::CompareRow c = out::compare_values(base.values, other.values);
  std::vector<double> diff(base.values.size());
  for (size_t r = 0; r < diff.size(); ++r) diff[r] = other.values[r] - base.values[r];
  const VarianceSplit v = split_variance(diff, draws);
  os << name << ',' << base.label << ',' << metric << ',' << cell(c.diff_mean) << ','
     << cell(c.diff_p05) << ',' << cell(c.diff_p95) << ',' << cell(c.rel_change) << ','
     << cell(c.p_negative) << ',' << cell(v.sd_parameter) << ',' << cell(v.sd_chance) << '\n';
}

// Period-major within each division, as summarize and compare order their rows.
void effect_rows(std::ostream& os, const StudySpec& spec, const std::string& name,
                 const out::RunData& base, const out::RunData& other) {
  for (const Division& d : divisions(spec)) {
    std::vector<std::vector<out::PeriodValues>> b, o;
    for (const auto& m : spec.metrics) {
      b.push_back(aggregated(base, m, d));
      o.push_back(aggregated(other, m, d));
    }
    for (size_t p = 0; p < (b.empty() ? 0 : b[0].size()); ++p)
      for (size_t m = 0; m < spec.metrics.size(); ++m)
        effect_row(os, name, spec.metrics[m], b[m][p], o[m][p], base.posterior_rows);
  }
}

}  // namespace

VarianceSplit split_variance(const std::vector<double>& diff, const std::vector<int32_t>& group) {
  std::map<int32_t, std::vector<double>> by;
  double n = 0, sum = 0;
  for (size_t i = 0; i < diff.size(); ++i) {
    if (std::isnan(diff[i])) continue;
    by[group.empty() ? 0 : group[i]].push_back(diff[i]);
    n += 1;
    sum += diff[i];
  }
  const double groups = static_cast<double>(by.size()), mean = sum / n;
  if (n - groups < 1) return {kNaN, kNaN};
  double within = 0, between = 0, squares = 0;
  for (const auto& [g, v] : by) {
    double m = 0;
    for (double x : v) m += x / static_cast<double>(v.size());
    for (double x : v) within += (x - m) * (x - m);
    between += static_cast<double>(v.size()) * (m - mean) * (m - mean);
    squares += static_cast<double>(v.size() * v.size());
  }
  const double ms_within = within / (n - groups);
  if (groups < 2) return {0, std::sqrt(ms_within)};
  const double n0 = (n - squares / n) / (groups - 1);
  const double ms_between = between / (groups - 1);
  return {std::sqrt(std::max(0.0, (ms_between - ms_within) / n0)), std::sqrt(ms_within)};
}

StudyTables study_tables(const StudySpec& spec, const std::vector<std::string>& names,
                         const std::vector<out::RunData>& runs) {
  std::ostringstream summary, effects;
  summary << kSummaryHeader << '\n';
  effects << kEffectsHeader << '\n';
  for (size_t i = 0; i < runs.size(); ++i) summary_rows(summary, spec, names[i], runs[i]);
  for (size_t i = 1; i < runs.size(); ++i) {
    if (const auto why = out::incomparable_reason(runs[0], runs[i]))
      throw UsageError("scenario '" + names[i] + "' is not paired with the baseline: " + *why);
    if (runs[0].posterior_rows != runs[i].posterior_rows)
      throw UsageError("scenario '" + names[i] + "' ran other posterior draws than the baseline");
    effect_rows(effects, spec, names[i], runs[0], runs[i]);
  }
  return {summary.str(), effects.str()};
}

void write_study_tables(const StudySpec& spec, const std::vector<std::string>& names,
                        const std::vector<std::string>& files, const std::string& dir) {
  std::vector<out::RunData> runs;
  for (const auto& f : files) runs.push_back(out::read_run_file(f));
  const StudyTables t = study_tables(spec, names, runs);
  write_durably((std::filesystem::path(dir) / "summary.csv").string(), t.summary, "summary table");
  write_durably((std::filesystem::path(dir) / "effects.csv").string(), t.effects, "effects table");
}

}  // namespace smug
