#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analysis/report_csv.hpp"

using namespace smug;

namespace {
const std::vector<ParameterRange> kParameters{{"a.x", 0, 1}, {"b.y", 0, 1}};
}

TEST(ReportCsv, MorrisHasTheIssuesHeaderAndARowPerOutputAndParameter) {
  MorrisIndex m0, m1;
  m0.mu_star = 0.5;
  m0.mu_star_lo = 0.25;
  m0.mu_star_hi = 0.75;
  m0.sigma = 0.1;
  m1.mu_star = 2;
  const std::string csv = morris_csv(kParameters, {{"arrivals", {m0, m1}}, {"deaths", {m1, m0}}});
  EXPECT_EQ(csv,
            "parameter,output,mu_star,mu_star_lo,mu_star_hi,sigma\n"
            "a.x,arrivals,0.5,0.25,0.75,0.1\n"
            "b.y,arrivals,2,0,0,0\n"
            "a.x,deaths,2,0,0,0\n"
            "b.y,deaths,0.5,0.25,0.75,0.1\n");
}

TEST(ReportCsv, SobolHasTheIssuesHeaderAndWritesUndefinedIndicesAsNan) {
  SobolIndex s0, s1;
  s0 = {0.3139, 0.3, 0.33, 0.5576, 0.54, 0.57};
  s1.s1 = s1.st = std::nan("");
  const std::string csv = sobol_csv(kParameters, {{"arrivals", {s0, s1}}});
  EXPECT_EQ(csv,
            "parameter,output,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi\n"
            "a.x,arrivals,0.3139,0.3,0.33,0.5576,0.54,0.57\n"
            "b.y,arrivals,nan,0,0,nan,0,0\n");
}

TEST(ReportCsv, NumbersReadBackExactlyAndNamesAreQuotedWhenTheyNeedIt) {
  MorrisIndex m;
  m.mu_star = 0.1 + 0.2;  // 0.30000000000000004: all 17 digits are needed to read it back
  const std::string csv = morris_csv({{"odd,\"name\"", 0, 1}}, {{"out", {m}}});
  EXPECT_EQ(csv,
            "parameter,output,mu_star,mu_star_lo,mu_star_hi,sigma\n"
            "\"odd,\"\"name\"\"\",out,0.30000000000000004,0,0,0\n");
}
