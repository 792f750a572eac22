// One person's journey, from the day they sign with an organisation to their return home or
// settlement in the UK. A person who is returned and leaves again starts a new trip.
#pragma once
#include <cstdint>

#include "model/levers.hpp"

namespace smug {

enum class TripStage : uint8_t {
  kTravelling,  // on the way to northern France
  kWaiting,     // in an organisation's queue on the coast
  kUkPending,   // arrived; claim (or no claim) awaiting decision
  kUkRefused,   // refused or no claim: removable, awaiting removal
  kUkStaying,   // granted, or absconded after withdrawing or evading removal
  kEnded,       // home again, dead, or gone by another route
};

struct Trip {
  uint32_t person = 0;
  int16_t org = -1;
  Exit exit = kExitKosovo;
  TripStage stage = TripStage::kTravelling;
  bool detained = false;
  bool granted = false;
  uint8_t attempts = 0;
  float price = 0;  // GBP paid or owed for the boat leg
  float debt = 0;   // GBP still owed to the organisation
  int32_t signed_day = 0;
  int32_t arrival_day = -1;  // in the UK
};

}  // namespace smug
