// `smugsim summarize --by-row` on a sweep file: the replicates of each design row summarised on
// their own, since a summary over every row mixes the parameter sets the sweep set out to compare.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "output/runfile.hpp"

namespace smug {

// The design rows the file's replicates ran, ascending and distinct. Throws UsageError naming the
// file when it has none (not a sweep).
std::vector<int32_t> design_rows_of(const out::RunData& run, const std::string& file);

// The replicates of one design row, as a run of their own (series, seeds, keys, varied values).
out::RunData replicates_of_row(const out::RunData& run, int32_t row);

// The row's parameter values: "decision.intercept=-6 decision.gain_weight=3".
std::string row_values_text(const out::RunData& run, int32_t row);

}  // namespace smug
