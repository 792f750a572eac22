// Planning for calm months: people (and the smugglers who sell them the journey) weigh the
// crossing weather ahead, so sign-ups rise before the summer and fall before the winter.
#pragma once

namespace smug {

struct World;

// Sets today's shift in the log-odds of the boat (World::season_shift) from the sky's outlook
// over decision.season_plan_days against its mean; 0 when decision.season_weight is 0.
void plan_for_the_season(World& w);

}  // namespace smug
