// The short table `smugsim run` prints: yearly means and 90% intervals of the headline series.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "output/runfile.hpp"

namespace smug {

// The series the table shows (and the sweep summary reads): what a run keeps in memory to print.
const std::vector<std::string>& summary_metrics();

void print_summary_table(std::ostream& os, const out::RunData& run);

}  // namespace smug
