// The short table `smugsim run` prints: yearly means and 90% intervals of the headline series.
#pragma once
#include <ostream>

#include "output/runfile.hpp"

namespace smug {

void print_summary_table(std::ostream& os, const out::RunData& run);

}  // namespace smug
