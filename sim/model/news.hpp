// News along ties. What happens to a person (crossed and working, stopped, returned, drowned, in
// debt bondage) reaches their ties, who move their beliefs towards what the news says and may be
// prompted to reconsider leaving. Returnees are at home and talk: their stories reach more ties
// than news sent from the UK, which is how a returns agreement deters and how a surge feeds itself.
#pragma once
#include <array>
#include <cstdint>

#include "params/declare.hpp"

namespace smug {

struct World;

enum class NewsType : uint8_t {
  kCrossed,
  kWorking,
  kStopped,
  kReturned,
  kDrowned,
  kDebtBondage,
  kNum
};
constexpr int kNumNewsTypes = static_cast<int>(NewsType::kNum);

struct NewsParams : ParamsOf<NewsParams> {
  std::array<double, kNumNewsTypes> hear;    // chance a tie hears this kind of news
  std::array<double, kNumNewsTypes> weight;  // how far a hearer's beliefs move towards it
  double reconsider;                         // chance news prompts a hearer to reconsider
  double uk_earnings_gbp;                    // what work in the UK pays: the news' signal
  // Cross-weights: the share of a news kind's weight that also moves a belief it bears on less
  // directly, and what news of debt bondage says about earnings.
  double working_trust_share, stopped_trust_share, returned_wage_share;
  double debt_earnings_share;
  static const Declare<NewsParams>& table();  // every parameter, with the field it fills
};

// Person i's news reaches their ties today.
void tell(World& w, uint32_t i, NewsType type);

}  // namespace smug
