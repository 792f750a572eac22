#include "analysis/report_csv.hpp"

#include <charconv>
#include <cmath>

#include "core/check.hpp"

namespace smug {
namespace {

std::string field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted.append(c == '"' ? "\"\"" : std::string(1, c));
  return quoted + "\"";
}

std::string number(double v) {
  if (std::isnan(v)) return "nan";
  char buf[32];
  const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
  return std::string(buf, end);
}

// One record: the parameter and output names, then the numbers.
std::string row(const std::string& parameter, const std::string& output,
                const std::vector<double>& values) {
  std::string out = field(parameter);
  // Appends rather than operator+ chains: GCC 12 warns falsely (-Wrestrict) on those.
  out.append(",").append(field(output));
  for (double v : values) out.append(",").append(number(v));
  return out.append("\n");
}

// The header, then for each report one row per parameter; `values` gives a row's numbers.
template <class Report, class Values>
std::string table(const char* header, const std::vector<ParameterRange>& parameters,
                  const std::vector<Report>& reports, Values values) {
  std::string out = header;
  for (const Report& r : reports) {
    SMUG_CHECK(r.indices.size() == parameters.size(), "a report of another design");
    for (size_t i = 0; i < parameters.size(); ++i)
      out += row(parameters[i].name, r.output, values(r.indices[i]));
  }
  return out;
}

}  // namespace

std::string morris_csv(const std::vector<ParameterRange>& parameters,
                       const std::vector<MorrisReport>& reports) {
  return table("parameter,output,mu_star,mu_star_lo,mu_star_hi,sigma\n", parameters, reports,
               [](const MorrisIndex& m) {
                 return std::vector<double>{m.mu_star, m.mu_star_lo, m.mu_star_hi, m.sigma};
               });
}

std::string sobol_csv(const std::vector<ParameterRange>& parameters,
                      const std::vector<SobolReport>& reports) {
  return table("parameter,output,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\n", parameters, reports,
               [](const SobolIndex& s) {
                 return std::vector<double>{s.s1, s.s1_lo, s.s1_hi, s.st, s.st_lo, s.st_hi};
               });
}

}  // namespace smug
