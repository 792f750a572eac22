// The synthetic population at risk and its implicit ties.
#include <gtest/gtest.h>

#include <cmath>

#include "model/network.hpp"
#include "model/population.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

TEST(Population, SizeIsCensusTimesAtRiskShareTimesScale) {
  for (double scale : {0.003, 0.01, 0.05}) {
    const Scenario s = scenario();
    const PopulationParams p = PopulationParams::from(s);
    const Population pop = Population::generate(p, scale, StreamKey::make(1, 0));
    const double expected = p.census_total * p.at_risk_share * scale;
    // Each of the twelve counties is rounded to whole people.
    EXPECT_LE(std::abs(pop.size() - expected), kNumCounties * 0.5) << "scale " << scale;
    EXPECT_EQ(pop.scale, scale);
  }
  // Doubling the at-risk share doubles the population.
  const Scenario s = scenario({{"population.at_risk_share", "0.72"}});
  const PopulationParams p = PopulationParams::from(s);
  const Population pop = Population::generate(p, 0.01, StreamKey::make(1, 0));
  EXPECT_LE(std::abs(pop.size() - p.census_total * 0.72 * 0.01), kNumCounties * 0.5);
}

TEST(Population, CountiesAreContiguousRangesInTableOrder) {
  const Scenario s = scenario();
  const PopulationParams p = PopulationParams::from(s);
  const Population pop = Population::generate(p, 0.01, StreamKey::make(2, 0));
  double census = 0;
  for (const auto& c : counties()) census += c.census_population;
  EXPECT_EQ(pop.county_begin[0], 0u);
  EXPECT_EQ(pop.county_begin[kNumCounties], pop.size());
  for (int c = 0; c < kNumCounties; ++c) {
    SCOPED_TRACE(counties()[c].name);
    EXPECT_EQ(county_index(counties()[c].name), c);
    ASSERT_LT(pop.county_begin[c], pop.county_begin[c + 1]);
    for (uint32_t i = pop.county_begin[c]; i < pop.county_begin[c + 1]; ++i)
      ASSERT_EQ(pop.hot[i].county, c) << "person " << i;
    // Each county's share follows its census population.
    const double n = pop.county_begin[c + 1] - pop.county_begin[c];
    EXPECT_NEAR(n,
                p.census_total * p.at_risk_share * 0.01 * counties()[c].census_population / census,
                0.5 + 1e-9);
    // North-east counties have the higher propensity.
    EXPECT_EQ(pop.propensity[c] > 2, counties()[c].north_east);
  }
  EXPECT_EQ(county_index("nowhere"), -1);
}

TEST(Population, VillagesLieWithinTheirCounty) {
  Scenario s = scenario({{"population.village_size", "150"}});
  const Population pop =
      Population::generate(PopulationParams::from(s), 0.01, StreamKey::make(3, 0));
  EXPECT_EQ(pop.village_size, 150);
  for (uint32_t i = 0; i < pop.size(); ++i) {
    const uint32_t vb = pop.village_begin(i), ve = pop.village_end(i);
    const int c = pop.hot[i].county;
    ASSERT_LE(vb, i);
    ASSERT_LT(i, ve);
    ASSERT_GE(vb, pop.county_begin[c]);
    ASSERT_LE(ve, pop.county_begin[c + 1]);
    ASSERT_LE(ve - vb, 150u);
    // Villages partition the county: everyone in i's village has the same village.
    ASSERT_EQ(pop.village_begin(vb), vb);
    ASSERT_EQ(pop.village_begin(ve - 1), vb);
  }
}

TEST(Network, TiesNeverSelfAndWithinCountyAndVillage) {
  Scenario s = scenario({{"population.village_size", "100"},
                         {"network.ties_village", "12"},
                         {"network.ties_county", "6"}});
  const ModelParams p = ModelParams::from(s);
  const StreamKey key = StreamKey::make(4, 0);
  const Population pop = Population::generate(p.population, 0.01, key);
  const Network net(p.network, key);
  EXPECT_EQ(net.degree(), 18);
  std::vector<uint32_t> ties, again;
  size_t full = 0;
  for (uint32_t i = 0; i < pop.size(); ++i) {
    net.ties(pop, i, ties);
    const int c = pop.hot[i].county;
    const uint32_t vb = pop.village_begin(i), ve = pop.village_end(i);
    if (ve - vb >= 2) {
      ASSERT_EQ(ties.size(), 18u) << "person " << i;
      ++full;
      for (size_t k = 0; k < 12; ++k) {
        ASSERT_GE(ties[k], vb);
        ASSERT_LT(ties[k], ve);
      }
    }
    for (uint32_t j : ties) {
      ASSERT_NE(j, i) << "a person is not their own tie";
      ASSERT_GE(j, pop.county_begin[c]);
      ASSERT_LT(j, pop.county_begin[c + 1]);
    }
    // Ties are not stored but are the same each time they are asked for.
    net.ties(pop, i, again);
    ASSERT_EQ(ties, again);
  }
  EXPECT_GT(full, pop.size() * 9 / 10);
}

TEST(Network, SmallVillagesStillExcludeSelf) {
  // Small villages (the last of a county may be smaller still), village ties only: every tie is
  // someone else in the same village.
  Scenario s = scenario({{"population.village_size", "20"}, {"network.ties_county", "0"}});
  const ModelParams p = ModelParams::from(s);
  const StreamKey key = StreamKey::make(5, 0);
  const Population pop = Population::generate(p.population, 0.003, key);
  const Network net(p.network, key);
  std::vector<uint32_t> ties;
  for (uint32_t i = 0; i < pop.size(); ++i) {
    net.ties(pop, i, ties);
    for (uint32_t j : ties) {
      ASSERT_NE(j, i);
      ASSERT_GE(j, pop.village_begin(i));
      ASSERT_LT(j, pop.village_end(i));
    }
  }
}

}  // namespace
}  // namespace smug::test
