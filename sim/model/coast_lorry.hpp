// The lorry from the coast: a stopped launch's client who can pay tries a lorry instead
// (coast_lorry.cpp; crossing.lorry_after_stop, off by default).
#pragma once
#include <cstdint>

#include "model/crossing.hpp"

namespace smug {

struct World;

void declare_coast_lorry(Declare<CrossingParams>& d);

// For the client of trip, whose launch was just stopped: with chance lorry_after_stop (u_choose)
// and the money, tries a lorry from the coast, which gets through with decision.lorry_success
// (u_success). Returns whether they did; then the trip has ended, in the UK or at home.
bool lorry_from_coast(World& w, uint32_t trip, double u_choose, double u_success);

}  // namespace smug
