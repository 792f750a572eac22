#include "app/sensitivity_points.hpp"

#include <algorithm>

#include "analysis/morris_indices.hpp"
#include "analysis/report_csv.hpp"
#include "analysis/sobol_indices.hpp"
#include "core/durable_write.hpp"
#include "core/errors.hpp"
#include "output/summary.hpp"
#include "params/value_text.hpp"
#include "runner/io/design.hpp"

namespace smug {

namespace {

const std::vector<std::string> kMorrisColumns = {"mu", "mu_star", "mu_star_lo", "mu_star_hi",
                                                 "sigma"};
const std::vector<std::string> kSobolColumns = {"S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"};

void clamp_points(std::vector<std::vector<double>>& points,
                  const std::vector<ParameterRange>& ranges) {
  for (auto& p : points)
    for (size_t i = 0; i < p.size(); ++i) p[i] = std::clamp(p[i], ranges[i].low, ranges[i].high);
}

// The mean of each design row's replicates of one output.
std::vector<double> row_means(const std::vector<double>& values, const out::RunData& run,
                              size_t points) {
  std::vector<double> sum(points, 0), n(points, 0);
  for (size_t i = 0; i < values.size(); ++i) {
    const auto row = static_cast<size_t>(run.design_rows[i]);
    sum[row] += values[i];
    n[row] += 1;
  }
  for (size_t row = 0; row < points; ++row) sum[row] /= n[row];  // 0/0: NaN, refused later
  return sum;
}

}  // namespace

PointDesign make_point_design(const SensitivitySetup& setup, uint64_t seed) {
  PointDesign d;
  d.method = setup.method;
  if (setup.method == "morris") {
    MorrisOptions o;
    o.trajectories = static_cast<uint32_t>(setup.trajectories);
    o.levels = static_cast<uint32_t>(setup.levels);
    o.seed = seed;
    d.morris = morris_design(setup.parameters, o);
    clamp_points(d.morris->points, setup.parameters);
  } else {
    d.sobol = saltelli_design(setup.parameters, static_cast<size_t>(setup.samples));
    clamp_points(d.sobol->points, setup.parameters);
  }
  return d;
}

std::string point_text(const ParameterRange& range, double x) {
  switch (range.kind) {
    case RangeKind::kDate:
      return format_date(Date{static_cast<int32_t>(x)});
    case RangeKind::kChoice:
      return range.choices.at(static_cast<size_t>(x));
    case RangeKind::kReal:
    case RangeKind::kLog:
    case RangeKind::kInteger:
      break;
  }
  return detail::format_number(x);
}

ParamTable write_design_table(const SensitivitySetup& setup, const PointDesign& design,
                              const std::string& path) {
  std::vector<std::string> names;
  for (const auto& r : setup.parameters) names.push_back(r.name);
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : design.points()) {
    rows.emplace_back();
    for (size_t i = 0; i < p.size(); ++i)
      rows.back().push_back(point_text(setup.parameters[i], p[i]));
  }
  write_durably(path, design_csv(names, rows), "design");
  return read_param_table(path, TableKind::kDesign);
}

std::vector<std::vector<double>> point_outputs(const SensitivitySetup& setup,
                                               const out::RunData& run, size_t points) {
  if (run.design_rows.size() != static_cast<size_t>(run.nreplicates()))
    throw RuntimeFailure("sensitivity: the run file has no design rows");
  const out::DateRange h = out::horizon(run);
  std::vector<std::vector<double>> outputs;
  for (const auto& o : setup.outputs) {
    const out::Series* s = run.find(o.metric);
    if (!s)
      throw InputError(setup.path, o.line, o.name, "the run has no series '" + o.metric + "'");
    const auto pv = out::aggregate(run, *s, out::Period::kWindow, o.from, o.to);
    if (pv.empty() || pv[0].partial())
      throw InputError(setup.path, o.line, o.name,
                       "the window " + format_date(o.from) + ".." + format_date(o.to) +
                           " is not inside the run's horizon " + format_date(h.first) + ".." +
                           format_date(h.last) + " (see the scenario's run.end or --end)");
    outputs.push_back(row_means(pv[0].values, run, points));
  }
  return outputs;
}

void compute_indices(const PointDesign& design, const std::vector<std::vector<double>>& outputs,
                     const BootstrapOptions& bootstrap, out::SensitivityRecord& rec) {
  rec.index_columns = design.morris ? kMorrisColumns : kSobolColumns;
  rec.indices.clear();
  for (const auto& y : outputs) {
    if (design.morris) {
      for (const MorrisIndex& m : morris_indices(*design.morris, y, bootstrap))
        rec.indices.insert(rec.indices.end(),
                           {m.mu, m.mu_star, m.mu_star_lo, m.mu_star_hi, m.sigma});
    } else {
      for (const SobolIndex& s : sobol_indices(*design.sobol, y, bootstrap))
        rec.indices.insert(rec.indices.end(), {s.s1, s.s1_lo, s.s1_hi, s.st, s.st_lo, s.st_hi});
    }
  }
}

std::string report_csv(const out::SensitivityRecord& rec) {
  std::vector<ParameterRange> params;
  for (size_t p = 0; p < rec.param_names.size(); ++p)
    params.push_back({rec.param_names[p], rec.param_low[p], rec.param_high[p]});
  const bool morris = rec.method == "morris";
  if (rec.index_columns != (morris ? kMorrisColumns : kSobolColumns))
    throw out::RunFileError("sensitivity file: the index columns are not " + rec.method + "'s");
  std::vector<MorrisReport> mr;
  std::vector<SobolReport> sr;
  for (size_t o = 0; o < rec.output_names.size(); ++o) {
    auto at = [&](size_t p, size_t c) { return rec.index(o, p, c); };
    mr.push_back({rec.output_names[o], {}});
    sr.push_back({rec.output_names[o], {}});
    for (size_t p = 0; p < params.size(); ++p) {
      if (morris)
        mr.back().indices.push_back({at(p, 0), at(p, 1), at(p, 4), at(p, 2), at(p, 3)});
      else
        sr.back().indices.push_back({at(p, 0), at(p, 1), at(p, 2), at(p, 3), at(p, 4), at(p, 5)});
    }
  }
  return morris ? morris_csv(params, mr) : sobol_csv(params, sr);
}

}  // namespace smug
