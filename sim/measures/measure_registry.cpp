// The list of measures. Order is each measure's index and keys its random stream: append only.
#include "measures/measure.hpp"

namespace smug {

#define SMUG_MEASURE(name)                 \
  void declare_##name(ParamRegistry& reg); \
  std::unique_ptr<Measure> make_##name(uint32_t i, const Scenario& s);
SMUG_MEASURE(frontex_albania)
SMUG_MEASURE(returns_arrangement_2021)
SMUG_MEASURE(uk_albania_deal_aug22)
SMUG_MEASURE(uk_france_deal_nov22)
SMUG_MEASURE(joint_communique)
SMUG_MEASURE(taskforce)
SMUG_MEASURE(kosovo_drones)
SMUG_MEASURE(development_programmes)
SMUG_MEASURE(legal_work_route)
SMUG_MEASURE(taskforce_regional)
SMUG_MEASURE(french_patrols)
#undef SMUG_MEASURE

const std::vector<MeasureEntry>& measure_entries() {
  static const std::vector<MeasureEntry> list = {
      {"frontex_albania", declare_frontex_albania, make_frontex_albania},
      {"returns_arrangement_2021", declare_returns_arrangement_2021, make_returns_arrangement_2021},
      {"uk_albania_deal_aug22", declare_uk_albania_deal_aug22, make_uk_albania_deal_aug22},
      {"uk_france_deal_nov22", declare_uk_france_deal_nov22, make_uk_france_deal_nov22},
      {"joint_communique", declare_joint_communique, make_joint_communique},
      {"taskforce", declare_taskforce, make_taskforce},
      {"kosovo_drones", declare_kosovo_drones, make_kosovo_drones},
      {"development_programmes", declare_development_programmes, make_development_programmes},
      {"legal_work_route", declare_legal_work_route, make_legal_work_route},
      {"taskforce_regional", declare_taskforce_regional, make_taskforce_regional},
      {"french_patrols", declare_french_patrols, make_french_patrols},
  };
  return list;
}

}  // namespace smug
