#include "runner/io/design.hpp"

#include <charconv>
#include <cmath>
#include <numeric>

#include "core/errors.hpp"
#include "core/rng.hpp"
#include "params/value_text.hpp"

namespace smug {

namespace {

// "name=v1:v2[:v3]" -> name and the numbers; UsageError unless there are `count` of them.
std::pair<std::string, std::vector<double>> split_axis(const std::string& text, size_t count,
                                                       const char* option, const char* form) {
  const auto bad = [&](const std::string& why) {
    return UsageError(std::string(option) + " '" + text + "': " + why + " (expected " + form + ")");
  };
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0) throw bad("no 'section.key='");
  std::vector<double> v;
  const std::string rest = text.substr(eq + 1);
  size_t start = 0;
  for (;;) {
    const size_t colon = rest.find(':', start);
    const std::string part =
        detail::trim(rest.substr(start, colon == std::string::npos ? rest.npos : colon - start));
    double x = 0;
    const char* first = part.data() + (!part.empty() && part[0] == '+' ? 1 : 0);
    const auto r = std::from_chars(first, part.data() + part.size(), x);
    if (part.empty() || r.ec != std::errc() || r.ptr != part.data() + part.size() ||
        !std::isfinite(x)) {
      throw bad("'" + part + "' is not a number");
    }
    v.push_back(x);
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  if (v.size() != count) throw bad("wrong number of values");
  return {detail::trim(text.substr(0, eq)), v};
}

}  // namespace

GridAxis parse_grid_axis(const std::string& text) {
  const auto [name, v] = split_axis(text, 3, "--grid", "section.key=a:b:n");
  if (v[2] < 1 || v[2] != std::floor(v[2]) || v[2] > 1e6) {
    throw UsageError("--grid '" + text + "': the number of points must be a whole number >= 1");
  }
  if (v[2] == 1 && v[0] != v[1]) {
    throw UsageError("--grid '" + text + "': one point needs a == b");
  }
  return GridAxis{name, v[0], v[1], static_cast<int>(v[2])};
}

LhsAxis parse_lhs_axis(const std::string& text) {
  const auto [name, v] = split_axis(text, 2, "--param", "section.key=low:high");
  if (!(v[0] < v[1])) throw UsageError("--param '" + text + "': low must be below high");
  return LhsAxis{name, v[0], v[1]};
}

Design grid_design(const std::vector<GridAxis>& axes) {
  Design d;
  size_t total = 1;
  for (const auto& a : axes) {
    d.names.push_back(a.name);
    total *= static_cast<size_t>(a.n);
  }
  for (size_t i = 0; i < total && !axes.empty(); ++i) {
    std::vector<double> row(axes.size());
    size_t rest = i;
    for (size_t j = axes.size(); j-- > 0;) {  // last axis fastest
      const GridAxis& a = axes[j];
      const size_t k = rest % static_cast<size_t>(a.n);
      rest /= static_cast<size_t>(a.n);
      const double m = a.n - 1;
      row[j] = a.n == 1 ? a.low : (a.low * (m - k) + a.high * k) / m;
    }
    d.rows.push_back(std::move(row));
  }
  return d;
}

Design lhs_design(const std::vector<LhsAxis>& axes, int n, uint64_t seed) {
  Design d;
  d.rows.assign(static_cast<size_t>(std::max(n, 0)), std::vector<double>(axes.size()));
  const StreamKey key = StreamKey::make(seed, 0);
  for (size_t j = 0; j < axes.size(); ++j) {
    const LhsAxis& a = axes[j];
    d.names.push_back(a.name);
    Stream s(key, Purpose::kDesign, static_cast<uint32_t>(j), 0);
    std::vector<uint32_t> bin(static_cast<size_t>(std::max(n, 0)));
    std::iota(bin.begin(), bin.end(), 0u);
    for (size_t i = bin.size(); i > 1; --i)
      std::swap(bin[i - 1], bin[s.below(static_cast<uint32_t>(i))]);
    for (size_t i = 0; i < bin.size(); ++i) {
      const double x = (bin[i] + s.uniform()) / n;
      d.rows[i][j] = a.low + x * (a.high - a.low);
    }
  }
  return d;
}

std::string design_csv(const std::vector<std::string>& names,
                       const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  // Appends rather than operator+ chains: GCC 12 warns falsely (-Wrestrict) on those.
  for (size_t j = 0; j < names.size(); ++j) out.append(j ? "," : "").append(names[j]);
  out += "\n";
  for (const auto& row : rows) {
    for (size_t j = 0; j < row.size(); ++j) out.append(j ? "," : "").append(row[j]);
    out += "\n";
  }
  return out;
}

std::string design_csv(const Design& d) {
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : d.rows) {
    cells.emplace_back();
    for (double x : row) cells.back().push_back(detail::format_number(x));
  }
  return design_csv(d.names, cells);
}

}  // namespace smug
