// What to rerun when two run files cannot be paired: `smugsim compare` names the options, as far
// as the run files record them, in which OTHER differs from BASE (seed, replicates, horizon,
// scale, posterior draws), so the analyst reruns one command instead of guessing.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "output/runfile.hpp"

namespace smug {

// The options OTHER would need to run BASE's replicates: "--seed 7", "--replicates 8",
// "--start 2020-01-01", "--end 2023-12-31", "--scale 0.02", "--posterior p.csv --draws 4" or
// "no --posterior". Empty when none recorded differs.
std::vector<std::string> differing_run_options(const out::RunData& base, const out::RunData& other);

// Throws UsageError when the runs cannot be paired (out::incomparable_reason, or different
// scales), saying what differs and how to rerun other_file.
void refuse_unpaired(const out::RunData& base, const std::string& base_file,
                     const out::RunData& other, const std::string& other_file);

// A warning on `log` when the runs are paired by replicate but drew other posterior rows: their
// differences then mix the what-if with parameter differences.
void warn_of_other_draws(std::ostream& log, const out::RunData& base, const out::RunData& other,
                         const std::string& other_file);

}  // namespace smug
