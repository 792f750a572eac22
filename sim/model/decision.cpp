#include "model/decision.hpp"

#include <algorithm>
#include <boost/random/binomial_distribution.hpp>
#include <cmath>

#include "core/prefetch.hpp"
#include "model/journey.hpp"
#include "model/world.hpp"
#include "params/declare.hpp"

namespace smug {

const Declare<DecisionParams>& DecisionParams::table() {
  static const Declare<DecisionParams> d =
      Declare<DecisionParams>(
          "decision", "Whether and how a person leaves: expected gain against costs and home")
          .real("reconsider_interval_days", &DecisionParams::reconsider_interval_days, "days",
                "120", 7, 3650,
                "Mean days between a person's spontaneous reconsiderations of leaving", "prior")
          .real("horizon_months", &DecisionParams::horizon_months, "months", "24", 1, 240,
                "Months of UK earnings a person weighs against the costs", "prior")
          .real("intercept", &DecisionParams::intercept, "log-odds", "-6", -30, 10,
                "Log-odds of leaving for a man of reference_age with nothing to gain",
                "prior (calibrated)")
          .real("gain_weight", &DecisionParams::gain_weight, "log-odds per GBP 10,000", "3", 0, 50,
                "Weight of the expected net gain in the log-odds of leaving", "prior (calibrated)")
          .real("female_shift", &DecisionParams::female_shift, "log-odds", "-1.9", -10, 5,
                "Shift in log-odds for women", "HO-IRR: 87% of 2022 arrivals were men")
          .real("age_decline", &DecisionParams::age_decline, "log-odds per year", "0.08", 0, 1,
                "Fall in log-odds per year of age above reference_age",
                "HO-IRR: 78% of arrivals aged 18-39")
          .real("risk_weight", &DecisionParams::risk_weight, "log-odds per SD", "0.6", 0, 10,
                "Fall in log-odds per standard deviation of risk aversion above risk_reference",
                "prior")
          .real("risk_reference", &DecisionParams::risk_reference, "SD", "0", -4, 4,
                "Risk aversion (in standard deviations) of the person the intercept describes, "
                "as reference_age is the intercept's age",
                "prior: a convention (0, the average person; -2, the boldest 2%, keeps the "
                "intercept apart from risk_weight when the willing are a tail); HAC-OCT22: 1-2% "
                "of men aged 20-40 crossed in 2022")
          .real("trust_weight", &DecisionParams::trust_weight, "log-odds", "2", 0, 20,
                "Rise in log-odds of the boat from full trust in smugglers (against none), centred "
                "at trust_centre",
                "prior")
          .real("informal_income_gbp", &DecisionParams::informal_income_gbp, "GBP per month", "120",
                0, 2000, "Monthly income at home of a person without a job (informal work, family)",
                "prior")
          .real("bus_cost_gbp", &DecisionParams::bus_cost_gbp, "GBP", "170", 0, 5000,
                "Bus to northern France (EUR 200)", "PRESS-PRICES")
          .real("kin_help_gbp", &DecisionParams::kin_help_gbp, "GBP per tie", "1500", 0, 50000,
                "Money kin or a tie in the UK can lend towards the price", "prior")
          .real("debt_premium", &DecisionParams::debt_premium, "share of price", "0.5", 0, 10,
                "Extra perceived cost of buying on credit (debt bond), times distrust", "prior")
          .real("offer_advert", &DecisionParams::offer_advert, "rate", "1.0", 0, 100,
                "How strongly advert saturation puts an offer of the boat in front of a person",
                "prior (calibrated)")
          .real("offer_per_tie", &DecisionParams::offer_per_tie, "rate", "0.5", 0, 100,
                "How strongly each tie who crossed by boat puts an offer in front of a person",
                "prior")
          .real("lorry_price_gbp", &DecisionParams::lorry_price_gbp, "GBP", "10000", 1000, 50000,
                "Price of a lorry crossing", "PRESS-PRICES (GBP 7,000-25,000)")
          .real("lorry_success", &DecisionParams::lorry_success, "probability", "0.6", 0, 1,
                "Chance a lorry crossing gets through", "prior")
          .real("lorry_shift", &DecisionParams::lorry_shift, "log-odds", "-1", -20, 10,
                "Preference for the lorry route", "prior")
          .real("air_price_gbp", &DecisionParams::air_price_gbp, "GBP", "15000", 1000, 50000,
                "Price of a flight with false documents", "PRESS-PRICES (up to GBP 25,000)")
          .real("air_success", &DecisionParams::air_success, "probability", "0.5", 0, 1,
                "Chance a flight with false documents gets through", "prior")
          .real("air_shift", &DecisionParams::air_shift, "log-odds", "-1.5", -20, 10,
                "Preference for the air route", "prior")
          .real("trust_centre", &DecisionParams::trust_centre, "share", "0.5", 0, 1,
                "Trust in smugglers at which trust_weight neither raises nor lowers the log-odds "
                "of the boat (more trust raises them, less lowers them)",
                "prior: halfway between no trust and full trust")
          .integer("reference_age", &DecisionParams::reference_age, "years", "30", 18, 44,
                   "Age of the person the intercept describes; above it the log-odds fall by "
                   "age_decline a year",
                   "prior: HO-IRR (most arrivals aged 18-39)")
          .real("season_weight", &DecisionParams::season_weight, "log-odds", "0", 0, 20,
                "Rise in the log-odds of the boat per unit by which the chance of a viable "
                "crossing day over the next season_plan_days exceeds its mean: people and their "
                "smugglers plan for calm months (0: they do not)",
                "prior: crossings and sign-ups peak in summer (HO-DAILY; PRESS-PRICES)")
          .integer("season_plan_days", &DecisionParams::season_plan_days, "days", "30", 1, 180,
                   "Days ahead over which people weigh the crossing weather",
                   "prior: the bus and the wait in France take weeks");
  return d;
}

namespace {

bool reached_by_development(const World& w, uint32_t i) {
  const Levers& l = w.levers;
  if (!(l.development_counties >> w.pop.hot[i].county & 1u)) return false;
  // Who the programmes reach is a fixed property of the person, not a daily draw.
  Stream s(w.key, Purpose::kPopulation, i, 1);
  return s.uniform() < l.development_reach;
}

}  // namespace

void offer_chances_today(World& w) {
  const DecisionParams& p = w.p.decision;
  for (int c = 0; c < kNumCounties; ++c)
    w.media.no_advert_offer[c] = std::exp(-p.offer_advert * w.media.advert[c]);
}

void offer_chances_for_ties(const DecisionParams& p, MediaState& m) {
  for (size_t t = 0; t < m.no_tie_offer.size(); ++t)
    m.no_tie_offer[t] = std::exp(-p.offer_per_tie * static_cast<double>(t));
}

namespace {

double to_unit(uint32_t bits) {
  return static_cast<double>(bits) * 0x1p-32;
}

// What a person can do before weighing anything up: whether the boat is offered (adverts or ties
// who crossed), and whether they have the money for a lorry or a flight.
struct Gate {
  bool offered, lorry, air;
  double savings;
  bool any() const { return offered || lorry || air; }
};

}  // namespace

double money_for_other_routes(const World& w, uint32_t i) {
  const PersonHot& h = w.pop.hot[i];
  return h.savings + w.p.decision.kin_help_gbp * (h.kin_uk + h.uk_ties);
}

namespace {

Gate gate(const World& w, uint32_t i, double u_offer) {
  const DecisionParams& p = w.p.decision;
  const PersonHot& h = w.pop.hot[i];
  Gate g;
  g.offered = u_offer >= w.media.no_advert_offer[h.county] * w.media.no_tie_offer[h.uk_ties];
  g.savings = money_for_other_routes(w, i);
  g.lorry = g.savings >= p.lorry_price_gbp;
  g.air = g.savings >= p.air_price_gbp;
  return g;
}

// The decision proper, for a person at home past the gate: beliefs, utilities, choice, action.
// chosen: the organisation choose_at(u_org) gives, if known already (-2 if not).
void weigh(World& w, uint32_t i, const Gate& g, Stream& s, double u_org, int chosen = -2) {
  // Stopped at an exit lately (journey.exit_ban_days): not leaving again yet.
  if (!w.not_before.empty() && w.day < w.not_before[i]) return;
  const DecisionParams& p = w.p.decision;
  const int c = w.pop.hot[i].county;
  const BeliefVec b = w.beliefs.read(i, w.day, c);
  const PersonTraits& t = w.pop.traits[i];
  double home = std::max<double>(t.home_wage, p.informal_income_gbp) * p.horizon_months;
  if (reached_by_development(w, i)) home *= 1 + w.levers.development_wage_boost;
  const double uk = (1 - b[kPReturn]) * b[kUkWage] * p.horizon_months;
  double shift = w.pop.log_propensity[c] - p.risk_weight * (t.risk - p.risk_reference);
  if (!t.male) shift += p.female_shift;
  if (t.age > p.reference_age) shift -= p.age_decline * (t.age - p.reference_age);
  auto weight_of = [&](double gain, double cost, double route_shift) {
    const double u = p.intercept + route_shift + shift + p.gain_weight * (gain - cost - home) / 1e4;
    return std::exp(std::min(50.0, u));
  };

  // Options: 0 stay (utility 0), 1 boat, 2 lorry, 3 air; an unavailable option has weight 0.
  double weight[4] = {1, 0, 0, 0};
  int org = -1;
  bool paid = true;
  double price = 0;
  if (g.offered && (org = chosen != -2 ? chosen : w.orgs.choose_at(u_org)) >= 0) {
    price = w.orgs.at(org).price;
    paid = g.savings >= price;
    if (paid || w.orgs.sells_on_credit(org, w.date)) {
      const double cost =
          price * (paid ? 1 : 1 + p.debt_premium * (1 - b[kTrust])) + p.bus_cost_gbp;
      weight[1] = weight_of(
          b[kPCross] * uk, cost,
          p.trust_weight * (b[kTrust] - p.trust_centre) + w.season_shift + w.media.news_norm);
    }
  }
  if (g.lorry) weight[2] = weight_of(p.lorry_success * uk, p.lorry_price_gbp, p.lorry_shift);
  if (g.air) weight[3] = weight_of(p.air_success * uk, p.air_price_gbp, p.air_shift);
  const double total = weight[0] + weight[1] + weight[2] + weight[3];
  double u = s.uniform() * total;
  int choice = 0;
  while (choice < 3 && u >= weight[choice]) u -= weight[choice++];
  if (weight[choice] == 0) choice = 0;  // guards the rounding edge
  if (choice == 0) return;

  // A legal route (what-if) takes people who would otherwise leave irregularly.
  if (w.legal_visas >= 1) {
    w.legal_visas -= 1;
    w.pop.hot[i].status = Status::kAbroadLegal;
    w.rec.add(kLegalDepartures, w.day, 1);
    return;
  }
  if (choice == 1) {
    start_boat_trip(w, i, org, price, paid, s);
  } else {
    start_other_route(w, i, choice == 2 ? p.lorry_success : p.air_success,
                      choice == 2 ? kExitKosovo : kExitAirport, s);
  }
}

// The person's own stream: its first word's halves are the offer's and the organisation's
// uniforms (32 bits each is ample for chances of one in a million and up).
// Its first block and organisation may have been computed beforehand (the same either way).
void weigh_with_own_stream(World& w, uint32_t i, const Gate& g, const Philox4x32Counter* first,
                           int chosen) {
  Stream s = first ? Stream(w.key, Purpose::kDecide, i, w.uday(), *first)
                   : Stream(w.key, Purpose::kDecide, i, w.uday());
  weigh(w, i, g, s, to_unit(static_cast<uint32_t>(s())), chosen);
}

}  // namespace

void consider(World& w, uint32_t i) {
  if (w.pop.hot[i].status != Status::kHome) return;
  w.rec.add(kConsidering, w.day, 1);
  Stream s(w.key, Purpose::kDecide, i, w.uday());
  const uint64_t word = s();
  const Gate g = gate(w, i, to_unit(static_cast<uint32_t>(word >> 32)));
  // Most people have neither an offer of the boat nor the money for a lorry or a flight: they
  // stop here, before beliefs and utilities are computed.
  if (g.any()) weigh(w, i, g, s, to_unit(static_cast<uint32_t>(word)));
}

namespace {

// Prefetch distances, in people: hot records this far ahead, then (with those in cache) the rest
// of what a decision reads, so that the misses of several people overlap.
constexpr size_t kHot = 32, kCold = 16;

// first: the person's stream's first block if computed beforehand (the same numbers either way);
// chosen: the organisation its uniform chooses, if known (-2 if not).
void consider_background(World& w, uint32_t i, uint32_t offer_bits, const Philox4x32Counter* first,
                         int chosen) {
  if (w.pop.hot[i].status != Status::kHome) return;
  w.rec.add(kConsidering, w.day, 1);
  // The offer's uniform came with the pick, so the many who stop at the gate cost no stream.
  const Gate g = gate(w, i, to_unit(offer_bits));
  if (g.any()) weigh_with_own_stream(w, i, g, first, chosen);
}

// What a decision reads past its gate, fetched ahead for people likely to get there (an offer is
// likely, or they have the money for another route): each of those reads is a cache miss on a
// random person.
void prefetch_decision(const World& w, uint32_t i) {
  const PersonHot& h = w.pop.hot[i];
  if (h.status != Status::kHome) return;
  const DecisionParams& p = w.p.decision;
  const double no_offer = w.media.no_advert_offer[h.county] * w.media.no_tie_offer[h.uk_ties];
  if (no_offer > 0.99 && money_for_other_routes(w, i) < p.lorry_price_gbp) return;
  w.beliefs.prefetch(i);
  prefetch(&w.pop.traits[i]);
}

}  // namespace

void consider_all(World& w, const std::vector<uint32_t>& people) {
  const size_t n = people.size();
  for (size_t j = 0; j < n; ++j) {
    if (j + kHot < n) prefetch(&w.pop.hot[people[j + kHot]]);
    if (j + kCold < n) prefetch_decision(w, people[j + kCold]);
    consider(w, people[j]);
  }
}

void background_considerations(World& w) {
  Stream s(w.key, Purpose::kReconsider, 0, w.uday());
  const uint32_t n = w.pop.size();
  boost::random::binomial_distribution<int> count(static_cast<int>(n),
                                                  1.0 / w.p.decision.reconsider_interval_days);
  const int k = n > 0 ? count(s) : 0;
  // One word per pick: its high half picks the person (multiply-shift), its low half is the
  // uniform of their offer draw.
  std::vector<uint64_t>& words = w.words_scratch;
  words.resize(static_cast<size_t>(k));
  s.fill(words.data(), words.size());
  auto person = [&](size_t j) { return static_cast<uint32_t>((words[j] >> 32) * n >> 32); };
  auto offer_bits = [&](size_t j) { return static_cast<uint32_t>(words[j]); };
  // First every pick's gate alone, so that the streams of those who pass have their first blocks
  // computed together (a block's ten rounds are a chain of multiplications that each decision
  // would otherwise wait for). The decisions then run in order and test their gates again: a
  // gate that changed in between (someone picked twice in a day) is decided as it would be alone,
  // and a block computed for nothing is not drawn from.
  std::vector<uint32_t>& passing = w.passing_scratch;      // who passed, in order
  std::vector<uint32_t>& passed_at = w.passed_at_scratch;  // at which pick
  passing.clear();
  passed_at.clear();
  for (size_t j = 0; j < words.size(); ++j) {
    if (j + kHot < words.size()) prefetch(&w.pop.hot[person(j + kHot)]);
    const uint32_t i = person(j);
    if (w.pop.hot[i].status == Status::kHome && gate(w, i, to_unit(offer_bits(j))).any()) {
      passing.push_back(i);
      passed_at.push_back(static_cast<uint32_t>(j));
    }
  }
  std::vector<Philox4x32Counter>& first = w.first_blocks_scratch;
  first.resize(passing.size());
  philox4x32_10_first_blocks(w.key.key, Purpose::kDecide, w.uday(), passing.data(), passing.size(),
                             first.data());
  // Their organisations too, while the weights stay as they are (a choice is a short chain of
  // dependent loads; many at once overlap). Any change to the weights on the way voids the rest.
  std::vector<int>& chosen = w.chosen_scratch;
  chosen.resize(passing.size());
  // (Their uniform is the low half of the stream's first word, as in weigh_with_own_stream.)
  for (size_t q = 0; q < passing.size(); ++q) chosen[q] = w.orgs.choose_at(to_unit(first[q][0]));
  const uint64_t version = w.orgs.choice_version();
  for (size_t j = 0, q = 0; j < words.size(); ++j) {
    // The first pass's hot records may have left the nearer caches since.
    if (j + kHot < words.size()) prefetch(&w.pop.hot[person(j + kHot)]);
    // What a decision reads past its gate, fetched ahead for those who passed it.
    if (q + kCold < passing.size()) {
      w.beliefs.prefetch(passing[q + kCold]);
      prefetch(&w.pop.traits[passing[q + kCold]]);
    }
    const bool ahead = q < passed_at.size() && passed_at[q] == j;
    const int org = ahead && w.orgs.choices_still_valid(version) ? chosen[q] : -2;
    consider_background(w, person(j), offer_bits(j), ahead ? &first[q] : nullptr, org);
    q += ahead;
  }
}

}  // namespace smug
