#include "app/summary_table.hpp"

#include <cstdio>
#include <map>

#include "output/summary.hpp"

namespace smug {

const std::vector<std::string>& summary_metrics() {
  static const std::vector<std::string> metrics = {"arrivals", "returns", "attempts", "price_gbp",
                                                   "active_networks"};
  return metrics;
}

void print_summary_table(std::ostream& os, const out::RunData& run) {
  const std::vector<std::string>& metrics = summary_metrics();
  const auto rows = out::summarize(run, metrics, out::Period::kYear);
  std::map<std::string, std::map<std::string, out::Stats>> table;
  std::vector<std::string> periods;
  for (const auto& r : rows) {
    if (table.find(r.period) == table.end()) periods.push_back(r.period);
    table[r.period][r.metric] = r.stats;
  }
  char buf[256];
  std::snprintf(buf, sizeof buf, "%d replicates; mean [5%%, 95%%] across replicates\n",
                run.nreplicates());
  os << buf;
  std::snprintf(buf, sizeof buf, "%-6s", "year");
  os << buf;
  for (const auto& m : metrics) {
    std::snprintf(buf, sizeof buf, " %24s", m.c_str());
    os << buf;
  }
  os << "\n";
  for (const auto& p : periods) {
    std::snprintf(buf, sizeof buf, "%-6s", p.c_str());
    os << buf;
    for (const auto& m : metrics) {
      const out::Stats& st = table[p][m];
      char cell[64];
      std::snprintf(cell, sizeof cell, "%.0f [%.0f, %.0f]", st.mean, st.p05, st.p95);
      std::snprintf(buf, sizeof buf, " %24s", cell);
      os << buf;
    }
    os << "\n";
  }
}

}  // namespace smug
