#include "analysis/sobol_indices.hpp"

#include <limits>
#include <numeric>

#include "analysis/output_check.hpp"

namespace smug {
namespace {

struct FirstAndTotal {
  std::vector<double> s1, st;
};

// The population variance of the outputs at A and B over the given rows.
double variance_ab(const SaltelliLayout& l, const std::vector<double>& y,
                   const std::vector<size_t>& rows) {
  double sum = 0, square_sum = 0;
  for (size_t j : rows) {
    sum += y[l.a(j)] + y[l.b(j)];
    square_sum += y[l.a(j)] * y[l.a(j)] + y[l.b(j)] * y[l.b(j)];
  }
  const double n = 2.0 * static_cast<double>(rows.size());
  const double mean = sum / n;
  return square_sum / n - mean * mean;
}

// Both estimators over the given rows (the identity for the estimate, a resample for the
// bootstrap), so the bootstrap recomputes exactly what the estimate computed.
FirstAndTotal estimate(const SaltelliLayout& l, const std::vector<double>& y,
                       const std::vector<size_t>& rows) {
  const double v = variance_ab(l, y, rows);
  const double n = static_cast<double>(rows.size());
  const double none = std::numeric_limits<double>::quiet_NaN();
  FirstAndTotal out{std::vector<double>(l.k), std::vector<double>(l.k)};
  for (size_t i = 0; i < l.k; ++i) {
    double first = 0, total = 0;
    for (size_t j : rows) {
      const double fa = y[l.a(j)], fb = y[l.b(j)], fab = y[l.ab(i, j)];
      first += fb * (fab - fa);
      total += (fa - fab) * (fa - fab);
    }
    out.s1[i] = v > 0 ? first / n / v : none;
    out.st[i] = v > 0 ? total / (2 * n) / v : none;
  }
  return out;
}

// The bootstrap intervals of S1 and ST for every parameter; resample b draws the same rows for
// both indices and all parameters.
std::vector<SobolIndex> intervals(const SaltelliLayout& l, const std::vector<double>& y,
                                  const BootstrapOptions& bootstrap) {
  std::vector<std::vector<double>> s1(l.k), st(l.k);
  for (uint32_t b = 0; b < bootstrap.resamples; ++b) {
    const FirstAndTotal e = estimate(l, y, bootstrap_resample(bootstrap.seed, b, l.n));
    for (size_t i = 0; i < l.k; ++i) {
      s1[i].push_back(e.s1[i]);
      st[i].push_back(e.st[i]);
    }
  }
  std::vector<SobolIndex> out(l.k);
  for (size_t i = 0; i < l.k; ++i) {
    const Interval first = percentile_interval(s1[i]), total = percentile_interval(st[i]);
    out[i].s1_lo = first.lo;
    out[i].s1_hi = first.hi;
    out[i].st_lo = total.lo;
    out[i].st_hi = total.hi;
  }
  return out;
}

std::vector<size_t> all_rows(size_t n) {
  std::vector<size_t> rows(n);
  std::iota(rows.begin(), rows.end(), size_t{0});
  return rows;
}

}  // namespace

std::vector<SobolIndex> sobol_indices(const SaltelliDesign& design,
                                      const std::vector<double>& outputs,
                                      const BootstrapOptions& bootstrap) {
  const SaltelliLayout& l = design.layout;
  check_outputs(outputs, l.points(), "Sobol");
  check_bootstrap(bootstrap);
  const FirstAndTotal e = estimate(l, outputs, all_rows(l.n));
  std::vector<SobolIndex> out = intervals(l, outputs, bootstrap);
  for (size_t i = 0; i < l.k; ++i) {
    out[i].s1 = e.s1[i];
    out[i].st = e.st[i];
  }
  return out;
}

}  // namespace smug
