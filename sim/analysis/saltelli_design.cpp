#include "analysis/saltelli_design.hpp"

#include <boost/random/sobol.hpp>
#include <string>

#include "core/errors.hpp"

namespace smug {
namespace {

using SobolTable = boost::random::default_sobol_table;

void check_size(size_t k, size_t base) {
  if (base < 2) throw UsageError("a Saltelli design needs at least 2 base samples");
  if (2 * k > SobolTable::max_dimension)
    throw UsageError("a Saltelli design of " + std::to_string(k) + " parameters needs " +
                     std::to_string(2 * k) + " Sobol dimensions; the table has " +
                     std::to_string(SobolTable::max_dimension));
}

// The next point of the sequence in [0, 1): the engine gives 64-bit integers whose leading bits
// are the point's binary digits, exact in a double for any N this design will see.
std::vector<double> next_point(boost::random::sobol& sequence) {
  std::vector<double> u(sequence.dimension());
  for (double& x : u) x = static_cast<double>(sequence()) * 0x1.0p-64;
  return u;
}

}  // namespace

SaltelliDesign saltelli_design(const std::vector<ParameterRange>& ranges, size_t base) {
  check_ranges(ranges);
  const size_t k = ranges.size();
  check_size(k, base);
  SaltelliDesign d;
  d.ranges = ranges;
  d.layout = SaltelliLayout{base, k};
  d.unit.resize(d.layout.points());
  boost::random::sobol sequence(2 * k);
  for (size_t j = 0; j < base; ++j) {
    const std::vector<double> u = next_point(sequence);
    std::vector<double> a(u.begin(), u.begin() + k), b(u.begin() + k, u.end());
    for (size_t i = 0; i < k; ++i) {
      std::vector<double> ab = a;
      ab[i] = b[i];
      d.unit[d.layout.ab(i, j)] = std::move(ab);
    }
    d.unit[d.layout.a(j)] = std::move(a);
    d.unit[d.layout.b(j)] = std::move(b);
  }
  for (const auto& u : d.unit) d.points.push_back(scale_to_ranges(u, ranges));
  return d;
}

}  // namespace smug
