#include "model/news.hpp"

#include <algorithm>

#include "core/prefetch.hpp"
#include "model/world.hpp"
#include "params/declare.hpp"

namespace smug {

namespace {
const char* const kNames[kNumNewsTypes] = {"crossed",  "working", "stopped",
                                           "returned", "drowned", "debt"};
}

const Declare<NewsParams>& NewsParams::table() {
  static const Declare<NewsParams> d = [] {
    Declare<NewsParams> t("news",
                          "News of what happened to people one knows, and how it moves beliefs");
    const char* hear_default[kNumNewsTypes] = {"0.5", "0.3", "0.3", "0.8", "0.9", "0.4"};
    const char* weight_default[kNumNewsTypes] = {"0.3", "0.15", "0.2", "0.4", "0.5", "0.3"};
    const char* what[kNumNewsTypes] = {"a tie crossed to the UK",
                                       "a tie is working in the UK",
                                       "a tie was stopped on the way",
                                       "a tie was returned",
                                       "a tie drowned",
                                       "a tie is in debt bondage"};
    for (int k = 0; k < kNumNewsTypes; ++k) {
      t.real(std::string("hear_") + kNames[k], &NewsParams::hear, k, "probability", hear_default[k],
             0, 1, std::string("Chance a tie hears that ") + what[k], "prior");
      t.real(std::string("weight_") + kNames[k], &NewsParams::weight, k, "share", weight_default[k],
             0, 1, std::string("How far a hearer's beliefs move when ") + what[k], "prior");
    }
    t.real("reconsider", &NewsParams::reconsider, "probability", "0.3", 0, 1,
           "Chance that hearing news prompts a person to reconsider leaving that day", "prior")
        .real("uk_earnings_gbp", &NewsParams::uk_earnings_gbp, "GBP per month", "1300", 0, 10000,
              "Monthly earnings of an Albanian working irregularly in the UK, as reported home",
              "prior: press reporting of cash work and cannabis farms")
        .real("working_trust_share", &NewsParams::working_trust_share, "share of weight", "0.5", 0,
              1,
              "Share of weight_working by which news of a tie working in the UK also moves trust "
              "in smugglers",
              "prior: the work was found, the promise of the journey only partly tested")
        .real("stopped_trust_share", &NewsParams::stopped_trust_share, "share of weight", "0.5", 0,
              1,
              "Share of weight_stopped by which news of a tie stopped on the way also moves trust "
              "in smugglers",
              "prior: a stop is partly the police's doing, not only the smugglers'")
        .real("returned_wage_share", &NewsParams::returned_wage_share, "share of weight", "0.5", 0,
              1,
              "Share of weight_returned by which news of a tie returned also moves perceived UK "
              "earnings (towards none)",
              "prior: a returnee earned for a while before removal")
        .real("debt_earnings_share", &NewsParams::debt_earnings_share, "share of earnings", "0.3",
              0, 1,
              "UK earnings that news of a tie in debt bondage reports, as a share of "
              "uk_earnings_gbp",
              "prior: debt repayment takes most of a bonded worker's pay (SEED-NEWS-MAY24)");
    return t;
  }();
  return d;
}

void tell(World& w, uint32_t i, NewsType type) {
  const NewsParams& p = w.p.news;
  const int k = static_cast<int>(type);
  const float wt = static_cast<float>(p.weight[k]);
  const float earn = static_cast<float>(p.uk_earnings_gbp);
  // In float, as the beliefs they weigh.
  const float working_trust = static_cast<float>(p.working_trust_share);
  const float stopped_trust = static_cast<float>(p.stopped_trust_share);
  const float returned_wage = static_cast<float>(p.returned_wage_share);
  const float debt_earn = static_cast<float>(p.debt_earnings_share);
  // What the news says about each belief; a weight of 0 leaves that belief alone.
  BeliefVec signal{}, weight{};
  switch (type) {
    case NewsType::kCrossed:
      signal = {1, 0, earn, 1};
      weight = {wt, 0, wt, wt};
      break;
    case NewsType::kWorking:
      signal = {1, 0, earn, 1};
      weight = {0, wt, wt, wt * working_trust};
      break;
    case NewsType::kStopped:
      signal = {0, 0, 0, 0};
      weight = {wt, 0, 0, wt * stopped_trust};
      break;
    case NewsType::kReturned:
      signal = {0, 1, 0, 0};
      weight = {0, wt, wt * returned_wage, wt};
      break;
    case NewsType::kDrowned:
      signal = {0, 0, 0, 0};
      weight = {wt, 0, 0, wt};
      break;
    case NewsType::kDebtBondage:
      signal = {0, 0, earn * debt_earn, 0};
      weight = {0, 0, wt, wt};
      break;
    case NewsType::kNum:
      return;
  }
  w.net.ties(w.pop, i, w.ties_scratch);
  // Ties are random people: fetching all their records at once overlaps the cache misses that
  // the loop would otherwise take one after another.
  for (uint32_t j : w.ties_scratch) {
    prefetch(&w.pop.hot[j]);
    w.beliefs.prefetch(j);
  }
  // Two uniforms per tie (a block), computed together.
  constexpr uint32_t kMaxBlocks = 32;
  const uint32_t day = w.uday() * 8u + static_cast<uint32_t>(k);
  uint64_t words[2 * kMaxBlocks];
  const uint32_t blocks =
      std::min<uint32_t>(kMaxBlocks, static_cast<uint32_t>(w.ties_scratch.size()));
  philox4x32_10_stream_words(w.key.key, Purpose::kNews, day, i, 1, blocks, words);
  PrecomputedStream s(words, blocks, w.key, Purpose::kNews, i, day);
  for (uint32_t j : w.ties_scratch) {
    const double u_hear = s.uniform(), u_prompt = s.uniform();
    if (u_hear >= p.hear[k]) continue;
    w.beliefs.learn(j, w.day, w.pop.hot[j].county, signal, weight);
    if (type == NewsType::kCrossed && w.pop.hot[j].uk_ties < 255) ++w.pop.hot[j].uk_ties;
    if (type == NewsType::kReturned && w.pop.hot[j].uk_ties > 0) --w.pop.hot[j].uk_ties;
    if (u_prompt < p.reconsider) w.prompted.push_back(j);
  }
}

}  // namespace smug
