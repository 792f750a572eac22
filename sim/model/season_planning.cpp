#include "model/season_planning.hpp"

#include "model/world.hpp"

namespace smug {

void plan_for_the_season(World& w) {
  const DecisionParams& p = w.p.decision;
  // Skipped at 0 so that runs without the mechanism do no extra work and stay bit for bit.
  if (p.season_weight == 0) return;
  w.season_shift = p.season_weight * (w.sky.outlook(w.date, p.season_plan_days) - w.sky.mean());
}

}  // namespace smug
