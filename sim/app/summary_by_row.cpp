#include "app/summary_by_row.hpp"

#include <set>

#include "core/errors.hpp"
#include "params/value_text.hpp"

namespace smug {

std::vector<int32_t> design_rows_of(const out::RunData& run, const std::string& file) {
  if (run.design_rows.empty())
    throw UsageError("--by-row: " + file +
                     " has no design rows (it is not a 'smugsim sweep' file); drop --by-row");
  const std::set<int32_t> rows(run.design_rows.begin(), run.design_rows.end());
  return {rows.begin(), rows.end()};
}

out::RunData replicates_of_row(const out::RunData& run, int32_t row) {
  out::RunData sub = run;
  const auto nd = static_cast<size_t>(run.ndays);
  const size_t nv = run.varied_names.size();
  sub.seeds.clear(), sub.replicate_ids.clear(), sub.wall_seconds.clear();
  sub.design_rows.clear(), sub.varied_values.clear(), sub.posterior_rows.clear();
  for (auto& s : sub.series) s.values.clear();
  for (size_t r = 0; r < run.design_rows.size(); ++r) {
    if (run.design_rows[r] != row) continue;
    sub.seeds.push_back(run.seeds[r]);
    sub.replicate_ids.push_back(run.replicate_ids[r]);
    if (r < run.wall_seconds.size()) sub.wall_seconds.push_back(run.wall_seconds[r]);
    sub.design_rows.push_back(row);
    const auto v0 = run.varied_values.begin() + static_cast<std::ptrdiff_t>(r * nv);
    sub.varied_values.insert(sub.varied_values.end(), v0, v0 + static_cast<std::ptrdiff_t>(nv));
    for (size_t i = 0; i < run.series.size(); ++i) {
      const auto first = run.series[i].values.begin() + static_cast<std::ptrdiff_t>(r * nd);
      sub.series[i].values.insert(sub.series[i].values.end(), first,
                                  first + static_cast<std::ptrdiff_t>(nd));
    }
  }
  return sub;
}

std::string row_values_text(const out::RunData& run, int32_t row) {
  const size_t nv = run.varied_names.size();
  std::string s;
  for (size_t r = 0; r < run.design_rows.size(); ++r) {
    if (run.design_rows[r] != row) continue;
    for (size_t j = 0; j < nv; ++j)
      s.append(j ? " " : "")
          .append(run.varied_names[j])
          .append("=")
          .append(detail::format_number(run.varied_values[r * nv + j]));
    break;
  }
  return s;
}

}  // namespace smug
