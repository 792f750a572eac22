// Beliefs: news moves a person's beliefs away from their county's view, and the deviation fades
// back with the documented time constant.
#include <gtest/gtest.h>

#include <cmath>

#include "model/beliefs.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

TEST(Beliefs, NewsDecaysExponentiallyWithTheDocumentedTimeConstant) {
  const Scenario s = scenario({{"beliefs.decay_days", "240"}});
  const BeliefParams p = BeliefParams::from(s);
  Beliefs b(p, 10);
  MediaState media;
  media.advert.fill(0.3);
  media.campaign = 0.2;
  b.set_media(media);
  const int county = 7, day = 100;
  const BeliefVec prior = b.prior(county);
  const BeliefVec signal = {1, 1, 3000, 0};
  const BeliefVec weight = {0.5f, 0.4f, 0.5f, 0.25f};
  b.learn(3, day, county, signal, weight);

  const BeliefVec now = b.read(3, day, county);
  BeliefVec dev0{};
  for (int k = 0; k < kNumBeliefs; ++k) {
    dev0[k] = now[k] - prior[k];
    // On the day of the news, the belief moves by weight times the distance to the signal.
    EXPECT_NEAR(dev0[k], weight[k] * (signal[k] - prior[k]), 1e-4 * std::abs(signal[k] - prior[k]))
        << "belief " << k;
    EXPECT_NE(dev0[k], 0.0f);
  }
  for (int t : {1, 30, 240, 480, 2400}) {
    const BeliefVec later = b.read(3, day + t, county);
    const double f = std::exp(-static_cast<double>(t) / p.decay_days);
    for (int k = 0; k < kNumBeliefs; ++k)
      EXPECT_NEAR(later[k] - prior[k], dev0[k] * f, 2e-5 * std::abs(dev0[k]) + 1e-6)
          << "belief " << k << " after " << t << " days";
  }
  // At t = decay_days exactly a fraction 1/e of the deviation is left.
  const BeliefVec at_tau = b.read(3, day + 240, county);
  EXPECT_NEAR((at_tau[kPCross] - prior[kPCross]) / dev0[kPCross], std::exp(-1.0), 1e-5);
  // Nobody else is touched, and a person without news holds the county's view.
  EXPECT_EQ(b.read(4, day, county), prior);
  EXPECT_FLOAT_EQ(b.read(3, day, county + 1)[kUkWage] - b.prior(county + 1)[kUkWage], dev0[kUkWage])
      << "the deviation is personal, the prior is the county's";
}

TEST(Beliefs, DecayDaysControlsTheFade) {
  // The same news fades faster with a shorter time constant.
  auto left_after = [](const char* decay, int t) {
    const BeliefParams p = BeliefParams::from(scenario({{"beliefs.decay_days", decay}}));
    Beliefs b(p, 1);
    b.learn(0, 0, 0, {1, 1, 1, 1}, {0.5f, 0.5f, 0.5f, 0.5f});
    return (b.read(0, t, 0)[kPCross] - b.prior(0)[kPCross]) /
           (b.read(0, 0, 0)[kPCross] - b.prior(0)[kPCross]);
  };
  EXPECT_NEAR(left_after("60", 60), std::exp(-1.0), 1e-5);
  EXPECT_NEAR(left_after("600", 60), std::exp(-0.1), 1e-5);
}

TEST(Beliefs, MediaMovesPriorsButNotPersonalNews) {
  const BeliefParams p = BeliefParams::from(scenario());
  Beliefs b(p, 2);
  b.learn(0, 0, 0, {1, 1, 1, 1}, {0.5f, 0.5f, 0.5f, 0.5f});
  const BeliefVec dev_before = {b.read(0, 0, 0)[kPCross] - b.prior(0)[kPCross],
                                b.read(0, 0, 0)[kPReturn] - b.prior(0)[kPReturn], 0, 0};
  MediaState m;
  m.advert.fill(1.0);
  m.campaign = 1.0;
  const BeliefVec old_prior = b.prior(0);
  b.set_media(m);
  // Adverts raise the perceived chance of crossing; a campaign raises the perceived chance of
  // return.
  EXPECT_GT(b.prior(0)[kPCross], old_prior[kPCross]);
  EXPECT_GT(b.prior(0)[kPReturn], old_prior[kPReturn]);
  EXPECT_FLOAT_EQ(b.read(0, 0, 0)[kPCross] - b.prior(0)[kPCross], dev_before[kPCross]);
  EXPECT_FLOAT_EQ(b.read(0, 0, 0)[kPReturn] - b.prior(0)[kPReturn], dev_before[kPReturn]);
  EXPECT_EQ(b.read(1, 0, 0), b.prior(0));
}

}  // namespace
}  // namespace smug::test
