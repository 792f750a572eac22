#include "app/text_table.hpp"

#include <cmath>
#include <cstdio>

namespace smug {

std::string readable(double x, int small_digits) {
  if (std::isnan(x)) return "nan";
  char buf[64];
  const double a = std::fabs(x);
  if (a >= 1e9 || (a > 0 && a < 1e-3)) {
    std::snprintf(buf, sizeof buf, "%.3e", x);
  } else if (a >= 100) {
    std::snprintf(buf, sizeof buf, "%.0f", x);
  } else if (a >= 1) {
    std::snprintf(buf, sizeof buf, "%.2f", x);
  } else {
    std::snprintf(buf, sizeof buf, "%.*f", small_digits, x);
  }
  return buf;
}

}  // namespace smug
