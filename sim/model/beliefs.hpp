// Beliefs: what each person thinks of the chance of getting across, the chance of being returned,
// earnings in the UK and the trustworthiness of smugglers' promises.
//
// A belief is the county's media environment (its prior: smugglers' adverts push it one way,
// government information campaigns the other) plus a personal deviation learnt from news of
// people one knows. The deviation decays towards the prior with a time constant; decay is applied
// lazily when the belief is read, so nobody is touched on days when nothing happens to them.
#pragma once
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/prefetch.hpp"
#include "model/population.hpp"
#include "params/declare.hpp"

namespace smug {

enum Belief : uint8_t { kPCross = 0, kPReturn, kUkWage, kTrust, kNumBeliefs };
using BeliefVec = std::array<float, kNumBeliefs>;

struct BeliefParams : ParamsOf<BeliefParams> {
  double p_cross_base, p_return_base, uk_wage_base_gbp, trust_base;
  double advert_p_cross, advert_trust;       // how far saturating adverts lift the priors
  double campaign_p_return, campaign_trust;  // how far a full information campaign moves them
  double decay_days;
  static const Declare<BeliefParams>& table();  // every parameter, with the field it fills
};

// The media environment of each county on one day.
struct MediaState {
  std::array<double, kNumCounties> advert{};  // 0..1: saturation of smugglers' adverts
  double campaign = 0;                        // 0..1: government information campaigns
  // Additions to the perceived chance of return: campaigns' nudges (campaigns.hpp) and public
  // news of returns (public_news.hpp). Zero unless those forms are switched on.
  double nudge_p_return = 0;
  double news_p_return = 0;
  double news_p_cross = 0;  // public news of crossings' success (public_news.gain_cross)
  double news_trust = 0;    // public news of debt bonds (public_news.gain_debt): 0 or below
  double news_norm = 0;     // log-odds of the boat from news of many crossings (gain_norm)
  // Chances of no offer of the boat today: from adverts, per county, and from t ties who crossed
  // (a person's chance is the product; see decision.cpp).
  std::array<double, kNumCounties> no_advert_offer{};
  std::array<double, 256> no_tie_offer{};
};

class Beliefs {
 public:
  Beliefs(const BeliefParams& p, uint32_t n);

  // Recomputes each county's prior from today's media.
  void set_media(const MediaState& m);

  BeliefVec read(uint32_t i, int day, int county) const {
    BeliefVec b = prior_[county];
    const Personal& r = personal_[i];
    if (r.last == kNever) return b;
    const int age = day - r.last;
    const float f = age >= 0 && age < kDecayTable
                        ? decay_[static_cast<size_t>(age)]
                        : static_cast<float>(std::exp(-age / p_.decay_days));
    for (int k = 0; k < kNumBeliefs; ++k) b[k] += r.dev[k] * f;
    return b;
  }
  // Moves belief k of person i towards signal by weight w (0..1), on day.
  void learn(uint32_t i, int day, int county, const BeliefVec& signal, const BeliefVec& weight);

  const BeliefVec& prior(int county) const { return prior_[county]; }
  void prefetch(uint32_t i) const { smug::prefetch(&personal_[i]); }
  size_t bytes() const { return personal_.capacity() * sizeof(Personal); }

 private:
  static constexpr int32_t kNever = INT32_MIN;
  BeliefParams p_;
  // exp(-age / decay_days) for news up to about 11 years old: the same floats as computing it.
  static constexpr int kDecayTable = 4096;
  std::vector<float> decay_;
  std::array<BeliefVec, kNumCounties> prior_{};
  // A person's deviation from the county's view and the day of the news behind it, read together
  // by every decision past its gate: one record, aligned so that it never spans two cache lines.
  struct alignas(32) Personal {
    BeliefVec dev{};
    int32_t last = kNever;
  };
  PersonArray<Personal> personal_;
};

}  // namespace smug
