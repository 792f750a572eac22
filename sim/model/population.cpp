#include "model/population.hpp"

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "params/declare.hpp"

namespace smug {

const std::array<County, kNumCounties>& counties() {
  // Rounded 2023-census prefecture populations (CENSUS-COUNTY); normalised to the census total.
  static const std::array<County, kNumCounties> table = {{
      {"berat", 109000, false, false},
      {"diber", 98000, true, false},
      {"durres", 245000, false, false},
      {"elbasan", 256000, false, false},
      {"fier", 247000, false, false},
      {"gjirokaster", 56000, false, false},
      {"korce", 174000, false, false},
      {"kukes", 61998, true, false},
      {"lezhe", 104000, false, true},
      {"shkoder", 178000, false, true},
      {"tirane", 758000, false, false},
      {"vlore", 182000, false, false},
  }};
  return table;
}

int county_index(const std::string& name) {
  for (int c = 0; c < kNumCounties; ++c)
    if (name == counties()[c].name) return c;
  return -1;
}

const Declare<PopulationParams>& PopulationParams::table() {
  static const Declare<PopulationParams> d =
      Declare<PopulationParams>(
          "population",
          "Synthetic population at risk: Albanian residents aged 18-44, split by county")
          .real("census_total", &PopulationParams::census_total, "people", "2402113", 1e5, 1e7,
                "Resident population of Albania (2023 census)", "CENSUS")
          .real("at_risk_share", &PopulationParams::at_risk_share, "share", "0.36", 0.05, 0.8,
                "Share of residents aged 18-44, the population at risk (one agent each at full "
                "scale)",
                "prior: 2023 census age structure, about 36% aged 18-44")
          .real("male_share", &PopulationParams::male_share, "share", "0.5", 0.3, 0.7,
                "Share of men among people at risk", "prior: census sex ratio")
          .real("northeast_propensity", &PopulationParams::ne_propensity, "factor", "3", 1, 20,
                "Propensity to leave in Kukes and Diber relative to central counties",
                "prior: HAC-OCT22 and SWISSCONTACT (51% of Kukes households have a member abroad)")
          .real("north_propensity", &PopulationParams::north_propensity, "factor", "1.6", 1, 10,
                "Propensity to leave in Shkoder and Lezhe relative to central counties", "prior")
          .real("unemployment_northeast", &PopulationParams::unemployment_ne, "share", "0.33", 0,
                0.9, "Unemployment among people at risk in Kukes and Diber",
                "PRESS-ECON (youth, up to 33%)")
          .real("unemployment_other", &PopulationParams::unemployment_other, "share", "0.18", 0,
                0.9, "Unemployment among people at risk elsewhere",
                "prior: national youth unemployment")
          .real("wage_northeast_gbp", &PopulationParams::wage_ne_gbp, "GBP per month", "235", 50,
                2000, "Monthly wage in the north-east (EUR 250-300 at 0.85 GBP/EUR)", "PRESS-ECON")
          .real("wage_other_gbp", &PopulationParams::wage_other_gbp, "GBP per month", "420", 50,
                3000, "Monthly wage elsewhere in Albania",
                "prior: national average wage about EUR 500")
          .real("kin_uk_share_northeast", &PopulationParams::kin_uk_share_ne, "share", "0.25", 0, 1,
                "Share of people in Kukes and Diber with kin or friends in the UK in 2020",
                "prior: SWISSCONTACT (51% of households with a member abroad, anywhere)")
          .real("kin_uk_share_other", &PopulationParams::kin_uk_share_other, "share", "0.06", 0, 1,
                "Share of people elsewhere with kin or friends in the UK in 2020", "prior")
          .real("family_money_gbp", &PopulationParams::family_money_gbp, "GBP", "1500", 0, 100000,
                "Median money a person's family can raise towards a journey (log-normal, sd "
                "family_money_log_sd)",
                "prior")
          .real("savings_months", &PopulationParams::savings_months, "months", "6", 0, 120,
                "Months of wages a person can put towards a journey", "prior")
          .integer("village_size", &PopulationParams::village_size, "people", "400", 20, 100000,
                   "People at risk per village: the unit of close ties", "prior")
          .real("family_money_log_sd", &PopulationParams::family_money_log_sd, "log GBP", "1", 0, 5,
                "Standard deviation of the log of family money (around family_money_gbp)", "prior")
          .integer("young_below_age", &PopulationParams::young_below_age, "years", "30", 19, 44,
                   "Age below which a person counts as young for unemployment", "prior")
          .real("unemployment_young_factor", &PopulationParams::unemployment_young_factor, "factor",
                "1.3", 0, 5, "Factor on the county's unemployment for people below young_below_age",
                "prior: youth unemployment is the reported figure and the higher one (PRESS-ECON)")
          .real("unemployment_older_factor", &PopulationParams::unemployment_older_factor, "factor",
                "0.75", 0, 5,
                "Factor on the county's unemployment for people of young_below_age and older",
                "prior: unemployment falls with age")
          .real("unemployment_cap", &PopulationParams::unemployment_cap, "probability", "0.95", 0,
                1, "Highest chance that a person is without work, after the age factors",
                "prior: some work or informal income in every group")
          .real("wage_log_sd", &PopulationParams::wage_log_sd, "log GBP", "0.3", 0, 3,
                "Standard deviation of the log of a worker's wage (around the county's wage)",
                "prior");
  return d;
}

uint32_t Population::village_begin(uint32_t i) const {
  const int c = hot[i].county;
  const uint32_t b = county_begin[c];
  return b + (i - b) / static_cast<uint32_t>(village_size) * static_cast<uint32_t>(village_size);
}

uint32_t Population::village_end(uint32_t i) const {
  return std::min<uint32_t>(village_begin(i) + static_cast<uint32_t>(village_size),
                            county_begin[hot[i].county + 1]);
}

uint32_t county_people(const PopulationParams& p, double scale, int c) {
  double census_sum = 0;
  for (const auto& k : counties()) census_sum += k.census_population;
  const double people = p.census_total * counties()[c].census_population / census_sum;
  return static_cast<uint32_t>(std::llround(people * p.at_risk_share * scale));
}

uint64_t people_at_scale(const PopulationParams& p, double scale) {
  uint64_t n = 0;
  for (int c = 0; c < kNumCounties; ++c) n += county_people(p, scale, c);
  return n;
}

Population Population::generate(const PopulationParams& p, double scale, StreamKey key) {
  Population pop;
  pop.scale = scale;
  pop.village_size = p.village_size;
  uint32_t n = 0;
  for (int c = 0; c < kNumCounties; ++c) {
    pop.county_begin[c] = n;
    n += county_people(p, scale, c);
    const County& k = counties()[c];
    pop.propensity[c] = k.north_east ? p.ne_propensity : k.north ? p.north_propensity : 1.0;
    pop.log_propensity[c] = std::log(pop.propensity[c]);
  }
  pop.county_begin[kNumCounties] = n;
  pop.hot.resize(n);
  pop.traits.resize(n);
  constexpr uint32_t kChunk = 256, kBlocks = 4;
  std::vector<uint64_t> words(2 * kBlocks * kChunk);
  for (int c = 0; c < kNumCounties; ++c) {
    const bool ne = counties()[c].north_east;
    const double unemployment = ne ? p.unemployment_ne : p.unemployment_other;
    const double wage = ne ? p.wage_ne_gbp : p.wage_other_gbp;
    const double kin = ne ? p.kin_uk_share_ne : p.kin_uk_share_other;
    for (uint32_t i = pop.county_begin[c]; i < pop.county_begin[c + 1]; ++i) {
      // Each person's first blocks, computed for many people at once: a person takes about seven
      // words; any more come from the stream itself.
      const uint32_t k = (i - pop.county_begin[c]) % kChunk;
      if (k == 0)
        philox4x32_10_stream_words(key.key, Purpose::kPopulation, 0, i,
                                   std::min<uint32_t>(kChunk, pop.county_begin[c + 1] - i), kBlocks,
                                   words.data());
      PrecomputedStream s(words.data() + 2 * kBlocks * k, kBlocks, key, Purpose::kPopulation, i, 0);
      boost::random::normal_distribution<double> normal;
      PersonTraits& t = pop.traits[i];
      pop.hot[i].county = static_cast<uint8_t>(c);
      t.age = static_cast<uint8_t>(18 + s.below(27));
      t.male = s.bernoulli(p.male_share);
      // Younger people are more often without work (youth unemployment is the reported figure).
      const double u =
          std::min(p.unemployment_cap,
                   unemployment * (t.age < p.young_below_age ? p.unemployment_young_factor
                                                             : p.unemployment_older_factor));
      const bool employed = !s.bernoulli(u);
      t.home_wage =
          employed ? static_cast<float>(wage * std::exp(p.wage_log_sd * normal(s))) : 0.0f;
      t.risk = static_cast<float>(normal(s));
      pop.hot[i].kin_uk = s.bernoulli(kin) ? 1 : 0;
      pop.hot[i].savings =
          static_cast<float>(t.home_wage * p.savings_months +
                             p.family_money_gbp * std::exp(p.family_money_log_sd * normal(s)));
    }
  }
  return pop;
}

size_t Population::bytes() const {
  return hot.capacity() * sizeof(PersonHot) + traits.capacity() * sizeof(PersonTraits);
}

}  // namespace smug
